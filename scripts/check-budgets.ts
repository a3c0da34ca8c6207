// Fails the build when the web app's initial JavaScript or CSS grows past its budget (gzipped):
// JS ≤ 150 KB, CSS ≤ 30 KB. Initial = what index.html loads, plus static imports.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..', 'dist', 'web');
const BUDGET = { js: 150 * 1024, css: 30 * 1024 };

const html = readFileSync(path.join(root, 'index.html'), 'utf8');
const referenced = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
const seen = new Set<string>();
const queue = [...referenced];
while (queue.length > 0) {
  const file = queue.pop()!;
  if (seen.has(file)) continue;
  seen.add(file);
  if (file.endsWith('.js')) {
    // Static imports of other chunks are part of the initial load; dynamic import() chunks are not.
    const code = readFileSync(path.join(root, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
  }
}
const gz = (file: string) => gzipSync(readFileSync(path.join(root, file))).length;
const js = [...seen].filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(f), 0);
const css = [...seen].filter((f) => f.endsWith('.css')).reduce((n, f) => n + gz(f), 0);
const all = readdirSync(path.join(root, 'assets'));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `web budgets (gzipped): initial JS ${kb(js)} / ${kb(BUDGET.js)}, CSS ${kb(css)} / ${kb(BUDGET.css)} — ${all.length} asset files`,
);
if (js > BUDGET.js || css > BUDGET.css) {
  console.error('Budget exceeded.');
  process.exit(1);
}
