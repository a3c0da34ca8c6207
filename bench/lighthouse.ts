// Lighthouse (mobile preset) on the patient's Today page, signed in, against the real server.
// Targets: accessibility 100, performance ≥ 90, best practices ≥ 95.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import type { InProcessResult } from './in-process.ts';

const TARGETS = { performance: 90, accessibility: 100, 'best-practices': 95 } as const;

export async function runLighthouse(baseUrl: string, cookie: string): Promise<InProcessResult[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromeFlags: [
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
  try {
    const result = await lighthouse(`${baseUrl}/`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: Object.keys(TARGETS),
      extraHeaders: { Cookie: cookie },
    });
    const categories = result?.lhr.categories ?? {};
    return Object.entries(TARGETS).map(([id, target]) => {
      const score = Math.round((categories[id]?.score ?? 0) * 100);
      return { name: `Lighthouse ${id} (Today, mobile)`, figure: String(score), target: `≥ ${target}`, met: score >= target };
    });
  } finally {
    await chrome.kill();
  }
}
