import { defineConfig } from 'vitest/config';

// The tests mutation testing runs: unit tests only (x.test.ts), never the database/HTTP tests
// (x.int.test.ts), so a mutation run needs no SQLite file or PostgreSQL server and stays fast.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules', '**/*.int.test.ts', 'e2e/**', 'dist/**', '.stryker-tmp/**'],
    pool: 'forks',
    testTimeout: 30_000,
  },
});
