// Times each page's data queries directly on bench/out/bench.db (no server, no rendering): where the time goes.
// Run: npx tsx bench/profile-queries.ts
import { openDatabase } from '../db';
import { pickTargets } from './targets.mjs';
import { dashboardMatrix } from '../db/queries/dashboard';
import { convergenceTrends, convergenceOfIssue } from '../db/queries/convergence';
import { listDeadlines } from '../db/queries/deadlines';
import { overdueHomework, staleIssues, weaklySourcedPositions } from '../db/queries/attention';
import { getIssue, positionCounts, positionHistory, statusHistory } from '../db/queries/issues';
import { listSourceChoices } from '../db/queries/sources';
import { timeline } from '../db/queries/timeline';
import { getRoundPage } from '../db/queries/rounds';
import { listHomework, homeworkFilterChoices } from '../db/queries/homework';
import { search } from '../db/queries/search';
import { sinceLastRound } from '../db/queries/since-last-round';
import { roundSummary } from '../db/queries/round-summary';
import { listAllIssues } from '../db/queries/issues';

const db = openDatabase(process.env.BENCH_DB ?? 'bench/out/bench.db');
const t = pickTargets(db.$client);
const today = '2026-11-23';
function time(name: string, fn: () => unknown) {
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
time('dashboardMatrix', () => dashboardMatrix(db));
time('convergenceTrends', () => convergenceTrends(db));
time('listDeadlines', () => listDeadlines(db, today));
time('overdueHomework', () => overdueHomework(db, today));
time('staleIssues', () => staleIssues(db, today, 30));
time('weaklySourcedPositions', () => weaklySourcedPositions(db));
time('issue: getIssue', () => getIssue(db, t.issueId));
time('issue: positionHistory(10/party)', () => positionHistory(db, t.issueId, { perParty: 10 }));
time('issue: positionCounts', () => positionCounts(db, t.issueId));
time('issue: statusHistory', () => statusHistory(db, t.issueId));
time('issue: listSourceChoices', () => listSourceChoices(db));
time('issue: timeline 50', () => timeline(db, { issueId: t.issueId, limit: 50 }));
time('issue: convergenceOfIssue', () => convergenceOfIssue(db, t.issueId));
time('round: getRoundPage', () => getRoundPage(db, t.roundId, today));
time('homework: listHomework', () => listHomework(db, { negotiation: t.negotiationId, status: 'open' } as never, today));
time('homework: filterChoices', () => homeworkFilterChoices(db));
time('search', () => search(db, t.searchWord, {}));
time('search: listAllIssues', () => listAllIssues(db));
time('sinceLastRound', () => sinceLastRound(db, t.negotiationId));
time('roundSummary', () => roundSummary(db, t.roundId, today));
