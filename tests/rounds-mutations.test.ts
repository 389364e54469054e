import { describe, expect, it } from 'vitest';
import { freshDb, makeNegotiation, makeUser, position } from './factories';
import { addOutcome, createRound, editRound, moveRound, removeOutcome, setAgenda, setDelegations } from '@/db/mutations/rounds';
import { recordPosition } from '@/db/mutations/positions';
import { createHomework } from '@/db/mutations/homework';
import { getRoundPage } from '@/db/queries/rounds';
import { listRoundsOf } from '@/db/queries/negotiations';
import { ConflictError, InvalidInputError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/roles';
import { RoundSchema } from '@/lib/validation/rounds';
import type { RoundInput } from '@/lib/validation/rounds';
import { wholeInstance } from '@/db/queries/access';

const TODAY = '2026-03-01';
const base = (negotiationId: number, name: string, over: Partial<RoundInput> = {}): RoundInput => ({
  negotiationId,
  name,
  venue: 'Abu Dhabi',
  startsOn: null,
  endsOn: null,
  approxDate: '',
  format: 'trilateral',
  status: 'planned',
  summary: '',
  ...over,
});

describe('round validation', () => {
  it('puts the message on the end date when a round runs backwards, and asks a held round for a start date', () => {
    const form = { negotiationId: '1', name: 'R', format: 'direct', status: 'held', startsOn: '2026-02-05', endsOn: '2026-02-04' };
    const backwards = RoundSchema.safeParse(form);
    expect(backwards.success).toBe(false);
    expect(backwards.error!.issues.map((i) => [i.path[0], i.message])).toEqual([['endsOn', 'The end date comes before the start date.']]);
    const undated = RoundSchema.safeParse({ ...form, startsOn: '', endsOn: '' });
    expect(undated.error!.issues.map((i) => i.path[0])).toEqual(['startsOn']);
    const planned = RoundSchema.safeParse({ ...form, status: 'planned', startsOn: '', endsOn: '', approxDate: 'in the coming weeks' });
    expect(planned.success).toBe(true);
  });
});

describe('rounds', () => {
  it('numbers new rounds after the last one and moves a round earlier', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId } = makeNegotiation(db, analyst);
    const a = createRound(db, analyst, base(negotiationId, 'A'));
    const b = createRound(db, analyst, base(negotiationId, 'B'));
    expect(listRoundsOf(db, wholeInstance(db), negotiationId).map((r) => [r.name, r.sequence])).toEqual([['A', 1], ['B', 2]]);
    expect(moveRound(db, analyst, { version: null, roundId: b, direction: 'earlier' })).toBe(true);
    expect(listRoundsOf(db, wholeInstance(db), negotiationId).map((r) => r.name)).toEqual(['B', 'A']);
    expect(moveRound(db, analyst, { version: null, roundId: b, direction: 'earlier' })).toBe(false);
    expect(a).toBeGreaterThan(0);
  });

  it('refuses a move that would make homework due before it was assigned', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId, partyA } = makeNegotiation(db, analyst);
    const a = createRound(db, analyst, base(negotiationId, 'A'));
    const b = createRound(db, analyst, base(negotiationId, 'B'));
    createHomework(db, analyst, {
      negotiationId, title: 'T', description: '', issueId: null, ownerPartyIds: [partyA], assignedRoundId: a, dueRoundId: b,
      dueOn: null, status: 'open', resolution: '', vague: false,
    });
    expect(() => moveRound(db, analyst, { version: null, roundId: b, direction: 'earlier' })).toThrow(InvalidInputError);
    expect(listRoundsOf(db, wholeInstance(db), negotiationId).map((r) => r.name)).toEqual(['A', 'B']);
  });

  it('refuses a stale edit and viewers', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const viewer = makeUser(db, 'viewer');
    const { negotiationId } = makeNegotiation(db, analyst);
    const id = createRound(db, analyst, base(negotiationId, 'A'));
    editRound(db, analyst, id, 1, base(negotiationId, 'A renamed'));
    expect(() => editRound(db, analyst, id, 1, base(negotiationId, 'Stale'))).toThrow(ConflictError);
    expect(() => createRound(db, viewer, base(negotiationId, 'By a viewer'))).toThrow(ForbiddenError);
    expect(listRoundsOf(db, wholeInstance(db), negotiationId).map((r) => r.name)).toEqual(['A renamed']);
  });

  it('shows each party’s position as it stood at the round, not today’s', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId, issueId, partyA, partyB } = makeNegotiation(db, analyst);
    const held = createRound(db, analyst, base(negotiationId, 'Held', { status: 'held', startsOn: '2026-02-04', endsOn: '2026-02-05' }));
    const planned = createRound(db, analyst, base(negotiationId, 'Next'));
    setAgenda(db, analyst, { version: null, roundId: held, issueIds: [issueId] });
    setAgenda(db, analyst, { version: null, roundId: planned, issueIds: [issueId] });
    setDelegations(db, analyst, { version: null, roundId: held, heads: [{ partyId: partyA, head: 'Envoy A' }] });
    const before = recordPosition(db, analyst, { ...position(issueId, partyA, null, 'Before the round'), asOf: '2026-02-01' });
    const later = recordPosition(db, analyst, { ...position(issueId, partyA, before, 'After the round'), asOf: '2026-02-20' });
    recordPosition(db, analyst, { ...position(issueId, partyB, null, 'Said at the round'), asOf: '2026-02-25', roundId: held });
    const page = getRoundPage(db, wholeInstance(db), held, TODAY)!;
    const cells = page.agenda[0].positions.map((p) => p.position?.summary);
    expect(cells).toEqual(['Before the round', 'Said at the round']);
    expect(page.delegations.map((d) => d.head)).toEqual(['Envoy A']);
    const next = getRoundPage(db, wholeInstance(db), planned, TODAY)!;
    expect(next.agenda[0].positions.map((p) => p.position?.summary)).toEqual(['After the round', 'Said at the round']);
    expect(later).toBeGreaterThan(before);
  });

  it('adds an outcome with a new source, and removes it', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId, issueId } = makeNegotiation(db, analyst);
    const id = createRound(db, analyst, base(negotiationId, 'A'));
    const outcome = addOutcome(db, analyst, { roundId: id, text: '314 POWs exchanged', issueId, sourceId: null }, {
      outlet: 'FT', title: '', url: null, publishedOn: '2026-02-05', quote: '', reliability: 'B', credibility: 2,
    });
    const page = getRoundPage(db, wholeInstance(db), id, TODAY)!;
    expect(page.outcomes.map((o) => [o.text, o.issueTitle, o.sourceOutlet])).toEqual([['314 POWs exchanged', 'Territory', 'FT']]);
    expect(removeOutcome(db, analyst, outcome)).toBe(id);
    expect(getRoundPage(db, wholeInstance(db), id, TODAY)!.outcomes).toHaveLength(0);
  });

  it('refuses delegation heads for parties not at the table and agenda issues of another negotiation', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const one = makeNegotiation(db, analyst, 'One');
    const other = makeNegotiation(db, analyst, 'Other');
    const id = createRound(db, analyst, base(one.negotiationId, 'A'));
    expect(() => setDelegations(db, analyst, { version: null, roundId: id, heads: [{ partyId: other.partyA, head: 'X' }] })).toThrow(InvalidInputError);
    expect(() => setAgenda(db, analyst, { version: null, roundId: id, issueIds: [other.issueId] })).toThrow(InvalidInputError);
    expect(getRoundPage(db, wholeInstance(db), id, TODAY)!.agenda).toHaveLength(0);
  });
});

describe('agenda across negotiations', () => {
  it('keeps an issue of another negotiation already on the agenda, but refuses adding one', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const one = makeNegotiation(db, analyst, 'One');
    const other = makeNegotiation(db, analyst, 'Other');
    const id = createRound(db, analyst, base(one.negotiationId, 'A'));
    db.$client.prepare('INSERT INTO round_agenda (round_id, issue_id) VALUES (?, ?)').run(id, other.issueId);
    setAgenda(db, analyst, { version: null, roundId: id, issueIds: [one.issueId, other.issueId] });
    expect(getRoundPage(db, wholeInstance(db), id, TODAY)!.agenda.map((a) => a.id).sort()).toEqual([one.issueId, other.issueId].sort());
    setAgenda(db, analyst, { version: null, roundId: id, issueIds: [one.issueId] });
    expect(() => setAgenda(db, analyst, { version: null, roundId: id, issueIds: [one.issueId, other.issueId] })).toThrow(InvalidInputError);
  });
});
