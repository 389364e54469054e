// `npm run test:crash`: the load of test:load, with the server SIGKILLed at a random moment
// CRASHES times (default 3), restarted on the same database each time. Then: integrity_check ok,
// every write acknowledged before each kill still there, no silent merge. Exits non-zero otherwise.
import { killServer, prepare, runLoad, startServer, newStats, verify } from './load-harness.mjs';

const CRASHES = Number(process.env.CRASHES ?? 3);
const WORKERS = Number(process.env.LOAD_WORKERS ?? 50);
const MIN_S = Number(process.env.CRASH_MIN_SECONDS ?? 10);
const MAX_S = Number(process.env.CRASH_MAX_SECONDS ?? 20);

const ctx = await prepare(WORKERS);
console.log(`Crash: ${WORKERS} clients, ${CRASHES} SIGKILLs at random moments ${MIN_S}-${MAX_S} s into the load, 127.0.0.1:${ctx.port}`);
const stats = newStats();
const rounds = [];
const problems = [];
for (let round = 1; round <= CRASHES + 1; round++) {
  const server = await startServer(ctx);
  const before = stats.created.length;
  const last = round === CRASHES + 1;
  // The last round runs without a kill: the restarted server must still take writes normally.
  const seconds = last ? 20 : MIN_S + Math.random() * (MAX_S - MIN_S);
  let stop = false;
  const load = runLoad(ctx, stats, () => stop);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  if (!last) await killServer(server, 'SIGKILL');
  stop = true;
  await load;
  if (last) await killServer(server, 'SIGTERM');
  const check = verify(ctx, stats.created, stats.createdUpdates);
  const info = { round, killedAfterSeconds: last ? null : Number(seconds.toFixed(1)), acknowledgedThisRound: stats.created.length - before, acknowledgedSoFar: check.acknowledged, loadRowsInDb: check.inDb, missing: check.missing.length, integrity: check.integrity, forks: check.forks, doubleCurrent: check.doubleCurrent };
  rounds.push(info);
  console.log(JSON.stringify(info));
  if (check.integrity !== 'ok') problems.push(`round ${round}: integrity_check ${check.integrity}`);
  if (check.missing.length) problems.push(`round ${round}: ${check.missing.length} acknowledged writes missing after the kill`);
  if (check.unaudited.length) problems.push(`round ${round}: ${check.unaudited.length} writes without audit rows`);
  if (check.forks || check.doubleCurrent) problems.push(`round ${round}: silently merged versions`);
  if (last && info.acknowledgedThisRound === 0) problems.push('the restarted server took no write in 20 s');
  // Rows written but never acknowledged (the kill cut the answer) are allowed; fewer rows than answers are not.
  if (check.inDb < check.acknowledged) problems.push(`round ${round}: fewer rows than acknowledged writes`);
}
const fivexx = Object.entries(stats.status).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0);
if (fivexx) problems.push(`${fivexx} responses were 5xx`);
if (stats.busy) problems.push('SQLITE_BUSY reached a client');
console.log(JSON.stringify({ crashes: CRASHES, requests: stats.requests, status: stats.status, acknowledged: stats.created.length, cutByKill: stats.networkErrors, conflictsRefused: stats.conflicts }, null, 2));
for (const p of problems) console.error(`✖ ${p}`);
console.log(problems.length ? '✖ Crash test FAILED' : `✔ Crash test passed: ${CRASHES} SIGKILLs, integrity ok, every acknowledged write kept.`);
process.exit(problems.length ? 1 : 0);
