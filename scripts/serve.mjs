// Serves the production build with one `next start` per worker, all sharing one port through Node's cluster
// module (decision 0020). scripts/start.mjs calls it with the configuration server/config.ts checked.
import cluster from 'node:cluster';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const NEXT_CLI = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * Everything a worker needs to serve lives in the database (sessions are signed tokens checked against the
 * user's session version, login attempts and rate limits are rows, the read cache follows `content_version`),
 * so workers share nothing but the port. A worker that ends after it served is replaced; one that ends before
 * it ever listened (a configuration refused, the port taken) would end the same way again, so the whole server
 * stops with its exit code instead of restarting it in a loop.
 */
export function serve({ workers, port, env }) {
  cluster.setupPrimary({ exec: NEXT_CLI, args: ['start', '-p', String(port)], cwd: root });
  const listened = new Set();
  let stopping = false;

  const fork = () => {
    const worker = cluster.fork(env);
    worker.on('listening', () => listened.add(worker.id));
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (!listened.has(worker.id)) {
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exitCode = code ?? 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code ?? 1);
      return;
    }
    console.error(`Worker ${worker.process.pid} ended (${signal ?? `exit ${code}`}); starting another.`);
    fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true;
      const running = Object.values(cluster.workers ?? {});
      if (running.length === 0) process.exit(0);
      for (const worker of running) worker?.process.kill(signal);
    });
  }
  for (let i = 0; i < workers; i++) fork();
}
