// `npm start` runs this before the server: the web app is built only when dist/web is missing or
// older than what it is built from (see web-build.ts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureWebBuild } from './web-build.ts';

const root = path.resolve(import.meta.dirname, '..');
const run = (args: string[]) => {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed`);
};

try {
  await ensureWebBuild({
    // The web app imports only contract and domain besides itself; the lock file stands for its dependencies.
    sources: ['src/web', 'src/contract', 'src/domain', 'vite.config.ts', 'package-lock.json', 'scripts/check-budgets.ts'].map((p) =>
      path.join(root, p),
    ),
    stampFile: path.join(root, 'dist', '.web-built'),
    lockDir: path.join(root, 'dist', '.web-build.lock'),
    build() {
      run([path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
      run([path.join(root, 'scripts', 'check-budgets.ts')]);
    },
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
