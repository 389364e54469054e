// Mutation testing (TESTING.md): `npm run test:mutation`. Stryker changes the code of the modules below one
// small way at a time ("a mutant") and runs the unit tests against each; a mutant no test notices is a
// behaviour no test checks. These are the modules that decide what an analyst sees: add every new rule here.

/** The rules analysts rely on, in the pure core, in db/ (SQL they are written in) and server/http's pure request rules. */
const MUTATE = [
  // homework, activity, convergence, corroboration, positions' "what changed", dates, paging, ids and links
  'lib/homework.ts',
  'lib/activity.ts',
  'lib/convergence.ts',
  'lib/corroboration.ts',
  'lib/position-change.ts',
  'lib/dates.ts',
  'lib/paging.ts',
  'lib/ids.ts',
  'lib/links.ts',
  'lib/group-by.ts',
  // search input and the audit diff
  'lib/search-query.ts',
  'lib/audit-diff.ts',
  // the round briefing, every export and feed format
  'lib/round-summary/*.ts',
  '!lib/round-summary/types.ts',
  '!lib/round-summary/rows.ts',
  'lib/exports/*.ts',
  '!lib/exports/fontkit.d.ts',
  'lib/ical.ts',
  'lib/atom.ts',
  'lib/xml-safe.ts',
  // what an import accepts
  'lib/interchange/validate.ts',
  'lib/interchange/parse.ts',
  'lib/import/updates-csv.ts',
  'lib/validation/fields.ts',
  'lib/validation/form-values.ts',
  // the request rules of server/http that are pure: redirect targets, the login limit's address, JSON depth
  'server/http/local-path.ts',
  'server/http/client-address.ts',
  'server/http/json-depth.ts',
  // the rules that live in db/
  'db/read-cache.ts',
  'db/mutations/positions.ts',
  'db/mutations/position-chain.ts',
  // lost updates: the version check, and what a refusal says changed
  'lib/stale-edit.ts',
  'db/mutations/versions.ts',
  'db/queries/since-last-round.ts',
  'db/queries/overdue.ts',
  'db/queries/attention.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  coverageAnalysis: 'perTest',
  mutate: MUTATE,
  ignorePatterns: ['.next', 'data', 'test-results', 'playwright-report', 'bench/out', 'reports'],
  reporters: ['html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/report.json' },
  tempDirName: '.stryker-tmp',
  concurrency: 2,
  // The score that counts is scripts/mutation.mjs's (no-coverage mutants count as survivors, equivalents named below).
  thresholds: { high: 95, low: 90, break: null },
  warnings: { unknownOptions: false },
};
export default config;

/** `npm run test:mutation` fails under this score. */
export const minimumScore = 90;

/**
 * Mutants that cannot change what any reader sees, each with the reason: left out of the score, never the module.
 * Named by file, Stryker's mutator, a piece of the mutated line's text and (optionally) the replacement.
 * scripts/mutation.mjs lists any entry that no longer matches a survivor, so the list cannot rot.
 * @type {{ file: string; mutator: string; line: string; replacement?: string; reason: string }[]}
 */
export const equivalentMutants = [];
