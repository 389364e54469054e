import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, makeMember, makeNegotiation, makeSource, makeUser, position } from './factories';
import { insertUpdate } from './demo-records';
import { createNegotiation, updateNegotiation } from '@/db/mutations/negotiations';
import { createIssue } from '@/db/mutations/issues';
import { recordPosition } from '@/db/mutations/positions';
import { logUpdate } from '@/db/mutations/updates';
import { removeMember, setMember } from '@/db/mutations/members';
import { createCorroboration, markCorroboration } from '@/db/mutations/corroborations';
import { saveView } from '@/db/mutations/saved-views';
import { ViewerHereError } from '@/db/mutations/write-access';
import { listMembers, readerScope, roleIn, wholeInstance } from '@/db/queries/access';
import { getNegotiation, listNegotiations } from '@/db/queries/negotiations';
import { getIssue, positionHistory } from '@/db/queries/issues';
import { getCorroboration, listCorroborations } from '@/db/queries/corroborations';
import { listSourceChoices } from '@/db/queries/sources';
import { search } from '@/db/queries/search';
import { recentActivity } from '@/db/queries/activity';
import { listDeadlines } from '@/db/queries/deadlines';
import { auditLog, rounds, updateSources } from '@/db/schema';
import { defaultMemberRole, effectiveRole, normalizeMarking, parseMembershipArg } from '@/lib/access';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/roles';
import { UpdateSchema } from '@/lib/validation/updates';
import type { DB } from '@/db';

const issueInput = (negotiationId: number, title = 'Withdrawal lines') => ({
  negotiationId,
  title,
  description: '',
  status: 'proposed' as const,
  priority: 'medium' as const,
  keyDate: '2099-01-01',
  keyDateLabel: 'Back-channel deadline',
});
const names = (db: DB, user: { id: number; role: 'admin' | 'analyst' | 'viewer' }) => listNegotiations(db, readerScope(db, user)).map((n) => n.name);
/** The error a call throws, to compare two refusals word for word. */
function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
}

describe('the role a user has in a negotiation (lib/access.ts)', () => {
  it('is admin for admins; the own role where open; in a restricted one the membership, never above the own role', () => {
    expect(effectiveRole('admin', 'restricted', null)).toBe('admin');
    expect(effectiveRole('analyst', 'open', null)).toBe('analyst');
    expect(effectiveRole('viewer', 'open', 'analyst')).toBe('viewer');
    expect(effectiveRole('analyst', 'restricted', null)).toBeNull();
    expect(effectiveRole('analyst', 'restricted', 'viewer')).toBe('viewer');
    expect(effectiveRole('analyst', 'restricted', 'analyst')).toBe('analyst');
    expect(effectiveRole('viewer', 'restricted', 'analyst')).toBe('viewer');
    expect(effectiveRole('viewer', 'restricted', 'viewer')).toBe('viewer');
  });

  it('reads a membership as the shell names it: an id, or an id and a role', () => {
    expect(parseMembershipArg('12', 'analyst')).toEqual({ negotiationId: 12, role: 'analyst' });
    expect(parseMembershipArg(' 12:viewer ', 'admin')).toEqual({ negotiationId: 12, role: 'viewer' });
    expect(parseMembershipArg('3', 'viewer')).toEqual({ negotiationId: 3, role: 'viewer' });
    expect(parseMembershipArg('3:admin', 'admin')).toEqual({ problem: '"admin" is not a role in a negotiation: viewer or analyst.' });
    expect(parseMembershipArg('x', 'analyst')).toEqual({ problem: '"x" is not a negotiation id, optionally with :viewer or :analyst.' });
    expect(parseMembershipArg('3:viewer:x', 'analyst')).toHaveProperty('problem');
    expect([defaultMemberRole('admin'), defaultMemberRole('analyst'), defaultMemberRole('viewer')]).toEqual(['analyst', 'analyst', 'viewer']);
  });

  it('stores a marking on one line, without white space around it', () => {
    expect(normalizeMarking('  RESTRICTED —\n team\tonly ')).toBe('RESTRICTED — team only');
    expect(normalizeMarking(' \n ')).toBe('');
  });
});

describe('need to know', () => {
  it('keeps a new negotiation its creator’s: others neither see it nor can tell it from one that does not exist', () => {
    const db = freshDb();
    const lead = makeUser(db, 'analyst');
    const other = makeUser(db, 'analyst');
    const admin = makeUser(db, 'admin');
    const id = createNegotiation(db, lead, { name: 'Back channel', description: '' });
    expect(names(db, lead)).toEqual(['Back channel']);
    expect(names(db, admin)).toEqual(['Back channel']);
    expect(names(db, other)).toEqual([]);
    expect(getNegotiation(db, readerScope(db, other), id)).toBeUndefined();
    expect(listMembers(db, readerScope(db, lead), id).map((m) => [m.email, m.role])).toEqual([[lead.email, 'analyst']]);
    // Refused exactly as for an id that names nothing, and nothing written.
    const audits = db.select().from(auditLog).all().length;
    const invisible = thrown(() => createIssue(db, other, issueInput(id)));
    const missing = thrown(() => createIssue(db, other, issueInput(424242)));
    expect(invisible).toBeInstanceOf(NotFoundError);
    expect(invisible.message).toBe(missing.message);
    expect(db.select().from(auditLog).all()).toHaveLength(audits);

    updateNegotiation(db, lead, id, null, { name: 'Back channel', description: '', access: 'open' });
    expect(names(db, other)).toEqual(['Back channel']);
    expect(() => createIssue(db, other, issueInput(id))).not.toThrow();
  });

  it('gives each member the role of their membership, never above their own, and admins everything', () => {
    const db = freshDb();
    const lead = makeUser(db, 'analyst');
    const reader = makeUser(db, 'analyst');
    const viewer = makeUser(db, 'viewer');
    const admin = makeUser(db, 'admin');
    const { negotiationId, issueId, partyA } = makeNegotiation(db, lead, 'Sensitive track', { restricted: true });
    setMember(db, admin, { negotiationId, userId: reader.id, role: 'viewer' });
    setMember(db, null, { negotiationId, userId: viewer.id, role: 'analyst' });
    expect(roleIn(readerScope(db, reader), negotiationId)).toBe('viewer');
    expect(roleIn(readerScope(db, viewer), negotiationId)).toBe('viewer');
    expect(roleIn(readerScope(db, admin), negotiationId)).toBe('admin');
    expect(getIssue(db, readerScope(db, reader), issueId)?.issue.title).toBe('Territory');
    expect(() => recordPosition(db, reader, position(issueId, partyA, null))).toThrow(ViewerHereError);
    expect(() => recordPosition(db, viewer, position(issueId, partyA, null))).toThrow(ForbiddenError);
    expect(() => setMember(db, lead, { negotiationId, userId: reader.id, role: 'analyst' })).toThrow(ForbiddenError);
    setMember(db, admin, { negotiationId, userId: reader.id, role: 'analyst' });
    expect(() => recordPosition(db, reader, position(issueId, partyA, null))).not.toThrow();
  });

  it('takes access away from a removed member on their next read, and keeps an analyst who restricts a negotiation in it', () => {
    const db = freshDb();
    const lead = makeUser(db, 'analyst');
    const colleague = makeUser(db, 'analyst');
    const { negotiationId } = makeNegotiation(db, lead, 'Shared track');
    expect(names(db, colleague)).toEqual(['Shared track']);
    // Restricting an open negotiation: the colleague who does it stays in; the lead, no member, is out.
    updateNegotiation(db, colleague, negotiationId, null, { name: 'Shared track', description: '', access: 'restricted' });
    expect(names(db, colleague)).toEqual(['Shared track']);
    expect(listMembers(db, wholeInstance(db), negotiationId).map((m) => m.userId).sort()).toEqual([lead.id, colleague.id].sort());
    removeMember(db, null, negotiationId, lead.id);
    expect(names(db, lead)).toEqual([]);
    expect(() => removeMember(db, null, negotiationId, lead.id)).toThrow(InvalidInputError);
  });

  it('shows a source cited in a visible and an invisible negotiation with only the visible citation, and hides one cited only there', () => {
    const db = freshDb();
    const lead = makeUser(db, 'analyst');
    const outsider = makeUser(db, 'analyst');
    const open = makeNegotiation(db, lead, 'Open talks');
    const secret = makeNegotiation(db, lead, 'Back channel', { restricted: true });
    const source = (outlet: string, quote: string) => makeSource(db, lead, { outlet, quote });
    const shared = source('Reuters', 'Both sides confirmed the shuttle visit');
    const secretOnly = source('Cable', 'The emissary carried a Zaporizhzhia offer');
    const secretUpdate = insertUpdate(db, { negotiationId: secret.negotiationId, authorId: lead.id, body: 'The emissary visit', occurredOn: '2026-01-01', sourceIds: [shared, secretOnly] });
    const openUpdate = insertUpdate(db, { negotiationId: open.negotiationId, authorId: lead.id, body: 'A shuttle visit, reported', occurredOn: '2026-01-02', sourceIds: [shared] });
    const scope = readerScope(db, outsider);
    expect(listSourceChoices(db, scope).map((s) => s.outlet)).toEqual(['Reuters']);
    const hits = search(db, scope, 'shuttle');
    expect(hits.map((h) => [h.kind, h.target])).toEqual(
      expect.arrayContaining([['source', { to: 'update', id: openUpdate }], ['update', { to: 'update', id: openUpdate }]]),
    );
    expect(hits).toHaveLength(2);
    // The earliest citing update is the secret one: the hit still leads to the visible one.
    expect(secretUpdate).toBeLessThan(openUpdate);
    expect(search(db, scope, 'Zaporizhzhia')).toEqual([]);
    expect(search(db, scope, 'emissary')).toEqual([]);
    expect(search(db, readerScope(db, lead), 'Zaporizhzhia')).toHaveLength(1);
    // Citing the unseen source in a visible negotiation is refused as for a source that does not exist.
    const cite = (sourceId: number) =>
      logUpdate(db, outsider, UpdateSchema.parse({ negotiationId: String(open.negotiationId), body: 'x', occurredOn: '2026-01-03', sourceIds: String(sourceId) }));
    expect(() => cite(secretOnly)).toThrow('A source was not found.');
    expect(() => cite(shared)).not.toThrow();
    expect(db.select().from(updateSources).where(eq(updateSources.targetId, secretOnly)).all()).toHaveLength(1);
  });

  it('shows a corroboration group with only its visible updates, and lets no one change it who cannot see them all', () => {
    const db = freshDb();
    const lead = makeUser(db, 'analyst');
    const outsider = makeUser(db, 'analyst');
    const open = makeNegotiation(db, lead, 'Open talks');
    const secret = makeNegotiation(db, lead, 'Back channel', { restricted: true });
    const a = insertUpdate(db, { negotiationId: open.negotiationId, authorId: lead.id, body: '314 prisoners exchanged', occurredOn: '2026-02-05' });
    const b = insertUpdate(db, { negotiationId: secret.negotiationId, authorId: lead.id, body: '157 per side, says the back channel', occurredOn: '2026-02-05' });
    const c = insertUpdate(db, { negotiationId: secret.negotiationId, authorId: lead.id, body: 'Confirmed in the back channel', occurredOn: '2026-02-05' });
    const mixed = createCorroboration(db, lead, { label: 'Prisoner exchange', note: '', updateIds: [a, b] });
    const hidden = createCorroboration(db, lead, { label: 'Back-channel confirmation', note: '', updateIds: [b, c] });
    const scope = readerScope(db, outsider);
    expect(listCorroborations(db, scope).map((g) => g.label)).toEqual(['Prisoner exchange']);
    expect(getCorroboration(db, scope, mixed)!.members.map((m) => m.updateId)).toEqual([a]);
    expect(getCorroboration(db, scope, hidden)).toBeUndefined();
    expect(getCorroboration(db, readerScope(db, lead), mixed)!.members).toHaveLength(2);
    expect(() => markCorroboration(db, outsider, { version: null, corroborationId: mixed, mark: 'consistent', note: '' })).toThrow(ForbiddenError);
    expect(() => markCorroboration(db, outsider, { version: null, corroborationId: hidden, mark: 'consistent', note: '' })).toThrow(NotFoundError);
    expect(() => createCorroboration(db, outsider, { label: 'Mine', note: '', updateIds: [a, b] })).toThrow(InvalidInputError);
  });

  it('scopes activity, deadlines, search counts and saved views; a record citing an unseen round does not name it', () => {
    const db = freshDb();
    const lead = makeUser(db, 'analyst');
    const outsider = makeUser(db, 'analyst');
    const open = makeNegotiation(db, lead, 'Open talks');
    const secret = makeNegotiation(db, lead, 'Back channel', { restricted: true });
    createIssue(db, lead, issueInput(secret.negotiationId, 'Zaporizhzhia plant'));
    createIssue(db, lead, issueInput(open.negotiationId, 'Grain corridor'));
    // A position of the open negotiation recorded at a round of the secret one (a collection can say so).
    const round = db.insert(rounds).values({ negotiationId: secret.negotiationId, sequence: 1, name: 'Secret round in Muscat', format: 'direct', status: 'planned' }).returning().get();
    recordPosition(db, lead, { ...position(open.issueId, open.partyA, null), roundId: round.id });
    const scope = readerScope(db, outsider);
    const activity = recentActivity(db, scope).map((r) => `${r.entity} ${r.after ?? ''}`).join('\n');
    expect(activity).toContain('Grain corridor');
    expect(activity).not.toContain('Zaporizhzhia');
    expect(recentActivity(db, readerScope(db, lead)).map((r) => r.after ?? '').join('\n')).toContain('Zaporizhzhia');
    expect(listDeadlines(db, scope).map((d) => d.detail)).toEqual(['Grain corridor']);
    expect(search(db, scope, 'Zaporizhzhia')).toEqual([]);
    expect(search(db, scope, 'Muscat')).toEqual([]);
    expect(positionHistory(db, scope, open.issueId)[0].roundName).toBeNull();
    expect(positionHistory(db, readerScope(db, lead), open.issueId)[0].roundName).toBe('Secret round in Muscat');
    expect(() => saveView(db, outsider, { page: 'homework', name: 'Secret', query: `negotiation=${secret.negotiationId}` })).toThrow(NotFoundError);
    expect(() => saveView(db, outsider, { page: 'homework', name: 'Open', query: `negotiation=${open.negotiationId}` })).not.toThrow();
    // Every change is recorded with the negotiation it was made in.
    const ofSecret = db.select().from(auditLog).where(eq(auditLog.negotiationId, secret.negotiationId)).all();
    expect(ofSecret.map((r) => r.entity)).toEqual(expect.arrayContaining(['negotiation', 'negotiation_member', 'issue']));
  });

  it('reads one who sees every negotiation there is as the admin does (no filter to run), without making them one', () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    const analyst = makeUser(db, 'analyst');
    const { negotiationId } = makeNegotiation(db, admin, 'Open talks');
    const sees = readerScope(db, analyst);
    expect([sees.all, sees.key, roleIn(sees, negotiationId), roleIn(sees, negotiationId + 1)]).toEqual([true, '*', 'analyst', null]);
    expect(roleIn(readerScope(db, admin), negotiationId + 1)).toBe('admin');
    const back = makeNegotiation(db, admin, 'Back channel', { restricted: true });
    const fewer = readerScope(db, analyst);
    expect([fewer.all, fewer.key, roleIn(fewer, back.negotiationId)]).toEqual([false, String(negotiationId), null]);
  });

  it('lets a member who lost access keep their memberships elsewhere, and an admin add them back', () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    const analyst = makeUser(db, 'analyst');
    const first = makeNegotiation(db, admin, 'First track', { restricted: true });
    const second = makeNegotiation(db, admin, 'Second track', { restricted: true });
    makeMember(db, analyst, first.negotiationId);
    makeMember(db, analyst, second.negotiationId, 'viewer');
    expect(names(db, analyst)).toEqual(['First track', 'Second track']);
    removeMember(db, admin, first.negotiationId, analyst.id);
    expect(names(db, analyst)).toEqual(['Second track']);
    expect(roleIn(readerScope(db, analyst), second.negotiationId)).toBe('viewer');
  });
});
