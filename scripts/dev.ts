// `npm run dev`: the API server (restarted when server code changes, via node --watch) and Vite's dev
// server with live reload for the web app, which proxies /api to the API server (vite.config.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const children = [
  spawn(process.execPath, ['--watch-path=src', path.join(root, 'src/cli/main.ts'), 'serve'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: process.env.PORT ?? '3000' },
  }),
  spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), '--port', '5173', '--strictPort'], {
    cwd: root,
    stdio: 'inherit',
  }),
];
console.log('Painwise dev: web app with live reload at http://localhost:5173 (API on :3000)');
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const child of children)
  child.once('exit', (code) => {
    if (code) {
      console.error(`a dev process exited with ${code}`);
      stop();
    }
  });
