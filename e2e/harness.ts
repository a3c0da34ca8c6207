// Browser-test harness: builds the web app when stale, loads the demo into a fresh data folder,
// starts the real server on loopback, and drives Debian's Chromium with playwright-core. Every page a
// journey visits is checked with axe-core (WCAG 2.2 AA rules; zero violations allowed) and
// screenshotted at 360×740 and 1280×800 into e2e/screenshots/ (git-ignored) for a person to review.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SCREENSHOTS = path.join(ROOT, 'e2e', 'screenshots');
const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
export const DEMO_PASSWORD = 'e2e-demo-password-2026';
const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function buildWebIfStale(): void {
  const built = path.join(ROOT, 'dist', 'web', 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(path.join(ROOT, 'src', 'web'))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export interface Demo {
  clinic: { id: string; name: string; shareCode: string };
  staff: { email: string; role: string }[];
  patients: { email: string; name: string; timeZone: string; sharing: string }[];
  caregivers: { email: string; forPatient: string }[];
}

export interface World {
  readonly server: ServerProcess;
  readonly browser: Browser;
  readonly demo: Demo;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  buildWebIfStale();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'painwise-e2e-'));
  const env = { ...process.env, PAINWISE_DATA_DIR: dataDir, PAINWISE_DEMO_PASSWORD: DEMO_PASSWORD, DATABASE_URL: '' };
  const demo = JSON.parse(
    execFileSync(process.execPath, [path.join(ROOT, 'src/cli/main.ts'), 'demo', '--json'], { cwd: ROOT, env }).toString(),
  ) as Demo;
  const server = await startServerProcess({ PAINWISE_DATA_DIR: dataDir, DATABASE_URL: '' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server,
    browser,
    demo,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

export async function newContext(world: World, options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<BrowserContext> {
  return world.browser.newContext({
    baseURL: world.server.baseUrl,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    ...options,
  });
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page (WCAG 2.0/2.1/2.2 A and AA rules and axe's best practices) at 1280 and 360 px, and takes both screenshots. */
export async function checkPage(page: Page, name: string, violations: string[]): Promise<void> {
  await page.locator('main h1').first().waitFor();
  // evaluate() runs through the DevTools protocol, so the strict CSP (no inline scripts) does not block axe.
  await page.evaluate(AXE_SOURCE);
  const size = page.viewportSize();
  // At the desktop width and at a phone's (some failures, such as a table that scrolls sideways, exist only there).
  for (const width of [size?.width ?? 1280, 360]) {
    if (width !== size?.width) await page.setViewportSize({ width, height: 740 });
    const found = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
      }));
    });
    for (const v of found)
      violations.push(`${name} at ${width} px: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  }
  for (const [w, h] of [
    [360, 740],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${w}.png`), fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

/** Waits until the locator is visible; fails with a readable message (no fixed sleeps anywhere). */
export async function expectVisible(locator: Locator, what: string, timeout = 10_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`expected to see ${what}`);
  }
}

/** Waits until the locator's element has keyboard focus. */
export async function expectFocused(locator: Locator, what: string, timeout = 10_000): Promise<void> {
  await expectVisible(locator.and(locator.page().locator(':focus')), `focus on ${what}`, timeout);
}
