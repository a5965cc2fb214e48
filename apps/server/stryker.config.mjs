// Mutation testing of the server's senders and network layer: run it with `pnpm mutation server`
// at the root, which works in a scratch copy of the tree (TypeScript 7 needs `inPlace`).
if (!process.env.HERALD_MUTATION_SCRATCH) {
  throw new Error('run mutation testing with `pnpm mutation` at the repo root: it mutates files in place');
}
const reports = process.env.HERALD_MUTATION_REPORTS;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/senders/**/*.ts', 'src/net/**/*.ts', '!src/**/*.test.ts'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  inPlace: true,
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // Tests here use real sockets and short timeouts: give a mutant's run room before calling it a timeout.
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { reportScoreTable: false, reportMutants: true },
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  thresholds: { high: 90, low: 85, break: null },
};
