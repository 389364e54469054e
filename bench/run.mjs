// `npm run bench`: generate the large instance, serve the production build on it, and measure each
// key page and endpoint with autocannon on loopback, side by side with a trivial dynamic route
// (the ceiling). Prints a table and writes bench/results.json. See BENCHMARKS.md.
//
// Environment: BENCH_SECONDS (10) per target, BENCH_CONNECTIONS (10), BENCH_PORT (3300),
// BENCH_SEED (42), BENCH_SCALE (1), BENCH_REUSE_DB=1 to keep an existing bench/out/bench.db.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { isBuildStale } from '../scripts/start-helpers.mjs';
import { CAPTURE_TARGET, KEY_PAGES, WORKERS_RATIO_TARGET, benchTargets, captureArticle, pickTargets } from './targets.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, 'bench', 'out');
const dbPath = path.join(outDir, 'bench.db');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const SEED = Number(process.env.BENCH_SEED ?? 42);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const BASE = `http://127.0.0.1:${PORT}`;
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const log = (...args) => console.log(...args);

let server;
/** Signals the process group we started (`npm start`'s primary and its workers), and only it. */
function signalServer(signal) {
  if (server && server.exitCode === null && server.signalCode === null) {
    try {
      process.kill(-server.pid, signal);
    } catch {
      /* already gone */
    }
  }
}
/** The workers drain in-flight requests on SIGTERM, which can take long under load: then SIGKILL. */
async function stopServer() {
  signalServer('SIGTERM');
  const deadline = Date.now() + 5000;
  while (server && server.exitCode === null && server.signalCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  signalServer('SIGKILL');
}
process.on('exit', () => signalServer('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

// ------------------------------------------------------------------ the instance and the build
fs.mkdirSync(outDir, { recursive: true });
let generation = null;
if (process.env.BENCH_REUSE_DB === '1' && fs.existsSync(dbPath)) {
  log(`Reusing ${path.relative(root, dbPath)} (BENCH_REUSE_DB=1).`);
} else {
  log(`Generating the instance (seed ${SEED}, scale ${SCALE})…`);
  const result = spawnSync(bin('tsx'), [path.join(root, 'bench', 'generate.ts'), dbPath, String(SEED), String(SCALE)], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`generation failed:\n${result.stderr}`);
  generation = JSON.parse(result.stdout.trim().split('\n').pop());
  log(`  ${JSON.stringify(generation.counts)}`);
  log(`  ${(generation.ms / 1000).toFixed(1)} s wall, ${(generation.cpuMs / 1000).toFixed(1)} s CPU; phases (ms) ${JSON.stringify(generation.phases)}`);
}
const sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
const picked = pickTargets(sqlite);
sqlite.close();
log(`Targets: ${JSON.stringify(picked)}`);

if (isBuildStale(root)) {
  log('Building the app (the sources are newer than the last build)…');
  const build = spawnSync(bin('next'), ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('next build failed');
}

// ------------------------------------------------------------------ the server and its memory
// `npm start` itself (scripts/start.mjs: the configuration check, migrations, the cluster of workers), so the
// figures are what an installation gets. The key pages are measured again with WORKERS=1 at the end.
const secret = randomBytes(36).toString('base64'); // 48 characters; the same for both servers, so one sign-in serves both
const serverLog = fs.openSync(path.join(outDir, 'server.log'), 'w');
function startServer(workers) {
  server = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    detached: true,
    stdio: ['ignore', serverLog, serverLog],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DEMO: 'off',
      DATABASE_PATH: dbPath,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: BASE,
      PORT: String(PORT),
      ...(workers ? { WORKERS: String(workers) } : {}),
    },
  });
}
startServer(process.env.WORKERS);
const WORKERS = Number(process.env.WORKERS ?? os.availableParallelism());

/** The server process and every descendant, from /proc (Linux). */
function processTree(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* exited meanwhile */
    }
  }
  const out = [];
  const walk = (p) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

/** The most memory any one process of the server holds: the primary is small, each worker renders pages. */
function rssMb(pid) {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      if (match) kb = Math.max(kb, Number(match[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  return kb / 1024;
}

let rssMax = 0;
// The most memory seen while the current target ran: where the maximum comes from.
let rssPhaseMax = 0;
const sampler = setInterval(() => {
  const rss = rssMb(server.pid);
  rssMax = Math.max(rssMax, rss);
  rssPhaseMax = Math.max(rssPhaseMax, rss);
}, 200);

async function waitForServer() {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}; see bench/out/server.log`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not answer within 2 minutes');
}

// ------------------------------------------------------------------ logging in (next-auth's own routes)
const cookieJar = new Map();
function keepCookies(response) {
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair.indexOf('=');
    cookieJar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}
const cookieHeader = () => [...cookieJar].map(([k, v]) => `${k}=${v}`).join('; ');

async function login() {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  keepCookies(csrf);
  const { csrfToken } = await csrf.json();
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email: 'bench@example.org', password: 'bench-password-123', json: 'true' }),
  });
  keepCookies(response);
  if (![...cookieJar.keys()].some((k) => k.includes('next-auth.session-token'))) {
    throw new Error(`login failed (${response.status}); see bench/out/server.log`);
  }
}

/** Logs an update through POST /api/updates every `everyMs` as the bench analyst; stop() says how many were accepted. */
function startWriter(negotiationId, everyMs) {
  let accepted = 0;
  let n = 0;
  const write = async () => {
    n += 1;
    const response = await fetch(`${BASE}/api/updates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, cookie: cookieHeader() },
      body: JSON.stringify({ negotiationId, body: `Benchmark write ${n}.`, occurredOn: new Date().toISOString().slice(0, 10), sources: [{ outlet: 'Benchmark wire', reliability: 'C', credibility: 3 }] }),
    }).catch(() => null);
    if (response?.status === 201) accepted += 1;
    await response?.arrayBuffer();
  };
  const pending = new Set();
  const timer = setInterval(() => {
    const p = write().finally(() => pending.delete(p));
    pending.add(p);
  }, everyMs);
  return {
    writeOnce: write,
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      return accepted;
    },
  };
}

// ------------------------------------------------------------------ measuring
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs autocannon; percentiles come from every response's own time, so p95 is exact, not bucketed. */
function cannon(url, seconds, { anonymous = false } = {}) {
  return new Promise((resolve, reject) => {
    const times = [];
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: seconds, timeout: 30, headers: anonymous ? {} : { cookie: cookieHeader() } },
      (error, result) => (error ? reject(error) : resolve({ times, result })),
    );
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
}

function summarize(name, runs) {
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const requests = runs.reduce((n, r) => n + r.result.requests.total, 0);
  const seconds = runs.reduce((n, r) => n + r.result.duration, 0);
  const bad = runs.reduce((n, r) => n + r.result.non2xx + r.result.errors + r.result.timeouts, 0);
  const round = (x, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
  return {
    name,
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    p99_ms: round(percentile(times, 99)),
    rps: round(requests / seconds),
    bad,
  };
}

/**
 * autocannon stops at the end of its window, but the server still finishes the requests in flight
 * (a slow page can leave seconds of work queued): wait until the ceiling answers quickly again, so
 * one target's backlog is not billed to the next.
 */
async function settle() {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    // A worker that ran out of memory is being replaced by npm start's primary: its connections were cut; wait.
    const answered = await fetch(`${BASE}/api/bench/ceiling`).then((r) => r.arrayBuffer()).then(() => true, () => false);
    if (answered && performance.now() - started < 100) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** One plain request first: is the route there (404 = not merged yet), does it answer 200, is it streamed. */
async function probe(pathname) {
  const started = performance.now();
  const response = await fetch(BASE + pathname, { redirect: 'manual', headers: { cookie: cookieHeader() } });
  const reader = response.body?.getReader();
  let firstByte = null;
  let bytes = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (firstByte === null) firstByte = performance.now() - started;
      bytes += value.length;
    }
  }
  return {
    status: response.status,
    ms: performance.now() - started,
    firstByteMs: firstByte,
    bytes,
    streamed: !response.headers.get('content-length') && response.headers.get('transfer-encoding') === 'chunked',
  };
}

/**
 * The JavaScript the dashboard makes the browser load, gzip-compressed as next start serves it.
 * `<script nomodule>` (Next's legacy polyfills) is listed but not counted: every browser that runs
 * modules skips it without downloading it, so only very old browsers ever receive it.
 */
async function dashboardJsKb() {
  const html = await (await fetch(`${BASE}/`, { headers: { cookie: cookieHeader() } })).text();
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].map((m) => ({
    src: m[2].replace(/&amp;/g, '&'),
    legacyOnly: /\snomodule\b/i.test(`${m[1]} ${m[3]}`),
  }));
  const unique = [...new Map(tags.map((t) => [t.src, t])).values()];
  let bytes = 0;
  const scripts = [];
  for (const { src, legacyOnly } of unique) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    const gzipped = zlib.gzipSync(body).length;
    if (!legacyOnly) bytes += gzipped;
    scripts.push({ src, gzip_kb: Math.round((gzipped / 1024) * 10) / 10, ...(legacyOnly ? { nomodule: true } : {}) });
  }
  scripts.sort((a, b) => b.gzip_kb - a.gzip_kb);
  const srcs = unique.filter((t) => !t.legacyOnly);
  return { kb: Math.round((bytes / 1024) * 10) / 10, scripts: srcs.length, list: scripts };
}

// ------------------------------------------------------------------ the run
try {
  log(`Starting npm start on ${BASE} with ${WORKERS} worker(s)…`);
  await waitForServer();
  await login();
  const targets = benchTargets(picked);
  log(`Measuring: ${SECONDS} s per target, ${CONNECTIONS} connections, 1 s warm-up each.\n`);

  // Two ceilings and a reference, each measured at the start and at the end so both halves of the run share
  // their weather: a trivial page (no database; asked without a session, so no sign-in either) for the
  // pages' ratios; a trivial route handler, which skips React altogether; and a page of 200 table rows
  // (no database, no session), the size of a dashboard page: what rendering that much HTML costs alone.
  const ceilings = [
    { name: 'ceiling', url: `${BASE}/bench/ceiling`, runs: [] },
    { name: 'ceiling_route', url: `${BASE}/api/bench/ceiling`, runs: [] },
    { name: 'reference_200_rows', url: `${BASE}/bench/rows`, runs: [] },
  ];
  const measureCeilings = async (seconds) => {
    for (const c of ceilings) {
      await settle();
      await cannon(c.url, 1, { anonymous: true });
      c.runs.push(await cannon(c.url, seconds, { anonymous: true }));
    }
  };
  if (SECONDS > 0) await measureCeilings(SECONDS / 2);

  const measured = [];
  const missing = [];
  const failed = [];
  const probes = {};
  for (const target of targets) {
    await settle();
    rssPhaseMax = 0;
    const p = await probe(target.path);
    probes[target.name] = { status: p.status, single_ms: Math.round(p.ms), first_byte_ms: p.firstByteMs === null ? null : Math.round(p.firstByteMs), bytes: p.bytes, streamed: p.streamed };
    if (p.status === 404) {
      missing.push(target.name);
      log(`  ${target.name}: missing (404 at ${target.path})`);
      continue;
    }
    if (p.status !== 200) {
      failed.push(`${target.name} (${p.status})`);
      log(`  ${target.name}: answered ${p.status}, skipped`);
      continue;
    }
    if (SECONDS === 0) {
      log(`  ${target.name}: one request ${Math.round(p.ms)} ms, ${p.bytes} bytes (BENCH_SECONDS=0: probe only)`);
      continue;
    }
    await cannon(BASE + target.path, 1);
    const writer = target.writeEveryMs ? startWriter(picked.negotiationId, target.writeEveryMs) : null;
    const stats = summarize(target.name, [await cannon(BASE + target.path, SECONDS)]);
    if (writer) probes[target.name].writes = await writer.stop();
    probes[target.name].rss_max_mb = Math.round(rssPhaseMax);
    measured.push({ target, stats });
    const writes = writer ? `; ${probes[target.name].writes} updates logged meanwhile` : '';
    log(`  ${target.name}: one request ${Math.round(p.ms)} ms; p95 ${stats.p95_ms} ms, ${stats.rps} req/s; RSS up to ${Math.round(rssPhaseMax)} MB${writes}`);
  }
  // The capture proposes from a pasted article: asked one at a time (it is an analyst's click, not a page
  // under load), the time is the server's own plus a local round trip.
  {
    const text = captureArticle((file) => fs.readFileSync(path.join(root, file), 'utf8'));
    const ask = async () => {
      const started = performance.now();
      const response = await fetch(`${BASE}/api/capture`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE, cookie: cookieHeader() },
        body: JSON.stringify({ negotiationId: picked.negotiationId, text, publishedOn: '2026-02-05' }),
      });
      await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - started };
    };
    for (let i = 0; i < 3; i++) await ask();
    const runs = [];
    for (let i = 0; i < CAPTURE_TARGET.requests; i++) runs.push(await ask());
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    const p95 = Math.round(times[Math.ceil(times.length * 0.95) - 1]);
    probes[CAPTURE_TARGET.name] = { status: runs[0].status, characters: text.length, median_ms: Math.round(times[Math.floor(times.length / 2)]), p95_ms: p95, target_p95_ms: CAPTURE_TARGET.p95 };
    log(`  ${CAPTURE_TARGET.name}: ${text.length} characters, median ${probes.capture.median_ms} ms, p95 ${p95} ms (target < ${CAPTURE_TARGET.p95} ms)${runs[0].status === 200 ? '' : `; answered ${runs[0].status}`}`);
  }
  if (SECONDS === 0) process.exit(0);
  await measureCeilings(SECONDS / 2);
  const [ceiling, ceilingRoute, reference] = ceilings.map((c) => summarize(c.name, c.runs));
  const referencePage = await fetch(`${BASE}/bench/rows`);
  probes[reference.name] = { status: referencePage.status, bytes: (await referencePage.arrayBuffer()).byteLength };
  const js = await dashboardJsKb();
  rssMax = Math.max(rssMax, rssMb(server.pid));

  // The first reader after a write: an update is logged, then the page asked once (the cache just emptied, so
  // it is computed). The median of five, each page on its own.
  const firstAfterWrite = {};
  for (const { target } of measured.filter((m) => KEY_PAGES.includes(m.stats.name))) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const writer = startWriter(picked.negotiationId, 60_000);
      await writer.writeOnce();
      await writer.stop();
      const started = performance.now();
      await (await fetch(BASE + target.path, { headers: { cookie: cookieHeader() } })).arrayBuffer();
      times.push(performance.now() - started);
    }
    firstAfterWrite[target.name] = Math.round(times.sort((a, b) => a - b)[2]);
  }

  // The key pages once more, served by one worker (WORKERS=1, the single process of before): what every core bought.
  const oneWorker = [];
  let workersRatio = null;
  if (WORKERS > 1) {
    await stopServer();
    startServer(1);
    await waitForServer();
    for (const { target, stats } of measured.filter((m) => KEY_PAGES.includes(m.stats.name))) {
      await settle();
      // A server just started: its caches and compiled code warm up for half a window first, or the ratio flatters.
      await cannon(BASE + target.path, Math.max(1, SECONDS / 2));
      const single = summarize(`${target.name}_one_worker`, [await cannon(BASE + target.path, SECONDS)]);
      oneWorker.push(single);
      log(`  ${single.name}: p95 ${single.p95_ms} ms, ${single.rps} req/s (${WORKERS} workers: ${stats.rps} req/s)`);
    }
    workersRatio = Object.fromEntries(oneWorker.map((single, i) => [KEY_PAGES[i], Math.round((measured.find((m) => m.stats.name === KEY_PAGES[i]).stats.rps / single.rps) * 100) / 100]));
  }
  clearInterval(sampler);

  const ratio = (rps, to = ceiling) => Math.round((rps / to.rps) * 1000) / 1000;
  const results = [
    ...measured.map(({ stats }) => ({ ...stats, ratio: ratio(stats.rps), ratio_route: ratio(stats.rps, ceilingRoute) })),
    { ...ceiling, ratio: 1, ratio_route: ratio(ceiling.rps, ceilingRoute) },
    { ...ceilingRoute, ratio: ratio(ceilingRoute.rps), ratio_route: 1 },
    { ...reference, ratio: ratio(reference.rps), ratio_route: ratio(reference.rps, ceilingRoute) },
  ];

  // ---------------------------------------------------------------- the table
  const verdict = ({ target: { target }, stats }) => {
    const misses = [];
    if (stats.p95_ms === null) misses.push(`no response within ${SECONDS} s`);
    else if (target.p95 && stats.p95_ms > target.p95) misses.push(`p95>${target.p95}`);
    if (target.ratio && ratio(stats.rps) < target.ratio) misses.push(`ratio<${target.ratio}`);
    if (target.streamed && !probes[stats.name].streamed) misses.push('not streamed');
    if (stats.bad) misses.push(`${stats.bad} bad responses`);
    return misses.length ? `MISS ${misses.join(', ')}` : target.p95 || target.ratio ? 'ok' : '';
  };
  const rows = [
    ['name', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'ratio', 'vs route', 'target'],
    ...measured.map((m) => [m.stats.name, m.stats.p50_ms, m.stats.p95_ms, m.stats.p99_ms, m.stats.rps, ratio(m.stats.rps).toFixed(3), ratio(m.stats.rps, ceilingRoute).toFixed(3), verdict(m)]),
    ...[ceiling, ceilingRoute, reference].map((c) => [c.name, c.p50_ms, c.p95_ms, c.p99_ms, c.rps, ratio(c.rps).toFixed(3), ratio(c.rps, ceilingRoute).toFixed(3), '']),
  ].map((r) => r.map(String));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  log('');
  for (const [k, r] of rows.entries()) {
    log(r.map((cell, i) => (i === 0 || i === 7 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
    if (k === 0) log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  log('');
  log(`server RSS max, per worker: ${Math.round(rssMax)} MB (target < 400)   ${rssMax < 400 ? 'ok' : 'MISS'}`);
  if (workersRatio) {
    const held = Object.values(workersRatio).every((r) => r >= WORKERS_RATIO_TARGET);
    log(`workers: ${WORKERS}; req/s over one worker: ${Object.entries(workersRatio).map(([k, r]) => `${k} ${r}`).join(', ')} (target ≥ ${WORKERS_RATIO_TARGET})   ${held ? 'ok' : 'MISS'}`);
  }
  log(`first reader after a write (median of 5, ms): ${Object.entries(firstAfterWrite).map(([k, ms]) => `${k} ${ms}`).join(', ')} (target < 100)   ${Object.values(firstAfterWrite).every((ms) => ms < 100) ? 'ok' : 'MISS'}`);
  const during = measured.find((m) => m.stats.name === 'dashboard_during_writes')?.stats;
  const calm = measured.find((m) => m.stats.name === 'dashboard')?.stats;
  if (during && calm) log(`dashboard during writes: ${Math.round((during.rps / calm.rps) * 100) / 100} of the dashboard (target ≥ 0.85)`);
  log(`dashboard JS: ${js.kb} KB gzip in ${js.scripts} scripts (target < 150)   ${js.kb < 150 ? 'ok' : 'MISS'}`);
  log(`  largest: ${js.list.slice(0, 3).map((x) => `${x.src} ${x.gzip_kb} KB`).join(', ')}`);
  if (probes.export_json && probes.export_json.status === 200) {
    const e = probes.export_json;
    log(`export.json single request: ${e.single_ms} ms, first byte at ${e.first_byte_ms} ms, ${(e.bytes / 1e6).toFixed(1)} MB, streamed: ${e.streamed}`);
  }
  if (missing.length) log(`missing (404, not merged yet): ${missing.join(', ')}`);
  if (failed.length) log(`failed (not 200): ${failed.join(', ')}`);
  log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  const file = path.join(root, 'bench', 'results.json');
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        results: results.map(({ name, p50_ms, p95_ms, p99_ms, rps, ratio, ratio_route }) => ({ name, p50_ms, p95_ms, p99_ms, rps, ratio, ratio_route })),
        rss_max_mb: Math.round(rssMax),
        workers: WORKERS,
        workers_ratio: workersRatio,
        first_reader_after_write_ms: firstAfterWrite,
        one_worker: oneWorker,
        dashboard_js_kb: js.kb,
        dashboard_js_scripts: js.list,
        missing,
        failed,
        probes,
        run: {
          date: new Date().toISOString(),
          seconds: SECONDS,
          connections: CONNECTIONS,
          seed: SEED,
          scale: SCALE,
          targets: picked,
          generation,
          machine: { cores: os.cpus().length, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadavg: os.loadavg() },
        },
      },
      null,
      2,
    ) + '\n',
  );
  log(`wrote ${path.relative(root, file)}`);
} finally {
  clearInterval(sampler);
  await stopServer();
}
