import { defineConfig } from 'vitest/config';

// Two projects, both run by `npm test`:
// - unit: x.test.ts beside the code, no database (`npm run test:unit`);
// - integration: database/HTTP tests as x.int.test.ts, run on every engine test/support/dialects.ts
//   chooses; its global setup decides the engines once and prints them.
// Browser journeys live in e2e/ (npm run e2e).
const roots = ['src', 'test', 'bench'];
const excluded = ['node_modules/**', 'e2e/**', 'dist/**'];

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: roots.map((r) => `${r}/**/*.test.ts`), exclude: [...excluded, '**/*.int.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: roots.map((r) => `${r}/**/*.int.test.ts`),
          exclude: excluded,
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
