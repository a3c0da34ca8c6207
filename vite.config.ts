import { defineConfig } from 'vite';

// The web app: Preact with the automatic JSX runtime (no Babel), built into dist/web and served by
// the Painwise server on the same origin. `npm run dev` proxies /api to a running server.
export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: false, target: 'es2022', assetsInlineLimit: 0 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
});
