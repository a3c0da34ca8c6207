// Mutation testing: Stryker changes the code under test one small way at a time (a `<` becomes `<=`, a
// constant changes) and checks that some unit test fails. A change no test notices marks an untested
// decision. Run it with `npm run test:mutation`; see docs/mutation-testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  // Pure code only: the domain rules and the If-Match parsing of the record engine. Tests, golden
  // cases and data tables are not decisions to mutate.
  mutate: [
    'src/domain/**/*.ts',
    '!src/domain/**/*.test.ts',
    '!src/domain/**/*.golden.ts',
    '!src/domain/**/golden.ts',
    '!src/domain/**/*-data.ts',
    '!src/domain/**/*.arbitraries.ts',
    '!src/domain/**/*.fixtures.ts',
    'src/api/if-match.ts',
  ],
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  // Results are kept between runs so that a run after a change re-tests only what changed.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Two cores shared with other work: never more than two test processes.
  concurrency: 2,
  timeoutMS: 10_000,
  // A static mutant (a module-level constant) is exercised by every test, so each one reruns the whole
  // suite: about three quarters of the run time for under a third of the mutants. They are left out
  // (reported as ignored); the constants are checked against the sources by the golden tests instead.
  // STRYKER_STATIC=1 tests them too (slow; see docs/mutation-testing.md).
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  // Per-area targets are checked by scripts/check-mutation-scores.ts; this is the overall floor.
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  // Not copied into the sandbox: other runs' sandboxes, the built web app, local databases.
  ignorePatterns: ['/.stryker-tmp*', '/dist', '/data', '/test-results'],
  cleanTempDir: 'always',
};
