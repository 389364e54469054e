import { test, expect } from './fixtures';
import { raw } from './raw-http';
import { MAX_FAILURES_PER_ADDRESS } from '@/server/auth/authenticate';

// The per-address login limit counts by the socket's address (server/http/client-address.ts): a client that
// writes a new X-Forwarded-For for every guess is still one address. The e2e server trusts no proxy
// (TRUST_PROXY unset). Each test connects from an address of its own on the loopback network (127.0.0.x), so
// the rest of the suite, signing in from 127.0.0.1, never meets the limit it sets off.

async function signIn(from: string, email: string, password: string, forwardedFor: string) {
  const csrf = await raw({ method: 'GET', path: '/api/auth/csrf', localAddress: from });
  const cookie = [csrf.headers['set-cookie']].flat().map((c) => String(c).split(';')[0]).join('; ');
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const answer = await raw({
    path: '/api/auth/callback/credentials',
    localAddress: from,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString(),
  });
  return { status: answer.status, url: String(JSON.parse(answer.text).url ?? '') };
}

test('rotating X-Forwarded-For does not get an address past the limit', async () => {
  test.slow();
  const from = '127.0.0.42';
  for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
    const guess = await signIn(from, `nobody-${i}-${Date.now()}@test.example`, 'guess-password', `198.51.100.${i + 1}, 10.0.0.${i + 1}`);
    expect(guess.url, `guess ${i}`).toContain('error=CredentialsSignin');
  }
  // A real account with its right password, from yet another "forwarded" address: still refused.
  const blocked = await signIn(from, 'viewer@example.org', 'tracker-demo', '203.0.113.250');
  expect(decodeURIComponent(blocked.url)).toContain('Too many failed attempts');
  // From another address the same account signs in: the limit held that address, not the account.
  const other = await signIn('127.0.0.43', 'viewer@example.org', 'tracker-demo', '198.51.100.1');
  expect(other.url).not.toContain('error=');
});
