import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// The route handlers read the app's own database: point it at a fresh file before anything opens it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-route-errors-'));
vi.stubEnv('DATABASE_PATH', path.join(dir, 'route.db'));
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Ids = { negotiationId: number; partyA: number; partyB: number; issueId: number };

const routes: Record<'positions' | 'updates' | 'exportJson' | 'feed' | 'importUpdates' | 'list', Handler> = {} as never;
const tokens = { analyst: '', viewer: '' };
let ids: Ids;

beforeAll(async () => {
  const { getDb } = await import('@/server/db');
  const { createApiToken } = await import('@/db/mutations/tokens');
  const { makeNegotiation, makeUser } = await import('./factories');
  const db = getDb();
  const analyst = makeUser(db, 'analyst');
  ids = makeNegotiation(db, analyst);
  tokens.analyst = createApiToken(db, analyst, { name: 'script', scope: 'full', days: 30 }).token;
  tokens.viewer = createApiToken(db, makeUser(db, 'viewer'), { name: 'reader', scope: 'full', days: 30 }).token;
  routes.positions = (await import('@/app/api/issues/[id]/positions/route')).POST as Handler;
  routes.updates = (await import('@/app/api/updates/route')).POST as Handler;
  routes.exportJson = (await import('@/app/api/negotiations/[id]/export.json/route')).GET as Handler;
  routes.feed = (await import('@/app/api/negotiations/[id]/updates.atom/route')).GET as Handler;
  routes.importUpdates = (await import('@/app/api/negotiations/[id]/import-updates/route')).POST as Handler;
  routes.list = (await import('@/app/api/negotiations/route')).GET as Handler;
});

afterEach(() => vi.restoreAllMocks());

type Call = { params?: Record<string, string>; body?: string; token?: string; headers?: Record<string, string> };
function call(route: Handler, { params = {}, body, token = tokens.analyst, headers = {} }: Call = {}) {
  const request = new Request('http://localhost/api/probe', {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body,
  });
  return route(request, { params: Promise.resolve(params) });
}
const json = (value: unknown) => JSON.stringify(value);
const position = (over: Record<string, unknown> = {}) =>
  json({ partyId: ids.partyA, basedOn: null, summary: 'Wants the line frozen', stance: 'supports', flexibility: 'moderate', asOf: '2026-02-05', ...over });

/** Every refusal has one shape: `error` always, and only the keys of server/http/problem.ts besides it. */
async function refusal(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('cache-control')).toBe('private, no-store');
  const body = (await response.json()) as Record<string, unknown>;
  expect(typeof body.error).toBe('string');
  expect((body.error as string).length).toBeGreaterThan(0);
  for (const key of Object.keys(body)) expect(['error', 'fieldErrors', 'errors', 'limit', 'currentId']).toContain(key);
  return body;
}

describe('route handlers answer every refusal the same way', () => {
  it('answers 404 for an id that names nothing, on reads and writes alike', async () => {
    expect(await refusal(await call(routes.exportJson, { params: { id: '99999' } }), 404)).toEqual({ error: 'No such negotiation.' });
    expect(await refusal(await call(routes.feed, { params: { id: '99999' } }), 404)).toEqual({ error: 'No such negotiation.' });
    await refusal(await call(routes.positions, { params: { id: '99999' }, body: position() }), 404);
    await refusal(await call(routes.importUpdates, { params: { id: '99999' }, body: 'date,text', headers: { 'content-type': 'text/csv' } }), 404);
  });

  it('answers 404 for an id in any spelling but the canonical one, which would name another record', async () => {
    const canonical = String(ids.negotiationId);
    expect((await call(routes.exportJson, { params: { id: canonical } })).status).toBe(200);
    for (const id of [`0${canonical}`, `${canonical}abc`, `${canonical}.0`, '1e3', '-1', '0', '']) {
      expect(await refusal(await call(routes.exportJson, { params: { id } }), 404), id).toEqual({ error: 'No such negotiation.' });
      await refusal(await call(routes.positions, { params: { id }, body: position() }), 404);
    }
  });

  it('refuses an oversize body with 413 before parsing it', async () => {
    // Not JSON at all: a 400 would mean the route parsed it before measuring it.
    const big = `{${'x'.repeat(64 * 1024)}`;
    const body = await refusal(await call(routes.positions, { params: { id: String(ids.issueId) }, body: big }), 413);
    expect(body.error).toMatch(/the limit is 64 KB/);
    expect(body.limit).toBe(64 * 1024);
    // The same limit by the declared length alone, and the default limit (1 MB) where a route sets none.
    await refusal(await call(routes.positions, { params: { id: String(ids.issueId) }, body: '{}', headers: { 'content-length': String(64 * 1024 + 1) } }), 413);
    expect((await refusal(await call(routes.updates, { body: `[${'1,'.repeat(600_000)}1]` }), 413)).error).toMatch(/the limit is 1 MB/);
  });

  it('answers 400 with the one shape for a body that is not a JSON object', async () => {
    for (const body of ['{not json', '[1, 2]', 'null', '"text"', '']) {
      expect(await refusal(await call(routes.updates, { body }), 400), body).toEqual({ error: 'The body must be a JSON object.' });
      expect(await refusal(await call(routes.positions, { params: { id: String(ids.issueId) }, body }), 400)).toEqual({
        error: 'The body must be a JSON object.',
      });
    }
  });

  it('answers field errors under fieldErrors, keyed as the form names them, from the schema or the database', async () => {
    const issue = { id: String(ids.issueId) };
    const fromSchema = await refusal(await call(routes.positions, { params: issue, body: position({ summary: '', stance: 'maybe' }) }), 400);
    expect(fromSchema.error).toBe('Invalid position.');
    expect(Object.keys(fromSchema.fieldErrors as object).sort()).toEqual(['stance', 'summary']);

    const { getDb } = await import('@/server/db');
    const { createParty } = await import('@/db/mutations/parties');
    const { makeUser } = await import('./factories');
    const outsider = createParty(getDb(), makeUser(getDb(), 'analyst'), { name: 'Not at the table', shortName: 'NT' });
    const fromDatabase = await refusal(await call(routes.positions, { params: issue, body: position({ partyId: outsider }) }), 400);
    expect(fromDatabase.fieldErrors).toEqual({ partyId: ['Choose a party of this negotiation.'] });

    const update = await refusal(await call(routes.updates, { body: json({ negotiationId: ids.negotiationId, body: '', occurredOn: 'soon', sources: [{ outlet: '' }] }) }), 400);
    expect(update.error).toBe('Invalid update.');
    expect(Object.keys(update.fieldErrors as object)).toEqual(expect.arrayContaining(['body', 'occurredOn', 'sources.0.outlet']));
  });

  it('answers 404, not 400, when an id in the body names nothing', async () => {
    const body = await refusal(await call(routes.updates, { body: json({ negotiationId: 99999, body: 'Logged into nothing', occurredOn: '2026-02-05' }) }), 404);
    expect(body.error).toMatch(/not found/);
  });

  it('answers 409 with the version now current when a position changed meanwhile', async () => {
    const issue = { id: String(ids.issueId) };
    const first = await call(routes.positions, { params: issue, body: position({ partyId: ids.partyB }) });
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: number };
    const stale = await refusal(await call(routes.positions, { params: issue, body: position({ partyId: ids.partyB, summary: 'Built on nothing' }) }), 409);
    expect(stale.currentId).toBe(id);
  });

  it('refuses an unknown token with 401 and a role too low with 403, before reading the body', async () => {
    expect(await refusal(await call(routes.list, { token: 'ntk_not-a-token' }), 401)).toEqual({ error: 'Sign in or send a valid bearer token.' });
    const viewer = await refusal(await call(routes.positions, { params: { id: 'abc' }, body: '{broken', token: tokens.viewer }), 403);
    expect(viewer.error).toBe('Your role can read but not change anything.');
  });

  it('marks every answer to a caller private and unstorable: JSON, a stream, a feed, a write', async () => {
    const answers = [
      await call(routes.list),
      await call(routes.exportJson, { params: { id: String(ids.negotiationId) } }),
      await call(routes.feed, { params: { id: String(ids.negotiationId) }, token: tokens.viewer }),
      await call(routes.positions, { params: { id: String(ids.issueId) }, body: position({ summary: 'Fresh', basedOn: undefined }) }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 201]);
    for (const response of answers) expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(answers[1].headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(await answers[1].text()).negotiation.name).toMatch(/^Talks /);
  });
});

describe('the one mapping of errors to status codes', () => {
  const request = new Request('http://localhost/api/negotiations/3/updates.atom?token=ntk_secret');

  it('gives each error class its code and its message', async () => {
    const { answerFor } = await import('@/server/http/problem');
    const { ConflictError, InvalidInputError, NotFoundError } = await import('@/lib/errors');
    const { ForbiddenError } = await import('@/lib/roles');
    const answers = [
      answerFor(new InvalidInputError('Dates out of order.', { endsOn: ['Ends before it starts.'] }), { request }),
      answerFor(new InvalidInputError('The name is taken.'), { request }),
      answerFor(new NotFoundError('The round'), { request }),
      answerFor(new ConflictError('Changed meanwhile.'), { request }),
      answerFor(new ForbiddenError('admin'), { request }),
    ];
    expect(answers.map((r) => r.status)).toEqual([400, 400, 404, 409, 403]);
    expect(await Promise.all(answers.map((r) => r.json()))).toEqual([
      { error: 'Dates out of order.', fieldErrors: { endsOn: ['Ends before it starts.'] } },
      { error: 'The name is taken.' },
      { error: 'The round was not found; it may have been deleted.' },
      { error: 'Changed meanwhile.' },
      { error: 'Only an admin can do this.' },
    ]);
  });

  it('logs anything else with the path and the caller, never the token in the query, and answers calmly', async () => {
    const { answerFor } = await import('@/server/http/problem');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = answerFor(new Error('disk I/O error'), { request, userId: 7 });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'Something went wrong and nothing was saved. Try again; if it persists, tell an admin.' });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0][0]).toBe('GET /api/negotiations/3/updates.atom failed');
    expect(logged.mock.calls[0][1]).toMatchObject({ userId: 7 });
    expect(JSON.stringify(logged.mock.calls[0])).not.toContain('ntk_secret');
    expect((await answerFor(new Error('x'), { request, failure: 'The export could not be generated.' }).json()).error).toBe('The export could not be generated.');
  });
});
