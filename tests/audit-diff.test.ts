import { describe, expect, it } from 'vitest';
import { auditChanges } from '@/lib/audit-diff';

// What the audit page shows of a write: the keys it changed (lib/audit-diff.ts).

const json = (value: unknown) => JSON.stringify(value);

describe('the audit diff', () => {
  it("never shows an API token's hash or a password hash, created, changed or deleted", () => {
    expect(auditChanges(null, json({ name: 'feed reader', tokenHash: 'sha256$abc' }))).toEqual([{ key: 'name', before: '—', after: 'feed reader' }]);
    expect(auditChanges(json({ tokenHash: 'sha256$old', passwordHash: 'scrypt$old' }), json({ tokenHash: 'sha256$new', passwordHash: 'scrypt$new' }))).toEqual([]);
    expect(auditChanges(json({ passwordHash: 'scrypt$old', email: 'a@x' }), null)).toEqual([{ key: 'email', before: 'a@x', after: '—' }]);
  });

  it('leaves out the time of the write, which every edit changes', () => {
    expect(auditChanges(json({ title: 'Donbas', updatedAt: '2026-02-01T10:00:00Z' }), json({ title: 'Donbas status', updatedAt: '2026-02-05T10:00:00Z' }))).toEqual([
      { key: 'title', before: 'Donbas', after: 'Donbas status' },
    ]);
  });

  it('shows a text as it is, and numbers, flags, lists and nothing as JSON', () => {
    expect(auditChanges(json({ summary: 'Wants X', distance: 2, agreed: false, owners: [1], note: null }), json({ summary: 'Wants Y', distance: 3, agreed: true, owners: [1, 2], note: 'n' }))).toEqual([
      { key: 'summary', before: 'Wants X', after: 'Wants Y' },
      { key: 'distance', before: '2', after: '3' },
      { key: 'agreed', before: 'false', after: 'true' },
      { key: 'owners', before: '[1]', after: '[1,2]' },
      { key: 'note', before: 'null', after: 'n' },
    ]);
  });

  it('tells a nested change apart from no change', () => {
    expect(auditChanges(json({ heads: { RU: 'Lavrov' } }), json({ heads: { RU: 'Lavrov' } }))).toEqual([]);
    expect(auditChanges(json({ heads: { RU: 'Lavrov' } }), json({ heads: { RU: 'Medinsky' } }))).toEqual([
      { key: 'heads', before: '{"RU":"Lavrov"}', after: '{"RU":"Medinsky"}' },
    ]);
  });

  it('shows a row that is a list or a single value, or not JSON at all, as one value', () => {
    expect(auditChanges(json([1, 2]), json([1, 2, 3]))).toEqual([{ key: 'value', before: '[1,2]', after: '[1,2,3]' }]);
    expect(auditChanges(json(5), json('five'))).toEqual([{ key: 'value', before: '5', after: 'five' }]);
    expect(auditChanges('not json', null)).toEqual([{ key: 'value', before: 'not json', after: '—' }]);
  });

  it('shows nothing for a write with no before and no after', () => {
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges('', '')).toEqual([]);
  });
});
