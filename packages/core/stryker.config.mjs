// Mutation testing of @herald/core: run it with `pnpm mutation core` at the root, which works in a
// scratch copy of the tree (TypeScript 7 needs `inPlace`, and in place must not touch the real tree).
if (!process.env.HERALD_MUTATION_SCRATCH) {
  throw new Error('run mutation testing with `pnpm mutation` at the repo root: it mutates files in place');
}
const reports = process.env.HERALD_MUTATION_REPORTS;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', './stryker/description-ignorer.mjs'],
  // Template variables' `description` and `example`: documentation for people, not behaviour.
  ignorers: ['description'],
  mutate: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-support.ts'],
  vitest: { configFile: 'vitest.config.ts' },
  inPlace: true,
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { reportScoreTable: false, reportMutants: true },
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  thresholds: { high: 90, low: 85, break: null },
};
