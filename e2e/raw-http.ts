import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, request as playwrightRequest } from '@playwright/test';
import { loginAs, readDb, type DemoRole } from './fixtures';

// Requests Playwright's client cannot make: a body streamed without Content-Length, a body larger than is sent,
// a GET with a body, and from another loopback address (the login limit counts by the socket's address).

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; text: string };

export type RawRequest = {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent as it is, with its Content-Length. */
  body?: string | Buffer;
  /** Streamed in 64 KB chunks without Content-Length, until this many bytes or the server answers. */
  chunkedBytes?: number;
  /** Declares this Content-Length but sends none of it: the server must decide from the header alone. */
  declaredBytes?: number;
  /** The client's own address: any 127.x.y.z reaches the server through loopback. */
  localAddress?: string;
};

export function baseUrl(): URL {
  return new URL(`http://localhost:${process.env.E2E_PORT ?? '3100'}`);
}

export function raw(req: RawRequest): Promise<RawAnswer> {
  const base = baseUrl();
  return new Promise((resolve, reject) => {
    // The Host a browser on the app sends, so that an Origin of http://localhost:<port> is this site.
    // Keep-alive, as a browser: a server that answers before reading the whole body then reads the rest and throws
    // it away rather than closing on unread bytes (which resets the connection, the answer with it).
    const headers: Record<string, string> = { host: base.host, connection: 'keep-alive', ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    if (req.declaredBytes !== undefined) headers['content-length'] = String(req.declaredBytes);
    let answered = false;
    const outgoing = http.request(
      { host: '127.0.0.1', port: base.port, method: req.method ?? 'POST', path: req.path, headers, localAddress: req.localAddress, agent: false },
      (response) => {
        answered = true;
        const parts: Buffer[] = [];
        response.on('data', (d: Buffer) => parts.push(d));
        response.on('end', () => {
          resolve({ status: response.statusCode!, headers: response.headers, text: Buffer.concat(parts).toString('utf8') });
          outgoing.destroy();
        });
        response.on('error', reject);
      },
    );
    // The server may answer and close before the whole body is sent: that is the point, not a failure, as long
    // as its answer came.
    let failure: Error | undefined;
    outgoing.on('error', (error) => (failure = error));
    outgoing.on('close', () => {
      if (!answered) reject(failure ?? new Error(`${req.path}: the connection closed without an answer`));
    });
    if (req.body !== undefined) return void outgoing.end(req.body);
    if (req.declaredBytes !== undefined) return void outgoing.flushHeaders();
    const total = req.chunkedBytes ?? 0;
    if (total === 0) return void outgoing.end();
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    // One chunk at a time, letting the answer in between, as a client that watches for it would.
    const pump = () => {
      if (answered || outgoing.destroyed) return;
      if (sent >= total) return void outgoing.end();
      sent += chunk.length;
      if (outgoing.write(chunk)) setTimeout(pump, 0);
      else outgoing.once('drain', pump);
    };
    pump();
  });
}

/** A signed-in session's Cookie header for one of the demo roles. */
export async function sessionCookie(role: DemoRole): Promise<string> {
  const context = await playwrightRequest.newContext({ baseURL: baseUrl().origin });
  await loginAs(context, role);
  const { cookies } = await context.storageState();
  await context.dispose();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/** Each server action of the build, with the page it is posted to (the first page that uses it). */
export function buildActions(): { file: string; name: string; id: string; page: string }[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json'), 'utf8')).node as Record<string, ManifestEntry>;
  return Object.entries(manifest)
    .filter(([, e]) => e.filename && e.exportedName)
    .map(([id, e]) => ({ file: e.filename!, name: e.exportedName!, id, page: pathOf(Object.keys(e.workers)[0], '1') }));
}

/** The URL of a page or route file: route groups dropped, each [segment] filled with `id`. */
export function pathOf(file: string, id: string): string {
  const parts = file.replace(/^app\//, '').replace(/\/(route|page)(\.\w+)?$/, '').split('/').filter((p) => p && !/^\(.*\)$/.test(p));
  return '/' + parts.map((p) => (p.startsWith('[') ? id : p)).join('/');
}

/** The body React's forms send for a server action: the form's fields, then the arguments (see e2e/security-authz.spec.ts). */
export function actionForm(fields: Record<string, string>, bound: unknown[] = []): { body: Buffer; contentType: string } {
  const boundary = `----probe${Math.random().toString(16).slice(2)}`;
  const parts = [...Object.entries(fields).map(([name, value]) => [`_1_${name}`, value]), ['0', JSON.stringify([...bound, {}, '$K1'])]];
  const body = parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('') + `--${boundary}--\r\n`;
  return { body: Buffer.from(body, 'utf8'), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * What the database holds, as counts and highest ids of every table (every write also adds an audit row). The
 * login attempts are left out: a refused sign-in is recorded by design.
 */
export function fingerprint(): string {
  const db = readDb();
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%' AND name <> 'login_attempts' ORDER BY name`).all() as { name: string }[];
    return tables.map(({ name }) => `${name}:${JSON.stringify(db.prepare(`SELECT count(*) n, max(rowid) m FROM "${name}"`).get())}`).join(' ');
  } finally {
    db.close();
  }
}

/** The test server's processes (`npm start`'s workers), found by their database (Linux: /proc). */
export function serverProcesses(): number[] {
  const database = process.env.E2E_DATABASE_PATH!;
  return fs.readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('next-server') && fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`DATABASE_PATH=${database}`);
    } catch {
      return false; // A process that ended meanwhile.
    }
  }).map(Number);
}

/** The resident memory of each worker of the test server, in MB, by process id. */
export function serverMemoryMb(): Map<number, number> {
  const pids = serverProcesses();
  expect.soft(pids.length, 'the test server process was not found').toBeGreaterThan(0);
  const memory = new Map<number, number>();
  for (const pid of pids) {
    try {
      memory.set(pid, Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);
    } catch {
      // A process that ended meanwhile.
    }
  }
  return memory;
}

/** Every page file of the app, relative to the project root. */
export function pageFiles(dir = 'app'): string[] {
  return fs.readdirSync(path.join(process.cwd(), dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return pageFiles(file);
    return /^page\.(tsx|ts|jsx|js)$/.test(entry.name) ? [file] : [];
  });
}
