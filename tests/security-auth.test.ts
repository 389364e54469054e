import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { freshDb, makeUser } from './factories';
import { authenticate, TooManyAttemptsError, MAX_FAILURES_PER_ADDRESS } from '@/server/auth/authenticate';
import { hashPassword } from '@/server/auth/password';
import { passwordProblem } from '@/lib/validation/password';
import { createUser, endSessions, updateUserAccess } from '@/db/mutations/users';
import { findActiveUser, findUserByEmail } from '@/db/queries/users';
import type { DB } from '@/db';

const ROOT = path.resolve(__dirname, '..');
const PASSWORD = 'correct-horse-9';

async function account(db: DB, email: string) {
  return createUser(db, null, { email, name: email, role: 'analyst', passwordHash: await hashPassword(PASSWORD) });
}

describe('login rate limits', () => {
  it('locks an account after five failures, even for the right password, and from another address', async () => {
    const db = freshDb();
    await account(db, 'target@test.example');
    expect(await authenticate(db, 'target@test.example', PASSWORD, '10.0.0.1')).toMatchObject({ email: 'target@test.example', role: 'analyst' });
    for (let i = 0; i < 5; i++) expect(await authenticate(db, 'Target@Test.example ', `wrong-${i}`, '10.0.0.1')).toBeNull();
    await expect(authenticate(db, 'target@test.example', PASSWORD, '10.0.0.1')).rejects.toThrow(TooManyAttemptsError);
    await expect(authenticate(db, 'target@test.example', PASSWORD, '10.9.9.9')).rejects.toThrow('Too many failed attempts. Wait 15 minutes');
    // Other accounts are not affected.
    await account(db, 'bystander@test.example');
    expect(await authenticate(db, 'bystander@test.example', PASSWORD, '10.9.9.9')).not.toBeNull();
  });

  it('limits one address spraying guesses over many accounts', async () => {
    const db = freshDb();
    await account(db, 'sprayed@test.example');
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await authenticate(db, `nobody${i}@test.example`, 'guess-password', '192.0.2.50');
    await expect(authenticate(db, 'sprayed@test.example', PASSWORD, '192.0.2.50')).rejects.toThrow(TooManyAttemptsError);
    expect(await authenticate(db, 'sprayed@test.example', PASSWORD, '192.0.2.51')).not.toBeNull();
  });

  it('refuses a disabled account with the right password, and unknown accounts', async () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    const row = await account(db, 'gone@test.example');
    updateUserAccess(db, admin, row.id, { disabled: true });
    expect(await authenticate(db, 'gone@test.example', PASSWORD, 'a')).toBeNull();
    expect(await authenticate(db, 'nobody@test.example', PASSWORD, 'a')).toBeNull();
    expect(await authenticate(db, '', '', 'a')).toBeNull();
  });
});

describe('sessions', () => {
  it('ends at the next request once the user is disabled, logs out or has the role changed', async () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    const row = await account(db, 'session@test.example');
    const sv = findUserByEmail(db, 'session@test.example')!.sessionVersion;
    expect(findActiveUser(db, row.id, sv)).toBeDefined();

    endSessions(db, row.id);
    expect(findActiveUser(db, row.id, sv)).toBeUndefined();
    const sv2 = sv + 1;
    expect(findActiveUser(db, row.id, sv2)).toBeDefined();

    updateUserAccess(db, admin, row.id, { role: 'viewer' });
    expect(findActiveUser(db, row.id, sv2)).toBeUndefined();

    updateUserAccess(db, admin, row.id, { disabled: true });
    const now = findUserByEmail(db, 'session@test.example')!;
    expect(findActiveUser(db, row.id, now.sessionVersion)).toBeUndefined();
  });
});

describe('password rules', () => {
  it('refuses short, letters-only and digits-only passwords', () => {
    expect(passwordProblem('short1')).toMatch(/at least 10 characters/);
    expect(passwordProblem('onlyletterslong')).toMatch(/not only letters/);
    expect(passwordProblem('12345678901')).toMatch(/only digits/);
    expect(passwordProblem('x'.repeat(201) + '1')).toMatch(/at most 200/);
    expect(passwordProblem('correct-horse-9')).toBeNull();
  });
});

describe('DEMO=off start', () => {
  const start = (secret: string | undefined, dbPath: string) => {
    const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, DEMO: 'off', DATABASE_PATH: dbPath, PORT: '3999' };
    if (secret !== undefined) env.NEXTAUTH_SECRET = secret;
    return spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], { cwd: ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 15_000 });
  };

  it.each([
    ['missing', undefined, 'NEXTAUTH_SECRET is missing'],
    ['short', 'too-short-secret', 'too short'],
    ['repetitive', 'a'.repeat(40), 'too repetitive'],
  ])('refuses to start with a %s NEXTAUTH_SECRET, before creating anything', (_, secret, message) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-demo-off-'));
    const result = start(secret, path.join(dir, 'tracker.db'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cannot start');
    expect(result.stderr).toContain(message);
    expect(fs.existsSync(path.join(dir, 'tracker.db'))).toBe(false);
  });

  it('prepares a database with no demo account and no demo data', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-demo-off-'));
    const file = path.join(dir, 'tracker.db');
    const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'prepare.ts')], {
      cwd: ROOT,
      env: { ...process.env, DEMO: 'off', DATABASE_PATH: file, NEXTAUTH_SECRET: 'x'.repeat(8) + 'Q7v!kP2#zL9@mN4$wR6%' + 'abcdefghij' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const db = new Database(file, { readonly: true });
    try {
      expect((db.prepare(`SELECT count(*) n FROM users`).get() as { n: number }).n).toBe(0);
      expect((db.prepare(`SELECT count(*) n FROM negotiations`).get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
  });
});
