import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const OUT_DIR = path.resolve(import.meta.dirname, 'dist', 'web');
const BUILD_PLACEHOLDER = "const BUILD = { version: 'dev', assets: [] };";

/**
 * Writes the list of built files, and a version made from their names, into the service worker so it
 * can cache every screen at install (screens are split into chunks loaded on demand, and a person
 * offline must still reach the ones they never opened).
 */
function precacheList(): Plugin {
  return {
    name: 'painwise-precache-list',
    apply: 'build',
    closeBundle() {
      const assets = readdirSync(path.join(OUT_DIR, 'assets'))
        .sort()
        .map((name) => `/assets/${name}`);
      const version = createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 16);
      const workerPath = path.join(OUT_DIR, 'sw.js');
      const worker = readFileSync(workerPath, 'utf8');
      if (!worker.includes(BUILD_PLACEHOLDER)) throw new Error('sw.js no longer declares the BUILD constant the build fills in');
      writeFileSync(workerPath, worker.replace(BUILD_PLACEHOLDER, `const BUILD = ${JSON.stringify({ version, assets })};`));
    },
  };
}

// The web app: Preact with the automatic JSX runtime (no Babel), built into dist/web and served by
// the Painwise server on the same origin. `npm run dev` proxies /api to a running server.
export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [precacheList()],
  build: { outDir: OUT_DIR, emptyOutDir: true, sourcemap: false, target: 'es2022', assetsInlineLimit: 0 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
});
