import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, makeUser } from './factories';
import { createUser, setPassword, updateUserAccess } from '@/db/mutations/users';
import { findActiveUser, findUserByEmail } from '@/db/queries/users';
import { auditLog, users } from '@/db/schema';
import { InvalidInputError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/roles';
import { NewUserSchema } from '@/lib/validation/users';
import type { DB } from '@/db';

const sessionVersion = (db: DB, id: number) => db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id)).get()!.v;
const newUser = (email = 'new@test.example') => ({ email, name: 'New Person', role: 'viewer' as const, passwordHash: 'hash' });

describe('user management', () => {
  it('lets an admin create a user, and refuses an analyst, writing nothing', () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    const analyst = makeUser(db, 'analyst');
    const audits = db.select().from(auditLog).all().length;
    expect(() => createUser(db, analyst, newUser('sneaky@test.example'))).toThrow(ForbiddenError);
    expect(findUserByEmail(db, 'sneaky@test.example')).toBeUndefined();
    expect(db.select().from(auditLog).all()).toHaveLength(audits);

    const row = createUser(db, admin, newUser('  Mixed@Test.Example '));
    expect(row.email).toBe('mixed@test.example');
    expect(findUserByEmail(db, 'mixed@test.example')?.role).toBe('viewer');
  });

  it('refuses a duplicate email with a message beside the email field', () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    createUser(db, admin, newUser());
    try {
      createUser(db, admin, newUser('NEW@test.example'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).errors.email?.[0]).toMatch(/already exists/);
    }
    expect(db.select().from(users).where(eq(users.email, 'new@test.example')).all()).toHaveLength(1);
  });

  it('refuses an admin demoting or disabling themselves, changing nothing', () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    const before = sessionVersion(db, admin.id);
    expect(() => updateUserAccess(db, admin, admin.id, { role: 'analyst' })).toThrow(/cannot remove your own admin role/);
    expect(() => updateUserAccess(db, admin, admin.id, { disabled: true })).toThrow(/cannot disable your own account/);
    const row = findUserByEmail(db, admin.email)!;
    expect(row.role).toBe('admin');
    expect(row.disabled).toBe(false);
    expect(sessionVersion(db, admin.id)).toBe(before);
  });

  it('disabling bumps the session version, so the old session stops working at the next request', () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    const analyst = makeUser(db, 'analyst');
    const sv = sessionVersion(db, analyst.id);
    expect(findActiveUser(db, analyst.id, sv)).toBeDefined();
    updateUserAccess(db, admin, analyst.id, { disabled: true });
    expect(sessionVersion(db, analyst.id)).toBe(sv + 1);
    expect(findActiveUser(db, analyst.id, sv)).toBeUndefined();
    // Disabled: even a fresh session version is refused.
    expect(findActiveUser(db, analyst.id, sv + 1)).toBeUndefined();
    updateUserAccess(db, admin, analyst.id, { disabled: false });
    expect(findActiveUser(db, analyst.id, sv + 2)).toBeDefined();
  });

  it('a role change applies at once and ends the sessions; only an admin may change access', () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    const analyst = makeUser(db, 'analyst');
    const viewer = makeUser(db, 'viewer');
    expect(() => updateUserAccess(db, analyst, viewer.id, { role: 'admin' })).toThrow(ForbiddenError);
    expect(findUserByEmail(db, viewer.email)!.role).toBe('viewer');
    const sv = sessionVersion(db, viewer.id);
    updateUserAccess(db, admin, viewer.id, { role: 'analyst' });
    expect(findUserByEmail(db, viewer.email)!.role).toBe('analyst');
    expect(sessionVersion(db, viewer.id)).toBe(sv + 1);
  });

  it("only an admin may reset another user's password", () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    const analyst = makeUser(db, 'analyst');
    const viewer = makeUser(db, 'viewer');
    expect(() => setPassword(db, analyst, viewer.id, 'other-hash')).toThrow(ForbiddenError);
    expect(findUserByEmail(db, viewer.email)!.passwordHash).toBe('not-a-hash');
    setPassword(db, admin, viewer.id, 'new-hash');
    expect(findUserByEmail(db, viewer.email)!.passwordHash).toBe('new-hash');
  });
});

describe('new user validation', () => {
  const valid = { email: 'chief@ministry.example', name: 'Chief', role: 'admin', password: 'long-enough-1' };

  it('accepts a valid user and normalises the email', () => {
    const parsed = NewUserSchema.parse({ ...valid, email: ' Chief@Ministry.Example ' });
    expect(parsed.email).toBe('chief@ministry.example');
  });

  it.each([
    ['email', { email: 'not-an-email' }],
    ['role', { role: 'boss' }],
    ['password', { password: 'short1' }],
    ['password', { password: 'onlyletterslong' }],
    ['password', { password: '12345678901' }],
    ['name', { name: '  ' }],
  ])('names the wrong field: %s', (field, change) => {
    const result = NewUserSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toEqual([field]);
  });
});
