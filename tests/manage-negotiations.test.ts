import { describe, expect, it } from 'vitest';
import { freshDb, makeNegotiation, makeUser } from './factories';
import { listNegotiationSummaries } from '@/db/queries/negotiation-list';
import { listSeatedParties } from '@/db/queries/negotiations';
import { getIssue } from '@/db/queries/issues';
import { createNegotiation, seatParty } from '@/db/mutations/negotiations';
import { createIssue, updateIssue } from '@/db/mutations/issues';
import { rounds } from '@/db/schema';
import { ConflictError, InvalidInputError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/roles';
import { IssueEditSchema, IssueSchema } from '@/lib/validation/issues';
import { wholeInstance } from '@/db/queries/access';

describe('negotiation list', () => {
  it('counts each negotiation’s issues and rounds and lists its seated parties', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const busy = makeNegotiation(db, analyst, 'Busy talks');
    createIssue(db, analyst, { ...IssueSchema.parse({ negotiationId: busy.negotiationId, title: 'Second', status: 'proposed', priority: 'low' }) });
    db.insert(rounds).values({ negotiationId: busy.negotiationId, sequence: 1, name: 'Geneva', format: 'direct', status: 'held' }).run();
    createNegotiation(db, analyst, { name: 'Quiet talks', description: '' });
    const summaries = listNegotiationSummaries(db, wholeInstance(db));
    expect(summaries.map((s) => [s.name, s.issueCount, s.roundCount, s.parties.length])).toEqual([
      ['Busy talks', 2, 1, 2],
      ['Quiet talks', 0, 0, 0],
    ]);
  });

  it('refuses a second negotiation with the same name and viewers', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const viewer = makeUser(db, 'viewer');
    createNegotiation(db, analyst, { name: 'Talks', description: '' });
    expect(() => createNegotiation(db, analyst, { name: 'Talks', description: '' })).toThrow(InvalidInputError);
    expect(() => createNegotiation(db, viewer, { name: 'Other', description: '' })).toThrow(ForbiddenError);
    expect(listNegotiationSummaries(db, wholeInstance(db)).map((s) => s.name)).toEqual(['Talks']);
  });

  it('seating a seated party again changes its role instead of adding a second seat', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId, partyA } = makeNegotiation(db, analyst);
    seatParty(db, analyst, { version: null, negotiationId, partyId: partyA, role: 'mediator', note: 'hosts the talks' });
    const seats = listSeatedParties(db, wholeInstance(db), negotiationId);
    expect(seats).toHaveLength(2);
    expect(seats.find((s) => s.id === partyA)).toMatchObject({ role: 'mediator', note: 'hosts the talks' });
  });
});

describe('issue edits', () => {
  it('saves an edit based on the current version and refuses a stale one', () => {
    const db = freshDb();
    const alice = makeUser(db);
    const bob = makeUser(db);
    const { issueId } = makeNegotiation(db, alice);
    const edit = IssueEditSchema.parse({ issueId: String(issueId), version: '1', title: 'Territory and borders', priority: 'critical', keyDate: '2026-03-01', keyDateLabel: 'Deadline' });
    const { issueId: _i, version, ...fields } = edit;
    updateIssue(db, alice, issueId, version, fields);
    expect(getIssue(db, wholeInstance(db), issueId)!.issue).toMatchObject({ title: 'Territory and borders', version: 2, keyDate: '2026-03-01' });
    expect(() => updateIssue(db, bob, issueId, version, { ...fields, title: 'Bob was late' })).toThrow(ConflictError);
    expect(getIssue(db, wholeInstance(db), issueId)!.issue.title).toBe('Territory and borders');
  });

  it('names a key date that is not a real date', () => {
    const result = IssueSchema.safeParse({ negotiationId: '1', title: 'X', status: 'proposed', priority: 'low', keyDate: '2026-02-30' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path[0], i.message])).toEqual([['keyDate', 'Key date must be a real date (YYYY-MM-DD).']]);
  });
});
