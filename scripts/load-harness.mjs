// Shared by `npm run test:load` and `npm run test:crash`: a production server on a loopback port
// over a throw-away database, 50 concurrent API clients writing positions, and the checks that
// every acknowledged write is in the database. Only 127.0.0.1 is ever contacted.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isBuildStale } from './start-helpers.mjs';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
export const MARK = 'load:';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh demo database in a temp folder, tokens for `workers` clients, and the build when stale. */
export async function prepare(workers) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-load-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DEMO: 'on',
    DATABASE_PATH: path.join(dir, 'tracker.db'),
    PORT: String(port),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: 'load-test-only-secret-0123456789abcdefghijk',
    NODE_ENV: 'production',
  };
  const run = (command, args) => {
    const r = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  };
  run(bin('tsx'), [path.join(root, 'scripts', 'prepare.ts')]);
  const setup = JSON.parse(run(bin('tsx'), [path.join(root, 'scripts', 'load-setup.ts'), String(workers)]).trim().split('\n').pop());
  if (isBuildStale(root)) {
    console.log('Building the app first (sources are newer than the build)…');
    const r = spawnSync(bin('next'), ['build'], { cwd: root, env, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('next build failed');
  }
  return { dir, port, env, ...setup };
}

/** Starts `next start` on 127.0.0.1 in its own process group, so a SIGKILL takes the whole server down. */
export async function startServer(ctx) {
  const log = fs.openSync(path.join(ctx.dir, 'server.log'), 'a');
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(ctx.port), '-H', '127.0.0.1'], {
    cwd: root,
    env: ctx.env,
    stdio: ['ignore', log, log],
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}; see ${ctx.dir}/server.log`);
    try {
      const r = await fetch(`http://127.0.0.1:${ctx.port}/api/health`);
      if (r.ok) return child;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('The server did not answer /api/health within 60 s.');
}

export function killServer(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

const STANCES = ['supports', 'opposes', 'conditional', 'ambiguous', 'no_position'];
const FLEX = ['unknown', 'rigid', 'low', 'moderate', 'high'];

export function newStats() {
  return { requests: 0, status: {}, created: [], createdUpdates: [], conflicts: 0, conflictWithoutCurrent: 0, networkErrors: 0, busy: 0, latencies: [], badBodies: 0 };
}

/**
 * `workers` clients, each with its own token, loop until `shouldStop()`: record a new position on a random
 * (issue, party) pair from what they last saw as current. Half the pairs are hot, so edits collide.
 * Every third request instead logs an update on the pair's issue through POST /api/updates.
 */
export async function runLoad(ctx, stats, shouldStop) {
  const seen = new Map(ctx.pairs.map((p) => [`${p.issueId}:${p.partyId}`, p.current]));
  const hot = ctx.pairs.slice(0, Math.max(2, Math.floor(ctx.pairs.length / 4)));
  let seq = 0;
  const worker = async (token, w) => {
    while (!shouldStop()) {
      const pair = Math.random() < 0.5 ? hot[Math.floor(Math.random() * hot.length)] : ctx.pairs[Math.floor(Math.random() * ctx.pairs.length)];
      const key = `${pair.issueId}:${pair.partyId}`;
      seq += 1;
      const body = {
        partyId: pair.partyId,
        basedOn: seen.get(key),
        summary: `${MARK}w${w} #${seq} ${new Date().toISOString()}`,
        stance: STANCES[seq % STANCES.length],
        flexibility: FLEX[seq % FLEX.length],
        redLines: seq % 3 === 0 ? 'No recognition.' : '',
        asOf: '2026-02-10',
      };
      const isUpdate = seq % 3 === 0;
      // Said to have no source yet (lib/update-sourcing.ts): the load is the writing, not the sources.
      const update = { negotiationId: pair.negotiationId, body: `${MARK}update w${w} #${seq}`, occurredOn: '2026-02-10', issueIds: [pair.issueId], unsourced: true };
      const started = performance.now();
      stats.requests += 1;
      let response;
      let text = '';
      try {
        response = await fetch(isUpdate ? `http://127.0.0.1:${ctx.port}/api/updates` : `http://127.0.0.1:${ctx.port}/api/issues/${pair.issueId}/positions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(isUpdate ? update : body),
          signal: AbortSignal.timeout(30_000),
        });
        text = await response.text();
      } catch {
        stats.networkErrors += 1;
        await new Promise((r) => setTimeout(r, 100)); // the server is down (crash test): do not spin
        continue;
      }
      stats.latencies.push(performance.now() - started);
      stats.status[response.status] = (stats.status[response.status] ?? 0) + 1;
      if (/SQLITE_BUSY|database is locked/i.test(text)) stats.busy += 1;
      let json = {};
      try {
        json = JSON.parse(text);
      } catch {
        stats.badBodies += 1;
      }
      if (response.status === 201 && isUpdate && Number.isInteger(json.id)) stats.createdUpdates.push(json.id);
      else if (response.status === 201 && Number.isInteger(json.id)) {
        stats.created.push(json.id);
        seen.set(key, json.id);
      } else if (response.status === 201) stats.badBodies += 1;
      else if (response.status === 409) {
        stats.conflicts += 1;
        if (!('currentId' in json)) stats.conflictWithoutCurrent += 1;
        seen.set(key, json.currentId ?? null);
      }
    }
  };
  await Promise.all(ctx.tokens.map((t, i) => worker(t, i + 1)));
}

/** What the database holds against what the server acknowledged. */
export function verify(ctx, acknowledged, acknowledgedUpdates = []) {
  const db = new Database(ctx.env.DATABASE_PATH, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const ids = new Set(db.prepare(`SELECT id FROM positions WHERE summary LIKE '${MARK}%'`).pluck().all());
    const updateIds = new Set(db.prepare(`SELECT id FROM updates WHERE body LIKE '${MARK}%'`).pluck().all());
    const missing = [...acknowledged.filter((id) => !ids.has(id)), ...acknowledgedUpdates.filter((id) => !updateIds.has(id))];
    const audited = new Set(
      db.prepare(`SELECT entity_id FROM audit_log WHERE entity = 'position' AND action = 'create'`).pluck().all(),
    );
    const unaudited = acknowledged.filter((id) => !audited.has(id));
    // A silent merge would leave two versions built on the same one, or two current positions for a pair.
    const forks = db.prepare(`SELECT count(*) FROM (SELECT supersedes_id FROM positions WHERE supersedes_id IS NOT NULL GROUP BY supersedes_id HAVING count(*) > 1)`).pluck().get();
    const doubleCurrent = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM positions WHERE is_current = 1 GROUP BY issue_id, party_id HAVING count(*) > 1)`).pluck().get();
    return { integrity, inDb: ids.size + updateIds.size, acknowledged: acknowledged.length + acknowledgedUpdates.length, missing, unaudited, forks, doubleCurrent };
  } finally {
    db.close();
  }
}

export function percentile(values, p) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function serverLogMentionsBusy(ctx) {
  const file = path.join(ctx.dir, 'server.log');
  return fs.existsSync(file) && /SQLITE_BUSY|database is locked/i.test(fs.readFileSync(file, 'utf8'));
}
