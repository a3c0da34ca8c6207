import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code as x.test.ts; database/HTTP tests as x.int.test.ts and run on
// every dialect listed by test/support/dialects.ts. Browser journeys live in e2e/ (npm run e2e).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules', 'e2e/**', 'dist/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
