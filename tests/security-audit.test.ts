import { describe, expect, it } from 'vitest';
import { freshDb, makeNegotiation, makeUser, position } from './factories';
import { recordPosition } from '@/db/mutations/positions';
import { listAudit } from '@/db/queries/audit';
import { auditChanges } from '@/lib/audit-diff';
import { ConflictError } from '@/lib/errors';

describe('audit log', () => {
  it('records each write with who, what, before and after, in the same transaction', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { issueId, partyA } = makeNegotiation(db, analyst);
    const first = recordPosition(db, analyst, position(issueId, partyA, null, 'Wants X'));
    const second = recordPosition(db, analyst, position(issueId, partyA, first, 'Wants Y'));
    const { rows } = listAudit(db, { entity: 'position' });
    expect(rows[0]).toMatchObject({ entity: 'position', entityId: second, userId: analyst.id, userEmail: analyst.email, action: 'create' });
    expect(auditChanges(rows[0].before, rows[0].after)).toEqual(
      expect.arrayContaining([{ key: 'summary', before: 'Wants X', after: 'Wants Y' }, { key: 'id', before: String(first), after: String(second) }]),
    );

    // A refused write leaves no audit row behind.
    const before = listAudit(db, {}).total;
    expect(() => recordPosition(db, analyst, position(issueId, partyA, first, 'Stale edit'))).toThrow(ConflictError);
    expect(listAudit(db, {}).total).toBe(before);
  });

  it('cannot be changed or deleted, even with SQL', () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    makeNegotiation(db, admin);
    expect(() => db.$client.exec(`UPDATE audit_log SET action = 'forged'`)).toThrow(/append-only/);
    expect(() => db.$client.exec(`DELETE FROM audit_log`)).toThrow(/append-only/);
    expect(listAudit(db, {}).rows.every((r) => r.action !== 'forged')).toBe(true);
  });

  it('filters by user, entity, action and day, newest first, in pages', () => {
    const db = freshDb();
    const a = makeUser(db, 'analyst');
    const b = makeUser(db, 'analyst');
    const { issueId, partyA, partyB } = makeNegotiation(db, a);
    let current: number | null = null;
    for (let i = 0; i < 7; i++) current = recordPosition(db, b, position(issueId, partyB, current, `B ${i}`));
    recordPosition(db, a, position(issueId, partyA, null));
    const byB = listAudit(db, { userId: b.id }, 1, 5);
    expect(byB.total).toBe(7);
    expect(byB.pages).toBe(2);
    expect(byB.rows.map((r) => r.id)).toEqual([...byB.rows.map((r) => r.id)].sort((x, y) => y - x));
    expect(listAudit(db, { userId: b.id }, 2, 5).rows).toHaveLength(2);
    expect(listAudit(db, { entity: 'issue' }).rows.every((r) => r.entity === 'issue')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect(listAudit(db, { from: today, to: today }).total).toBe(listAudit(db, {}).total);
    expect(listAudit(db, { to: '2000-01-01' }).total).toBe(0);
    expect(listAudit(db, { action: 'delete' }).total).toBe(0);
  });

  it('shows only the keys that changed and never a password hash', () => {
    expect(auditChanges(JSON.stringify({ a: 1, b: 'x' }), JSON.stringify({ a: 1, b: 'y', c: true }))).toEqual([
      { key: 'b', before: 'x', after: 'y' },
      { key: 'c', before: '—', after: 'true' },
    ]);
    expect(auditChanges(null, JSON.stringify({ passwordHash: 'scrypt$…', email: 'e' }))).toEqual([{ key: 'email', before: '—', after: 'e' }]);
    expect(auditChanges('not json', null)).toEqual([{ key: 'value', before: 'not json', after: '—' }]);
  });
});
