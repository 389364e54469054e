import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, makeUser } from './factories';
import { createApiToken, revokeApiToken } from '@/db/mutations/tokens';
import { hashToken } from '@/lib/api-tokens';
import { findTokenUser, listTokensOf } from '@/db/queries/tokens';
import { apiTokens } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { readLimitedText } from '@/server/http/read-body';
import { CSV_IMPORT_LIMIT, JSON_IMPORT_LIMIT } from '@/lib/interchange/parse';

describe('API tokens', () => {
  it('stores only a hash, authorises with the owner role, and stops once revoked', () => {
    const db = freshDb();
    const viewer = makeUser(db, 'viewer');
    const { id, token } = createApiToken(db, viewer, { name: 'laptop script', scope: 'read', days: 90 });
    const row = db.select().from(apiTokens).where(eq(apiTokens.id, id)).get()!;
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toContain(token);
    expect(findTokenUser(db, hashToken(token))).toMatchObject({ id: viewer.id, role: 'viewer' });

    revokeApiToken(db, viewer, id);
    expect(findTokenUser(db, hashToken(token))).toBeUndefined();
    expect(listTokensOf(db, viewer.id)[0].revokedAt).not.toBeNull();
  });

  it('lets nobody else revoke a token, except an admin', () => {
    const db = freshDb();
    const owner = makeUser(db, 'analyst');
    const other = makeUser(db, 'analyst');
    const admin = makeUser(db, 'admin');
    const { id, token } = createApiToken(db, owner, { name: 'ci', scope: 'full', days: 90 });
    expect(() => revokeApiToken(db, other, id)).toThrow(NotFoundError);
    expect(findTokenUser(db, hashToken(token))).toBeDefined();
    revokeApiToken(db, admin, id);
    expect(findTokenUser(db, hashToken(token))).toBeUndefined();
  });
});

describe('upload size limits', () => {
  const post = (body: string, headers: Record<string, string> = {}) => new Request('http://x/api', { method: 'POST', body, headers });

  it('refuses a body whose Content-Length is over the limit without reading it', async () => {
    const result = await readLimitedText(post('{}', { 'content-length': String(JSON_IMPORT_LIMIT + 1) }), JSON_IMPORT_LIMIT, 'JSON file');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.response.status).toBe(413);
      expect((await result.response.json()).error).toMatch(/limit is 10 MB/);
    }
  });

  it('refuses a body that is over the limit even when the header says otherwise', async () => {
    const big = 'x'.repeat(CSV_IMPORT_LIMIT + 10);
    const result = await readLimitedText(post(big), CSV_IMPORT_LIMIT, 'CSV file');
    expect(result.ok).toBe(false);
    if (!result.ok) expect((await result.response.json()).error).toMatch(/limit is 2 MB/);
    const fine = await readLimitedText(post('date,text'), CSV_IMPORT_LIMIT, 'CSV file');
    expect(fine).toEqual({ ok: true, text: 'date,text' });
  });
});
