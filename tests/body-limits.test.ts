import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT, SIGN_IN_BODY_LIMIT } from '@/server/http/body-limits';
import { authRoute } from '@/server/auth/route';
import { envelopeProblem } from '@/server/http/action-envelope';
import { refusePageBody } from '@/server/http/page-body';
import { refuseMalformedPath } from '@/server/http/request-path';

const nextConfig = createRequire(__filename)(path.resolve(__dirname, '..', 'next.config.js')) as {
  experimental: { serverActions: { bodySizeLimit: number }; proxyClientMaxBodySize: number };
};

describe('the body limits Next applies itself agree with the app’s', () => {
  it('server actions: the proxy refuses at the same size as Next, and sees enough of a larger body to know', () => {
    expect(nextConfig.experimental.serverActions.bodySizeLimit).toBe(ACTION_BODY_LIMIT);
    expect(nextConfig.experimental.proxyClientMaxBodySize).toBeGreaterThan(ACTION_BODY_LIMIT + 64 * 1024);
  });
});

describe('next-auth’s routes', () => {
  type Seen = { body: string; type: string | null };
  const seen: Seen[] = [];
  const handler = authRoute(async (request) => {
    seen.push({ body: await request.text(), type: request.headers.get('content-type') });
    return Response.json({ ok: true }, { headers: { 'cache-control': 'public, max-age=60' } });
  });
  const context = (...nextauth: string[]) => ({ params: Promise.resolve({ nextauth }) });
  const post = (body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }) =>
    new Request('http://localhost/api/auth/callback/credentials', { method: 'POST', body, headers, duplex: 'half' } as RequestInit) as never;

  it('hands next-auth a sign-in form within the limit, and marks every answer private, no-store', async () => {
    const response = await handler(post('email=a%40b.example&password=x'), context('callback', 'credentials'));
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(seen.at(-1)).toEqual({ body: 'email=a%40b.example&password=x', type: 'application/x-www-form-urlencoded' });
  });

  it('refuses a larger body with 413 before next-auth reads any of it, streamed or declared', async () => {
    const before = seen.length;
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 8192;
        controller.enqueue(new Uint8Array(8192).fill(0x61));
      },
    });
    const streamed = await handler(post(endless), context('callback', 'credentials'));
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error).toMatch(/The sign-in form is .*; the limit is 16 KB/);
    expect(pulled).toBeLessThanOrEqual(SIGN_IN_BODY_LIMIT + 2 * 8192);
    const declared = await handler(post('x', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(150 * 1024 * 1024) }), context('callback', 'credentials'));
    expect(declared.status).toBe(413);
    expect(seen.length).toBe(before);
  });

  it('takes only its form (415 for JSON, which next-auth would answer 500 when broken) and no GET of the credentials callback', async () => {
    const json = await handler(post('{not json', { 'content-type': 'application/json' }), context('callback', 'credentials'));
    expect(json.status).toBe(415);
    const get = await handler(new Request('http://localhost/api/auth/callback/credentials') as never, context('callback', 'credentials'));
    expect(get.status).toBe(405);
    expect((await handler(new Request('http://localhost/api/auth/session') as never, context('session'))).headers.get('cache-control')).toBe('private, no-store');
  });
});

/** A form as React's client sends it to a server action. */
function form(parts: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(parts)) data.append(name, value);
  return data;
}

describe('a server action’s envelope', () => {
  it('lets through what the app’s forms send, with JavaScript and without', () => {
    expect(envelopeProblem(form({ _1_name: 'x', '0': '[{},"$K1"]' }), true)).toBeNull();
    expect(envelopeProblem(form({ _1_name: '$$x', '0': '[12,{"ok":false,"message":"m","values":{"name":"$$5"},"n":"$undefined","d":"$D2026-01-01T00:00:00.000Z"},"$K1"]' }), true)).toBeNull();
    // As the page renders it for a form submitted before the page's script has run.
    const mpa = form({ $ACTION_REF_3: '', '$ACTION_3:0': '{"id":"7003cc376a399b1d50bd07c47c4c174af8a69914cd","bound":"$@1"}', '$ACTION_3:1': '[1,{}]', $ACTION_KEY: 'k5', name: 'x' });
    expect(envelopeProblem(mpa, false)).toBeNull();
    expect(envelopeProblem(form({ name: 'a plain form, not an action' }), false)).toBeNull();
  });

  it('refuses what React’s decoder would throw on, which Next answers with a 500', () => {
    const refused = (parts: Record<string, string>, fetchAction = true) => expect(envelopeProblem(form(parts), fetchAction), JSON.stringify(parts)).toMatch(/\S/);
    refused({ _1_name: 'x' });
    refused({ '0': 'garbage' });
    refused({ '0': '{}' });
    refused({ '0': '"text"' });
    refused({ '0': '["$Q1","$K1"]' });
    refused({ '0': '[{},"$T"]' });
    refused({ '0': '[{"a":"$1:b"},"$K1"]' });
    refused({ '0': '[{},"$K1"]', '1': '["$W2"]' });
    refused({ '0': '[' + '['.repeat(40) + ']'.repeat(40) + ']' });
    refused({ '$ACTION_1:0': 'garbage' }, false);
    refused({ '$ACTION_1:0': '{"bound":"$@1"}' }, false);
    refused({ '$ACTION_1:0': '{"id":"x","bound":"$@1"}', '$ACTION_1:1': '["$Q1"]' }, false);
  });

  it('is checked in the proxy before Next: origin, size, type and shape, each with its status', async () => {
    const page = (headers: Record<string, string>, body: BodyInit = 'x') => new Request('http://localhost:3000/parties', { method: 'POST', headers: { host: 'localhost:3000', ...headers }, body, duplex: 'half' } as RequestInit);
    const action = { 'next-action': 'abc', origin: 'http://localhost:3000' };
    const status = async (request: Request) => (await refusePageBody(request))?.status ?? 'passed';
    const good = new FormData();
    good.append('_1_name', 'x');
    good.append('0', '[{},"$K1"]');
    expect(await status(page(action, good))).toBe('passed');
    expect(await status(page({ ...action, origin: 'https://evil.example' }, good))).toBe(403);
    expect(await status(page({ ...action, origin: 'not a url' }, good))).toBe(403);
    expect(await status(page({ ...action, 'content-type': 'text/plain' }))).toBe(415);
    expect(await status(page({ ...action, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(ACTION_BODY_LIMIT + 1) }))).toBe(413);
    expect(await status(page({ ...action, 'content-type': 'multipart/form-data; boundary=x' }, 'x'.repeat(ACTION_BODY_LIMIT + 1)))).toBe(413);
    expect(await status(page({ ...action, 'content-type': 'multipart/form-data; boundary=x' }, '--x\r\nbroken'))).toBe(400);
    // Not a body Next reads as an action: passed on untouched.
    expect(await status(page({ 'content-type': 'text/plain' }))).toBe('passed');
    const refusal = (await refusePageBody(page({ ...action, origin: 'https://evil.example' }, good)))!;
    // Exactly text/plain: the one type whose text Next's client shows as the form's error.
    expect(refusal.headers.get('content-type')).toBe('text/plain');
    expect(await refusal.text()).toBe('This form was sent from another site; nothing was saved.');
  });
});

describe('a path whose %-escapes stand for no character', () => {
  it('is refused with 400, and any other path passes', () => {
    for (const path of ['/homework/%ff', '/issues/1%', '/api/negotiations/%c0%af/export.json', '/x/%e2%82']) expect(refuseMalformedPath(new Request(`http://localhost${path}`))?.status, path).toBe(400);
    for (const path of ['/homework/1', '/search', '/issues/%E2%82%AC', '/a%20b']) expect(refuseMalformedPath(new Request(`http://localhost${path}`)), path).toBeNull();
  });
});
