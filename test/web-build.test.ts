// `npm start` builds the web app only when it is missing or older than its sources, and two starts at
// once build it once.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureWebBuild, type WebBuildPlan } from '../scripts/web-build.ts';
import packageJson from '../package.json' with { type: 'json' };

describe('building the web app at start', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function project() {
    const root = mkdtempSync(path.join(os.tmpdir(), 'painwise-webbuild-'));
    dirs.push(root);
    mkdirSync(path.join(root, 'src', 'web'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'web', 'main.tsx'), 'export {};\n');
    let builds = 0;
    const plan: WebBuildPlan = {
      sources: [path.join(root, 'src', 'web')],
      stampFile: path.join(root, 'dist', '.web-built'),
      lockDir: path.join(root, 'dist', '.web-build.lock'),
      async build() {
        builds += 1;
        await new Promise((r) => setTimeout(r, 150)); // long enough for a second start to overlap
      },
    };
    return { root, plan, builds: () => builds };
  }

  it('builds when there is no build, and not again while the sources are unchanged', async () => {
    const p = project();
    expect(await ensureWebBuild(p.plan)).toBe(true);
    expect(await ensureWebBuild(p.plan)).toBe(false);
    expect(p.builds()).toBe(1);
  });

  it('builds again when a source is newer than the build', async () => {
    const p = project();
    await ensureWebBuild(p.plan);
    const later = new Date(Date.now() + 5000);
    const source = path.join(p.root, 'src', 'web', 'main.tsx');
    writeFileSync(source, 'export const changed = true;\n');
    utimesSync(source, later, later);
    expect(await ensureWebBuild(p.plan)).toBe(true);
    expect(p.builds()).toBe(2);
  });

  it('builds once when two starts overlap', async () => {
    const p = project();
    const results = await Promise.all([ensureWebBuild(p.plan), ensureWebBuild(p.plan)]);
    expect(results.sort()).toEqual([false, true]);
    expect(p.builds()).toBe(1);
  });

  it('leaves no stamp when the build fails, so the next start tries again', async () => {
    const p = project();
    await expect(
      ensureWebBuild({
        ...p.plan,
        build: () => {
          throw new Error('budget exceeded');
        },
      }),
    ).rejects.toThrow('budget exceeded');
    expect(await ensureWebBuild(p.plan)).toBe(true);
  });

  it('is what npm start runs, instead of an unconditional build', () => {
    expect(packageJson.scripts.start).toContain('scripts/build-web-if-stale.ts');
    expect(packageJson.scripts.start).not.toContain('build:web');
  });
});
