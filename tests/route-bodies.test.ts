import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ROUTES, type Method } from './authz-matrix';

// Every route handler that takes a body, as tests/authz-matrix.ts lists them: the one Content-Type it takes (415
// for any other), its size limit before anything is parsed (413, declared or counted), and JSON nested too deep
// for the code after the parser (400, where it used to overflow the stack: a 500).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-route-bodies-'));
vi.stubEnv('DATABASE_PATH', path.join(dir, 'route.db'));
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
const WRITES: Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];
// next-auth's own forms are application/x-www-form-urlencoded; its limit is tested in tests/auth-route.test.ts.
const NEXT_AUTH = 'app/api/auth/[...nextauth]/route.ts';
const writeRoutes = ROUTES.filter((r) => r.file !== NEXT_AUTH).flatMap((r) =>
  (Object.keys(r.methods) as Method[]).filter((m) => WRITES.includes(m)).map((method) => ({ file: r.file, method })),
);
const TYPES = ['application/json', 'text/csv', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', ''];

let token = '';
let ids: { negotiationId: number; issueId: number };
const handlers = new Map<string, Handler>();

beforeAll(async () => {
  const { getDb } = await import('@/server/db');
  const { createApiToken } = await import('@/db/mutations/tokens');
  const { makeNegotiation, makeUser } = await import('./factories');
  const analyst = makeUser(getDb(), 'analyst');
  ids = makeNegotiation(getDb(), analyst);
  token = createApiToken(getDb(), analyst, { name: 'script', scope: 'full', days: 30 }).token;
  for (const { file, method } of writeRoutes) {
    const routeModule = (await import(/* @vite-ignore */ path.resolve(__dirname, '..', file))) as Record<string, Handler>;
    handlers.set(`${method} ${file}`, routeModule[method]);
  }
});

/** A path segment's id: the issue for /issues/[id], the negotiation elsewhere. */
const paramsOf = (file: string): Record<string, string> => (file.includes('/[id]/') ? { id: String(file.startsWith('app/api/issues/') ? ids.issueId : ids.negotiationId) } : {});

function send(file: string, method: Method, body: BodyInit | null, headers: Record<string, string> = {}) {
  const request = new Request('http://localhost/api/probe', { method, headers: { authorization: `Bearer ${token}`, ...headers }, body, duplex: 'half' } as RequestInit);
  return handlers.get(`${method} ${file}`)!(request, { params: Promise.resolve(paramsOf(file)) });
}

/** A body streamed in pieces, without Content-Length, that counts how much of it was pulled. */
function endless(chunk: number) {
  const counter = { pulled: 0 };
  const piece = new Uint8Array(chunk).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += chunk;
      controller.enqueue(piece);
    },
  });
  return { stream, counter };
}

/** The one type a route takes: the only one of TYPES it does not answer 415. */
async function acceptedType(file: string, method: Method): Promise<string> {
  const accepted: string[] = [];
  for (const type of TYPES) {
    const response = await send(file, method, '{}', type ? { 'content-type': type } : {});
    if (response.status !== 415) accepted.push(type);
    else expect((await response.json()).error, `${method} ${file} with ${type || 'no type'}`).toMatch(/^Send the body as (application\/json|text\/csv) \(Content-Type: /);
  }
  expect(accepted, `${method} ${file} takes exactly one Content-Type`).toHaveLength(1);
  return accepted[0];
}

describe('every route that takes a body', () => {
  it('is found in the authorization matrix', () => {
    expect(writeRoutes.map((r) => `${r.method} ${r.file}`).sort()).toEqual([
      'POST app/api/capture/route.ts',
      'POST app/api/issues/[id]/positions/route.ts',
      'POST app/api/negotiations/[id]/import-updates/route.ts',
      'POST app/api/negotiations/import/route.ts',
      'POST app/api/updates/route.ts',
    ]);
  });

  for (const { file, method } of writeRoutes) {
    it(`${method} ${file}: one Content-Type (415 otherwise, with the one to send), even with parameters and in any case`, async () => {
      const type = await acceptedType(file, method);
      expect((await send(file, method, '{}', { 'content-type': `${type.toUpperCase()}; charset=utf-8` })).status).not.toBe(415);
    });

    it(`${method} ${file}: 413 past its limit, by Content-Length and by counting a body sent without one`, async () => {
      const type = await acceptedType(file, method);
      const declared = await send(file, method, '{}', { 'content-type': type, 'content-length': String(500 * 1024 * 1024) });
      expect(declared.status).toBe(413);
      const { limit, error } = (await declared.json()) as { limit: number; error: string };
      expect(error).toMatch(/the limit is \d+ (KB|MB)/);
      const { stream, counter } = endless(64 * 1024);
      const counted = await send(file, method, stream, { 'content-type': type });
      expect(counted.status).toBe(413);
      // It stopped reading just past the limit: nothing oversize was held.
      expect(counter.pulled).toBeLessThanOrEqual(limit + 3 * 64 * 1024);
    });

    it(`${method} ${file}: JSON nested 10,000 deep is refused, never a 500`, async () => {
      const type = await acceptedType(file, method);
      const deep = '['.repeat(10_000) + ']'.repeat(10_000);
      for (const body of [deep, `{"body":${deep},"summary":${deep},"negotiationId":${deep}}`]) {
        const response = await send(file, method, body, { 'content-type': type });
        expect(response.status, `${method} ${file}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${method} ${file}`).toBeLessThan(500);
        if (type === 'application/json') expect((await response.json()).error).toMatch(/nested more than 32 levels/);
      }
    });
  }
});

describe('the JSON depth scan', () => {
  it('counts only brackets outside strings, escaped quotes included', async () => {
    const { jsonDepth } = await import('@/server/http/json-depth');
    expect(jsonDepth('')).toBe(0);
    expect(jsonDepth('"[[["')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":"]]\\"[["}]}')).toBe(3);
    expect(jsonDepth('[[],[[]]]')).toBe(3);
    expect(jsonDepth('[{},{},{}]')).toBe(2);
    expect(jsonDepth('["\\\\",[1]]')).toBe(2);
  });
});
