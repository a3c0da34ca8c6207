// Builds the web app only when it is missing or older than its sources, so that `npm start` restarts
// in a moment instead of rebuilding every time. A stamp file, written only after a build and its budget
// check both succeed, says when the current build was made. Starts that overlap take turns by a lock
// directory (mkdir is atomic): the second waits, then finds the build current and does nothing.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface WebBuildPlan {
  /** Files and folders whose contents the build is made from (folders are walked). */
  readonly sources: readonly string[];
  /** Written after a successful build; its time is the build's. */
  readonly stampFile: string;
  /** Taken while checking and building. */
  readonly lockDir: string;
  /** Runs the build; throws when it fails. */
  build(): void | Promise<void>;
  /** How long to wait for another start that is building, in milliseconds. */
  readonly waitMs?: number;
}

function newestModification(entry: string): number {
  let stat;
  try {
    stat = statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows as a newer folder
  for (const name of readdirSync(entry)) newest = Math.max(newest, newestModification(path.join(entry, name)));
  return newest;
}

export function isWebBuildCurrent(plan: Pick<WebBuildPlan, 'sources' | 'stampFile'>): boolean {
  let built: number;
  try {
    built = statSync(plan.stampFile).mtimeMs;
  } catch {
    return false;
  }
  return plan.sources.every((s) => newestModification(s) <= built);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function takeLock(lockDir: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(lockDir, { recursive: false });
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock left by a start that died (its pid is gone) is cleared; a fresh one may not have its pid yet.
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    } catch {
      /* being written */
    }
    if (Number.isInteger(holder) && holder > 0 && !isRunning(holder)) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Another start has been building the web app for too long (remove ${lockDir} if none is).`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Builds when needed; returns whether it built. */
export async function ensureWebBuild(plan: WebBuildPlan): Promise<boolean> {
  if (isWebBuildCurrent(plan)) return false;
  mkdirSync(path.dirname(plan.lockDir), { recursive: true });
  await takeLock(plan.lockDir, plan.waitMs ?? 10 * 60_000);
  try {
    if (isWebBuildCurrent(plan)) return false; // built by the start we waited for
    rmSync(plan.stampFile, { force: true });
    await plan.build();
    mkdirSync(path.dirname(plan.stampFile), { recursive: true });
    writeFileSync(plan.stampFile, `${new Date().toISOString()}\n`);
    return true;
  } finally {
    rmSync(plan.lockDir, { recursive: true, force: true });
  }
}
