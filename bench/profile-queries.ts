// Times each page's data reads directly on bench/out/bench.db (no server, no rendering, no read cache):
// what the first reader after a write pays. Run: npm run bench:queries (after npm run bench made the file).
import { openDatabase } from '@/db';
import { pickTargets } from './targets.mjs';
import { dashboardMatrix } from '@/db/queries/dashboard';
import { convergenceTrends, convergenceOfIssue } from '@/db/queries/convergence';
import { listDeadlines } from '@/db/queries/deadlines';
import { needsAttention, weaklySourcedPositions } from '@/db/queries/attention';
import { getIssue, positionCounts, positionHistory, statusHistory } from '@/db/queries/issues';
import { listSourceChoices } from '@/db/queries/sources';
import { timeline } from '@/db/queries/timeline';
import { getRoundPage } from '@/db/queries/rounds';
import { listHomework, homeworkFilterChoices } from '@/db/queries/homework';
import { search } from '@/db/queries/search';
import { sinceLastRound } from '@/db/queries/since-last-round';
import { roundSummary } from '@/db/queries/round-summary';
import { listAllIssues } from '@/db/queries/issues';
import { readerScope } from '@/db/queries/access';

const db = openDatabase(process.env.BENCH_DB ?? 'bench/out/bench.db');
const t = pickTargets(db.$client);
const today = '2026-11-23';
// As the bench analyst (user 1) reads them: every negotiation is open, so the scope lists them all.
const scope = readerScope(db, { id: 1, role: 'analyst' });
function time(name: string, fn: () => unknown) {
  // One untimed run first: the file's pages come into SQLite's cache, as on a running server.
  fn();
  const runs = 5;
  const start = performance.now();
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const r = fn();
    size = Array.isArray(r) ? r.length : r instanceof Map ? r.size : 1;
  }
  console.log(`${name.padEnd(34)} ${((performance.now() - start) / runs).toFixed(1).padStart(8)} ms  (${size})`);
}
time('dashboardMatrix', () => dashboardMatrix(db, scope));
time('convergenceTrends', () => convergenceTrends(db, scope));
time('listDeadlines', () => listDeadlines(db, scope, today));
time('needsAttention (10 of each)', () => needsAttention(db, scope, { today, staleDays: 30, shown: 10 }).overdue.items);
time('  of which weaklySourcedPositions', () => weaklySourcedPositions(db, scope));
time('issue: getIssue', () => getIssue(db, scope, t.issueId));
time('issue: positionHistory(5/party)', () => positionHistory(db, scope, t.issueId, { perParty: 5 }));
time('issue: positionCounts', () => positionCounts(db, scope, t.issueId));
time('issue: statusHistory', () => statusHistory(db, scope, t.issueId));
time('issue: listSourceChoices', () => listSourceChoices(db, scope));
time('issue: timeline 20', () => timeline(db, scope, { issueId: t.issueId, limit: 20 }));
time('issue: convergenceOfIssue', () => convergenceOfIssue(db, scope, t.issueId));
time('round: getRoundPage', () => getRoundPage(db, scope, t.roundId, today));
time('homework: listHomework', () => listHomework(db, scope, { negotiationId: t.negotiationId, status: 'open' }, today));
time('homework: filterChoices', () => homeworkFilterChoices(db, scope));
time('search', () => search(db, scope, t.searchWord, {}, 25));
time('search: listAllIssues', () => listAllIssues(db, scope));
time('sinceLastRound', () => sinceLastRound(db, scope, t.negotiationId, {}, today));
time('roundSummary', () => roundSummary(db, scope, t.roundId, today));
