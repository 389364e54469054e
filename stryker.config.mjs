// Mutation testing (TESTING.md): `npm run test:mutation`. Stryker changes the code of the modules below one
// small way at a time ("a mutant") and runs the unit tests against each; a mutant no test notices is a
// behaviour no test checks. These are the modules that decide what an analyst sees: add every new rule here.

/** The rules analysts rely on, in the pure core, in db/ (SQL they are written in) and server/http's pure request rules. */
const MUTATE = [
  // homework, activity, convergence, corroboration, positions' "what changed", dates, paging, ids and links
  'lib/homework.ts',
  'lib/since-last-round.ts',
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
  'lib/markdown.ts',
  // what an import accepts
  'lib/interchange/validate.ts',
  'lib/interchange/readable.ts',
  'lib/interchange/parse.ts',
  'lib/interchange/upgrade-v1.ts',
  'lib/interchange/matches.ts',
  'lib/import/updates-csv.ts',
  'lib/validation/fields.ts',
  'lib/validation/form-values.ts',
  // who may see and change a negotiation (need to know)
  'lib/access.ts',
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
  'db/mutations/last-event.ts',
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
export const equivalentMutants = [
  // lib/activity.ts
  {
    file: 'lib/activity.ts',
    mutator: 'MethodExpression',
    line: "return typeof value === 'string' && value.trim() ? value.trim() : null;",
    replacement: 'value',
    reason: 'Every detail is passed through clip(), which trims it and collapses its whitespace: an untrimmed name reads the same.',
  },
  {
    file: 'lib/activity.ts',
    mutator: 'MethodExpression',
    line: '— status ${String(before.status)',
    replacement: "`${detail ?? ''} — status ${String(before.status).replace(/_/g, ' ')} → ${String(after.status).replace(/_/g, ' ')}`",
    reason: 'The detail is passed through clip(), which trims it: the .trim() after the status words changes nothing shown.',
  },
  {
    file: 'lib/activity.ts',
    mutator: 'ConditionalExpression',
    line: "const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);",
    replacement: 'true',
    reason: 'Number.isInteger is false for anything that is not a number, so the typeof test decides nothing.',
  },
  // lib/corroboration.ts
  {
    file: 'lib/corroboration.ts',
    mutator: 'LogicalOperator',
    line: 'if (a.size === 0 && b.size === 0) return 0;',
    reason: 'With one set empty the overlap is 0 / size = 0 anyway; the guard only avoids 0 / 0 when both are empty.',
  },
  {
    file: 'lib/corroboration.ts',
    mutator: 'ConditionalExpression',
    line: 'if (a.size === 0 && b.size === 0) return 0;',
    replacement: 'true',
    reason: 'Making either half of the guard true returns 0 when only the other set is empty, which the division gives too.',
  },
  // lib/dates.ts
  {
    file: 'lib/dates.ts',
    mutator: 'StringLiteral',
    line: "export function todayIso(now = new Date(), timeZone = 'UTC'): string {",
    replacement: '""',
    reason: 'An empty time zone is refused by Intl and falls back to UTC, which is the default.',
  },
  {
    file: 'lib/dates.ts',
    mutator: 'ConditionalExpression',
    line: 'if (!format) {',
    replacement: 'true',
    reason: 'The date formats are kept per zone only to save building them; a new one gives the same text.',
  },
  // lib/since-last-round.ts
  {
    file: 'lib/since-last-round.ts',
    mutator: 'EqualityOperator',
    line: 'if (start.date > end.date) return { ok: true, from: end, to: start, reversed: true };',
    replacement: 'start.date >= end.date',
    reason: 'Two points on the same day were answered with a message just before: the dates are never equal here.',
  },
  // lib/interchange/parse.ts
  {
    file: 'lib/interchange/parse.ts',
    mutator: 'BooleanLiteral',
    line: 'if (!ESCAPE.test(text)) return false;',
    replacement: 'true',
    reason: 'A string taken as ended at a bad escape leaves the reader at its backslash, which no list or object may hold next: the offset is the same.',
  },
];
