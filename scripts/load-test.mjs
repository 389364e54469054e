// `npm run test:load`: 50 concurrent analysts' clients record positions for LOAD_SECONDS (default 60)
// against a production server on 127.0.0.1 with a throw-away database. Exits non-zero on any 5xx,
// any acknowledged write missing, any SQLITE_BUSY reaching a client, or a silently merged edit.
import { killServer, percentile, prepare, runLoad, serverLogMentionsBusy, startServer, newStats, verify } from './load-harness.mjs';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const WORKERS = Number(process.env.LOAD_WORKERS ?? 50);

const ctx = await prepare(WORKERS);
console.log(`Load: ${WORKERS} clients for ${SECONDS} s on 127.0.0.1:${ctx.port}, database ${ctx.env.DATABASE_PATH}`);
const server = await startServer(ctx);
const stats = newStats();
const until = Date.now() + SECONDS * 1000;
let failed = false;
try {
  await runLoad(ctx, stats, () => Date.now() >= until);
} finally {
  await killServer(server, 'SIGTERM');
}
const check = verify(ctx, stats.created, stats.createdUpdates);
const fivexx = Object.entries(stats.status).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0);
const summary = {
  seconds: SECONDS,
  workers: WORKERS,
  requests: stats.requests,
  perSecond: Math.round(stats.requests / SECONDS),
  status: stats.status,
  positionsCreated: stats.created.length,
  updatesLogged: stats.createdUpdates.length,
  conflictsRefused: stats.conflicts,
  networkErrors: stats.networkErrors,
  busySeenByClients: stats.busy,
  latencyMs: { p50: Math.round(percentile(stats.latencies, 50)), p95: Math.round(percentile(stats.latencies, 95)), p99: Math.round(percentile(stats.latencies, 99)) },
  database: { integrity: check.integrity, loadRowsInDb: check.inDb, acknowledged: check.acknowledged, missing: check.missing.length, withoutAuditRow: check.unaudited.length, forkedVersions: check.forks, pairsWithTwoCurrent: check.doubleCurrent },
};
console.log(JSON.stringify(summary, null, 2));
const problems = [];
if (fivexx) problems.push(`${fivexx} responses were 5xx`);
if (check.integrity !== 'ok') problems.push(`integrity_check: ${check.integrity}`);
if (check.missing.length) problems.push(`${check.missing.length} acknowledged writes are missing`);
if (check.inDb !== check.acknowledged) problems.push(`${check.inDb} load rows in the database, ${check.acknowledged} acknowledged`);
if (check.unaudited.length) problems.push(`${check.unaudited.length} writes without their audit row`);
if (check.forks || check.doubleCurrent) problems.push('an edit was merged silently (forked versions or two current positions)');
if (stats.busy || serverLogMentionsBusy(ctx)) problems.push('SQLITE_BUSY / database is locked reached a client or the log');
if (stats.networkErrors) problems.push(`${stats.networkErrors} requests got no answer`);
if (stats.conflictWithoutCurrent || stats.badBodies) problems.push('malformed answers');
if (stats.created.length === 0) problems.push('nothing was written at all');
for (const p of problems) console.error(`✖ ${p}`);
failed = problems.length > 0;
console.log(failed ? '✖ Load test FAILED' : '✔ Load test passed: nothing lost, no 5xx, conflicts refused cleanly.');
process.exit(failed ? 1 : 0);
