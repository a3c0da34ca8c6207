// The dependency direction of DESIGN.md §3, enforced by `npm run lint`. A rule names the folder and
// everything of ours it must NOT import; "no-circular" forbids cycles anywhere.
const layer = (name, allowed) => ({
  name: `${name}-imports-only-${allowed.join('-') || 'itself'}`,
  severity: 'error',
  // Tests may reach across layers (a use-case test runs on a real store); production code may not.
  from: { path: `^src/${name}/`, pathNot: '\\.test\\.tsx?$' },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...allowed.map((a) => `^src/${a}/`), '^src/types/'] },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure',
      comment: 'The domain core does no I/O: no node: built-ins.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'reports-do-no-io',
      comment: 'The report is built and drawn from the data it is given: no node: built-ins (the API sends the bytes).',
      severity: 'error',
      from: { path: '^src/reports/', pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pdf-library-only-in-reports',
      comment: 'src/reports is the one place that draws PDFs, so the PDF library can be changed there alone.',
      severity: 'error',
      from: { pathNot: '^src/reports/' },
      to: { path: '(^|/)pdfkit(/|$)' },
    },
    layer('domain', []),
    layer('contract', ['domain']),
    layer('app', ['domain', 'contract']),
    layer('storage', ['domain', 'app']),
    layer('interop', ['domain']),
    layer('reports', ['domain']),
    // DESIGN §3: the API reads the domain only through the contract and the use cases.
    layer('api', ['contract', 'app', 'storage', 'interop', 'reports']),
    {
      ...layer('cli', ['app', 'storage', 'interop', 'reports', 'domain']),
      // `painwise serve` is the one command that starts the HTTP server.
      to: {
        path: '^src/',
        pathNot: [
          '^src/cli/',
          '^src/app/',
          '^src/storage/',
          '^src/interop/',
          '^src/reports/',
          '^src/domain/',
          '^src/types/',
          '^src/api/main\\.ts$',
        ],
      },
    },
    layer('web', ['contract', 'domain']),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
