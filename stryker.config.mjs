// Mutation testing (TESTING.md): `npm run test:mutation`. Stryker changes the code of the modules below one
// small way at a time ("a mutant") and runs the unit tests against each; a mutant no test notices is a
// behaviour no test checks. These are the modules that decide what an analyst sees: add every new rule here.

/** The rules analysts rely on, in the pure core, in db/ (SQL they are written in) and server/http's pure request rules. */
const MUTATE = [
  // homework, activity, convergence, corroboration, positions' "what changed", dates, paging, ids and links
  'lib/homework.ts',
  'lib/since-last-round.ts',
  'lib/bottom-line.ts',
  'lib/activity.ts',
  'lib/convergence.ts',
  'lib/corroboration.ts',
  'lib/position-change.ts',
  'lib/dates.ts',
  'lib/partial-date.ts',
  'lib/paging.ts',
  'lib/ids.ts',
  'lib/links.ts',
  'lib/group-by.ts',
  // search input and the audit diff
  'lib/search-query.ts',
  'lib/word-forms.ts',
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
  // what a pasted article is read as (capture): quotes, speakers, issues, dates, figures, duplicates, the source
  'lib/capture/*.ts',
  '!lib/capture/types.ts',
  '!lib/capture/eval.ts',
  // sources as analysts think of them: when a typed source is a stored article, an outlet's grades from its articles
  'lib/same-article.ts',
  'lib/archived-copy.ts',
  'lib/outlet-grades.ts',
  // logging: an update's source or the word it has none, the round of its date, its changes' party and issue
  'lib/update-sourcing.ts',
  'lib/round-of-date.ts',
  'lib/change-concerns.ts',
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
  // lib/outlet-grades.ts
  {
    file: 'lib/outlet-grades.ts',
    mutator: 'EqualityOperator',
    line: 'if (seen === undefined || (on !== null && (seen === null || on < seen))) entry.first.set(a.reliability, on);',
    replacement: 'on <= seen',
    reason: 'When the day is the one already kept, setting it again keeps the same day.',
  },
  // lib/round-of-date.ts
  {
    file: 'lib/round-of-date.ts',
    mutator: 'EqualityOperator',
    line: 'return { id: round.id, from, to: round.endsOn && round.endsOn > to ? round.endsOn : to };',
    replacement: 'round.endsOn >= to',
    reason: 'An end on the last day of the start\'s window is that day either way: the later of two equal days is the same day.',
  },
  // lib/round-summary/brief.ts and citations.ts
  {
    file: 'lib/round-summary/brief.ts',
    mutator: 'StringLiteral',
    line: "const before = position.stanceBefore === null ? null : { stance: position.stanceBefore, summary: '' };",
    reason: 'The summary before the round is not in the briefing, and lib/bottom-line.ts words a move from the stances alone: no text there is read.',
  },
  {
    file: 'lib/round-summary/citations.ts',
    mutator: 'StringLiteral',
    line: "const articleKey = (s: SummarySource) => JSON.stringify([s.outlet, s.title, s.url ?? '', s.publishedOn ?? '', s.publishedOnApprox]);",
    reason: 'Any one text for "no address" or "no date" groups the same quotes: no real address or date is that text.',
  },
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
  // db/queries/attention.ts
  {
    file: 'db/queries/attention.ts',
    mutator: 'ArithmeticOperator',
    line: '.sort((a, b) => (b.days ?? Infinity) - (a.days ?? Infinity) || a.id - b.id);',
    reason: 'The issues come from one scan of the table, in id order, and sort() is stable: equally quiet issues keep that order whatever the tie-break says.',
  },
  {
    file: 'db/queries/attention.ts',
    mutator: 'ConditionalExpression',
    line: 'const updateIds = [...new Set(current.map((p) => p.updateId).filter((u): u is number => u !== null))];',
    replacement: 'true',
    reason: 'Asking for the sources of update id null finds none: a position without an update rests on its own source either way.',
  },
  {
    file: 'db/queries/attention.ts',
    mutator: 'ConditionalExpression',
    line: '[...new Set([p.sourceId, ...(p.updateId === null',
    replacement: 'true',
    reason: 'A null source id has no chain (chainOf finds nothing), and empty chains are dropped just below: keeping it changes nothing.',
  },
  {
    file: 'db/queries/attention.ts',
    mutator: 'MethodExpression',
    line: 'const chains = sourceIdsOf',
    reason: 'Every source id comes from a foreign key (foreign_keys = ON), so loadSourceChains finds it: no chain is empty, dropping empty ones is a guard.',
  },
  {
    file: 'db/queries/attention.ts',
    mutator: 'ConditionalExpression',
    line: '.filter((c) => c.length > 0);',
    replacement: 'true',
    reason: 'Every source id comes from a foreign key (foreign_keys = ON), so loadSourceChains finds it: no chain is empty, dropping empty ones is a guard.',
  },
  {
    file: 'db/queries/attention.ts',
    mutator: 'EqualityOperator',
    line: '.filter((c) => c.length > 0);',
    reason: 'Every source id comes from a foreign key (foreign_keys = ON), so loadSourceChains finds it: no chain is empty, dropping empty ones is a guard.',
  },
  // db/queries/overdue.ts
  {
    file: 'db/queries/overdue.ts',
    mutator: 'StringLiteral',
    line: "const literals = (values: readonly string[]) => values.map((v) => `'${v.replaceAll(\"'\", \"''\")}'`).join(', ');",
    replacement: '""',
    reason: 'No status word holds a quote: doubling quotes (or dropping them) changes none of the SQL written today; it guards a future constant.',
  },
  // db/mutations/position-chain.ts
  {
    file: 'db/mutations/position-chain.ts',
    mutator: 'ConditionalExpression',
    line: 'if (!s) {',
    replacement: 'true',
    reason: 'The statements are kept per connection only to save preparing them again; freshly prepared ones write the same rows.',
  },
  // lib/import/updates-csv.ts and lib/validation/fields.ts: isRealDate
  ...['lib/import/updates-csv.ts', 'lib/validation/fields.ts'].map((file) => ({
    file,
    mutator: 'Regex',
    line: 'if (!/^\\d{4}-\\d{2}-\\d{2}$/.test(value)) return false;',
    reason: 'The date must also equal the first 10 characters of its own ISO form: a 10-character string that holds YYYY-MM-DD anywhere is YYYY-MM-DD, so either anchor alone does.',
  })),
  {
    file: 'lib/import/updates-csv.ts',
    mutator: 'ConditionalExpression',
    line: "return at >= 0 ? (record[at] ?? '').trim() : '';",
    replacement: 'true',
    reason: "record[-1] is undefined, which the ?? '' turns into the same empty cell.",
  },
  {
    file: 'lib/import/updates-csv.ts',
    mutator: 'MethodExpression',
    line: 'const norm = (s: string) => s.trim().toLocaleLowerCase();',
    replacement: 's.toLocaleLowerCase()',
    reason: 'csv-parse trims every cell (trim: true) and titles and names are trimmed when saved: there is nothing left to trim.',
  },
  // lib/exports/filename.ts
  {
    file: 'lib/exports/filename.ts',
    mutator: 'Regex',
    line: ".replace(/^-+|-+$/g, '')",
    reason: 'The line before turns every run of other characters into one hyphen: there is never more than one to trim at either end.',
  },
  {
    file: 'lib/exports/filename.ts',
    mutator: 'Regex',
    line: ".replace(/-+$/g, '');",
    reason: 'Hyphens never follow each other in the slug (runs were made one hyphen), so a cut leaves at most one at the end.',
  },
  {
    file: 'lib/exports/filename.ts',
    mutator: 'Regex',
    line: 'const clean = (s: string) => s.replace(/[\\u0000-\\u001f\\u007f/\\\\:*?"<>|]+/g',
    reason: 'Each forbidden character becomes a space and the next replace folds runs of spaces into one: replacing them one by one or as a run reads the same.',
  },
  // db/queries/since-last-round.ts
  {
    file: 'db/queries/since-last-round.ts',
    mutator: 'ConditionalExpression',
    line: 'if (issueIds.length === 0) return { choices, from, to, issues: [] as IssueDiff[] };',
    replacement: 'false',
    reason: 'A negotiation without issues gives no issue diffs either way; the early return only spares the queries.',
  },
  {
    file: 'db/queries/since-last-round.ts',
    mutator: 'ConditionalExpression',
    line: 'const inWindow = (on: string) => on > start && on <= end;',
    replacement: 'true',
    reason: 'Only the upper bound can be made true unnoticed, and the status rows are read up to the later date already (lte in the query).',
  },
  // lib/ical.ts
  {
    file: 'lib/ical.ts',
    mutator: 'EqualityOperator',
    line: 'if (bytes + size > (out.length ? 74 : 75)) {',
    replacement: 'bytes + size >= (out.length ? 74 : 75)',
    reason: 'Folding one octet earlier still keeps every line within RFC 5545\u2019s 75 octets, and a calendar client unfolds it to the same text.',
  },
  // lib/exports/text.ts
  {
    file: 'lib/exports/text.ts',
    mutator: 'EqualityOperator',
    line: "if (days > 0) return `in ${days} day${days === 1 ? '' : 's'}`;",
    replacement: 'days >= 0',
    reason: "Zero days has already returned 'today' on the line before: only the counts above zero reach this test.",
  },
  // db/read-cache.ts
  {
    file: 'db/read-cache.ts',
    mutator: 'StringLiteral',
    line: "cache = { version: '', entries: new Map(), versionStatement };",
    reason: 'The first version only has to differ from every real state ("data_version:total_changes"), which any text without a colon does.',
  },
  // lib/validation/fields.ts
  {
    file: 'lib/validation/fields.ts',
    mutator: 'BlockStatement',
    line: '} catch {',
    reason: 'An empty catch returns undefined, which refine() takes as false: an address the URL parser refuses is refused either way.',
  },
  // lib/markdown.ts
  {
    file: 'lib/markdown.ts',
    mutator: 'ConditionalExpression',
    line: "case 'html':",
    reason: 'Raw HTML has no children, so without its own case it falls to the default, which gives the same nothing.',
  },
  {
    file: 'lib/markdown.ts',
    mutator: 'StringLiteral',
    line: "function blocks(node: Nodes, links: Definitions, bullet = ''): string[] {",
    reason: 'Only a list item uses the bullet, and a list always hands its items one: the default is never read.',
  },
  {
    file: 'lib/markdown.ts',
    mutator: 'MethodExpression',
    line: "return node.children.map((row) => row.children.map((cell) => inline(cell, links).trim()).join(' | '));",
    replacement: 'inline(cell, links)',
    reason: 'The parser gives a table cell\u2019s text without the spaces that pad it (tests/markdown-text.test.ts pads them).',
  },
  {
    file: 'lib/markdown.ts',
    mutator: 'MethodExpression',
    line: 'const text = inline(node, links).trim();',
    replacement: 'inline(node, links)',
    reason: 'The parser gives a paragraph or heading without the spaces before and after it.',
  },
  // lib/exports/pdf.ts: warmUp
  ...[
    ['ObjectLiteral', "const doc = new PDFDocument({ size: 'A4' });"],
    ['StringLiteral', "const doc = new PDFDocument({ size: 'A4' });"],
    ['StringLiteral', "const done = new Promise<void>((resolve, reject) => doc.on('end', resolve).on('error', reject));"],
    ['StringLiteral', "const cyrillic = 'Съешь же ещё"],
    ['ConditionalExpression', 'for (let n = 0; n < 40; n++) {'],
    ['EqualityOperator', 'for (let n = 0; n < 40; n++) {'],
    ['BlockStatement', 'for (let n = 0; n < 40; n++) {'],
    ['ArithmeticOperator', ".fontSize(9 + (n % 3)).text(`${n} ${letters} ${cyrillic}"],
    ['StringLiteral', ".fontSize(9 + (n % 3)).text(`${n} ${letters} ${cyrillic}"],
    ['MethodExpression', ".fontSize(9 + (n % 3)).text(`${n} ${letters} ${cyrillic}"],
    ['ObjectLiteral', ".fontSize(9 + (n % 3)).text(`${n} ${letters} ${cyrillic}"],
  ].map(([mutator, line]) => ({
    file: 'lib/exports/pdf.ts',
    mutator,
    line,
    reason: 'warmUp writes a PDF that is thrown away, at start-up, so that the first reader\u2019s PDF comes sooner: what it writes is never seen; only how soon the first briefing comes changes.',
  })),
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
