import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, makeNegotiation, makeUser, position } from './factories';
import { editUpdate, logUpdate, NotAuthorError } from '@/db/mutations/updates';
import { recordPosition } from '@/db/mutations/positions';
import { createParty } from '@/db/mutations/parties';
import { getUpdateDetail } from '@/db/queries/updates';
import { timeline } from '@/db/queries/timeline';
import {
  auditLog,
  homework,
  homeworkOwners,
  issues,
  positions,
  citedSources,
  statusChanges,
  updateIssues,
  updateParties,
  updateRevisions,
  updates,
  updateSources,
} from '@/db/schema';
import { ConflictError, InvalidInputError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/roles';
import { UpdateSchema, flattenUpdateBody, type UpdateInput } from '@/lib/validation/updates';
import type { FormValues } from '@/lib/validation/form-values';
import { wholeInstance } from '@/db/queries/access';

const NEW_SOURCE = { outlet: 'Reuters', title: 'Talks resume', url: 'https://example.org/a', publishedOn: '2026-02-06', quote: 'They agreed.', reliability: 'B' as const, credibility: 2 };

/** The form's flat values, parsed the way the server action does. */
function formInput(values: FormValues): UpdateInput {
  return UpdateSchema.parse(values);
}

function counts(db: ReturnType<typeof freshDb>) {
  return {
    updates: db.select().from(updates).all().length,
    sources: db.select().from(citedSources).all().length,
    positions: db.select().from(positions).all().length,
    statusChanges: db.select().from(statusChanges).all().length,
    homework: db.select().from(homework).all().length,
    audit: db.select().from(auditLog).all().length,
  };
}

describe('logging an update', () => {
  it('applies a new position, a status change, a new source and new homework together, all linked to the update', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId, issueId, partyA, partyB } = makeNegotiation(db, analyst);
    const earlier = recordPosition(db, analyst, position(issueId, partyA, null, 'Wants all of it'));
    const input = formInput({
      negotiationId: String(negotiationId),
      body: 'A said it **will settle** for half.',
      occurredOn: '2026-02-06',
      occurredTime: '14:30',
      'position.partyId': String(partyA),
      'position.issueId': String(issueId),
      'position.summary': 'Will settle for half',
      'position.stance': 'conditional',
      'position.flexibility': 'moderate',
      'statusChange.issueId': String(issueId),
      'statusChange.status': 'narrowing',
      'newHomework.title': 'Draft a map of the line',
      'newHomework.ownerPartyIds': [String(partyA), String(partyB)],
      'newHomework.issueId': String(issueId),
    });
    const logged = logUpdate(db, analyst, input, [NEW_SOURCE]);

    const source = db.select().from(citedSources).where(eq(citedSources.outlet, 'Reuters')).get()!;
    expect(logged.sourceIds).toEqual([source.id]);
    const current = db.select().from(positions).where(eq(positions.isCurrent, true)).all();
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ summary: 'Will settle for half', stance: 'conditional', updateId: logged.id, sourceId: source.id, asOf: '2026-02-06', supersedesId: earlier });
    expect(db.select().from(issues).where(eq(issues.id, issueId)).get()!.status).toBe('narrowing');
    expect(db.select().from(statusChanges).where(eq(statusChanges.updateId, logged.id)).get()).toMatchObject({ fromStatus: 'under_discussion', toStatus: 'narrowing', sourceId: source.id });
    const item = db.select().from(homework).where(eq(homework.id, logged.homeworkId!)).get()!;
    expect(item).toMatchObject({ title: 'Draft a map of the line', issueId, status: 'open', negotiationId });
    expect(db.select().from(homeworkOwners).where(eq(homeworkOwners.homeworkId, item.id)).all().map((o) => o.partyId).sort()).toEqual([partyA, partyB].sort());

    // Links: the issue and parties the changes touch are linked even though the form did not tick them.
    expect(db.select().from(updateIssues).where(eq(updateIssues.updateId, logged.id)).all().map((l) => l.targetId)).toEqual([issueId]);
    expect(db.select().from(updateParties).where(eq(updateParties.updateId, logged.id)).all().map((l) => l.targetId).sort()).toEqual([partyA, partyB].sort());
    expect(db.select().from(updateSources).where(eq(updateSources.updateId, logged.id)).all().map((l) => l.targetId)).toEqual([source.id]);
    expect(db.select().from(updates).where(eq(updates.id, logged.id)).get()).toMatchObject({ occurredTime: '14:30', authorId: analyst.id });

    const detail = getUpdateDetail(db, wholeInstance(db), logged.id)!;
    expect(detail.newPositions.map((p) => p.summary)).toEqual(['Will settle for half']);
    expect(detail.newStatuses.map((s) => s.toStatus)).toEqual(['narrowing']);
    expect(detail.homeworkAdded.map((h) => h.title)).toEqual(['Draft a map of the line']);
    expect(detail.citations.map((c) => c.sourceQuote)).toEqual(['They agreed.']);

    // The issue timeline shows the update, the position and the status change, newest first, each with its source.
    const events = timeline(db, wholeInstance(db), { issueId });
    const brought = events.filter((e) => e.updateId === logged.id);
    expect(brought.map((e) => e.kind)).toEqual(['update', 'status', 'position']);
    expect(brought.every((e) => e.citations[0]?.sourceOutlet === 'Reuters')).toBe(true);
    expect(events.map((e) => e.kind).sort()).toEqual(['position', 'position', 'status', 'status', 'update']);
    for (let i = 1; i < events.length; i++) expect(events[i - 1].date >= events[i].date).toBe(true);
  });

  it('writes nothing at all when a change is refused: stale position, unseated party, or a bad homework item', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId, issueId, partyA } = makeNegotiation(db, analyst);
    const outsider = createParty(db, analyst, { name: 'Outsider', shortName: 'OUT' });
    const first = recordPosition(db, analyst, position(issueId, partyA, null));
    recordPosition(db, analyst, position(issueId, partyA, first, 'Someone else was faster'));
    const before = counts(db);
    const base = { negotiationId: String(negotiationId), body: 'Text', occurredOn: '2026-02-06', 'statusChange.issueId': String(issueId), 'statusChange.status': 'agreed' };

    const stale = formInput({ ...base, 'position.partyId': String(partyA), 'position.issueId': String(issueId), 'position.summary': 'Stale', 'position.stance': 'opposes', 'position.basedOn': String(first) });
    expect(() => logUpdate(db, analyst, stale, [NEW_SOURCE])).toThrow(ConflictError);
    expect(counts(db)).toEqual(before);

    const unseated = formInput({ ...base, 'position.partyId': String(outsider), 'position.issueId': String(issueId), 'position.summary': 'Not at the table', 'position.stance': 'opposes' });
    try {
      logUpdate(db, analyst, unseated, [NEW_SOURCE]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(Object.keys((error as InvalidInputError).errors)).toEqual(['position.partyId']);
    }
    expect(counts(db)).toEqual(before);

    const badHomework = formInput({ ...base, 'homeworkStatus.homeworkId': '9999', 'homeworkStatus.status': 'delivered' });
    expect(() => logUpdate(db, analyst, badHomework, [NEW_SOURCE])).toThrow();
    expect(counts(db)).toEqual(before);
    expect(db.select().from(issues).where(eq(issues.id, issueId)).get()!.status).toBe('under_discussion');
  });

  it('validates the form field by field, with the change sections under their dotted names', () => {
    const parsed = UpdateSchema.safeParse({ negotiationId: '1', body: ' ', occurredOn: '2026-02-30', occurredTime: '25:00', 'position.partyId': '2', 'position.stance': 'maybe' });
    expect(parsed.success).toBe(false);
    const fields = Object.keys(parsed.error!.flatten().fieldErrors).sort();
    expect(fields).toEqual(['body', 'occurredOn', 'occurredTime', 'position.issueId', 'position.stance', 'position.summary'].sort());
    // Sections left empty are not changes; a JSON body is flattened into the same names.
    const json = UpdateSchema.parse(flattenUpdateBody({ negotiationId: 1, body: 'x', occurredOn: '2026-02-06', issueIds: [3, 4], statusChange: { issueId: 3, status: 'agreed' } }));
    expect(json.issueIds).toEqual([3, 4]);
    expect(json.changes).toEqual({ position: null, statusChange: { issueId: 3, status: 'agreed', note: '' }, newHomework: null, homeworkStatus: null });
  });

  it('refuses viewers and writes nothing', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const viewer = makeUser(db, 'viewer');
    const { negotiationId } = makeNegotiation(db, analyst);
    const before = counts(db);
    expect(() => logUpdate(db, viewer, formInput({ negotiationId: String(negotiationId), body: 'x', occurredOn: '2026-02-06' }), [NEW_SOURCE])).toThrow(ForbiddenError);
    expect(counts(db)).toEqual(before);
  });
});

describe('editing an update', () => {
  it('keeps the earlier text, lets the author and admins edit, and refuses another analyst', () => {
    const db = freshDb();
    const author = makeUser(db);
    const other = makeUser(db);
    const admin = makeUser(db, 'admin');
    const { negotiationId, issueId } = makeNegotiation(db, author);
    const { id } = logUpdate(db, author, formInput({ negotiationId: String(negotiationId), body: 'First draft', occurredOn: '2026-02-05' }));
    const edit = { body: 'Corrected', occurredOn: '2026-02-04', occurredTime: null, roundId: null, issueIds: [issueId], partyIds: [], actorIds: [], sourceIds: [] };

    expect(() => editUpdate(db, other, id, 1, edit)).toThrow(NotAuthorError);
    expect(db.select().from(updates).where(eq(updates.id, id)).get()!.body).toBe('First draft');

    editUpdate(db, author, id, 1, edit);
    const row = db.select().from(updates).where(eq(updates.id, id)).get()!;
    expect(row).toMatchObject({ body: 'Corrected', occurredOn: '2026-02-04', version: 2, editedBy: author.id });
    expect(db.select().from(updateRevisions).where(eq(updateRevisions.updateId, id)).all()).toMatchObject([{ body: 'First draft', occurredOn: '2026-02-05' }]);
    expect(db.select().from(updateIssues).where(eq(updateIssues.updateId, id)).all().map((l) => l.targetId)).toEqual([issueId]);

    expect(() => editUpdate(db, admin, id, 1, { ...edit, body: 'Stale edit' })).toThrow(ConflictError);
    editUpdate(db, admin, id, 2, { ...edit, body: 'Admin fix' });
    expect(getUpdateDetail(db, wholeInstance(db), id)!.revisions.map((r) => r.body)).toEqual(['Corrected', 'First draft']);
  });
});
