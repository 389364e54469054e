import { scoreCase, total, TARGETS, type CaseScore } from '@/lib/capture/eval';
import { loadCases } from '@/tests/fixtures/capture/load';

// `npm run capture:eval`: precision and recall of the capture on the hand-checked articles, per article
// and per set (the seeds, and articles of our own writing), against the targets of issue 18.

const pct = (n: number) => `${(n * 100).toFixed(0)}%`.padStart(5);
const line = (label: string, s: Omit<CaseScore, 'article' | 'misses'>) =>
  `${label.padEnd(24)}` +
  (['quotes', 'speakers', 'issues', 'dates'] as const).map((k) => `${k} P ${pct(s[k].precision)} R ${pct(s[k].recall)}`).join('   ');

const scores = loadCases().map(scoreCase);
const verbose = process.argv.includes('--misses');
for (const s of scores) {
  console.log(line(s.article, s));
  if (verbose) for (const m of s.misses) console.log(`    ${m}`);
}
console.log('');
for (const set of [...new Set(scores.map((s) => s.set))]) console.log(line(`set: ${set}`, total(scores.filter((s) => s.set === set))));
console.log(line('all', total(scores)));
console.log(`\ntargets (recall): quotes ${pct(TARGETS.quotes)}, speakers ${pct(TARGETS.speakers)}, issues ${pct(TARGETS.issues)}, dates ${pct(TARGETS.dates)}`);
