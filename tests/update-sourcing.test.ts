import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, logFromForm, makeNegotiation, makeUser, position } from './factories';
import { NO_SOURCE, UNSAVED_WITHOUT_SOURCE, UNSOURCED_LABEL, unsourcedFlag } from '@/lib/update-sourcing';
import { InvalidInputError } from '@/lib/errors';
import { recordPosition } from '@/db/mutations/positions';
import { needsAttention, unsourcedUpdates } from '@/db/queries/attention';
import { wholeInstance, readerScope } from '@/db/queries/access';
import { updates } from '@/db/schema';
import { exportNegotiationJson } from '@/db/queries/export-negotiation';

describe('an update needs a source, or the word that it has none yet', () => {
  it('is sourced with any source, unsourced only when the analyst says so, and refused otherwise beside the sources', () => {
    expect(unsourcedFlag(1, false)).toBe(false);
    expect(unsourcedFlag(3, false)).toBe(false);
    // A source outweighs the tick: the update is no longer "no source yet".
    expect(unsourcedFlag(1, true)).toBe(false);
    expect(unsourcedFlag(0, true)).toBe(true);
    let refused: unknown;
    try {
      unsourcedFlag(0, false);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect(refused).toMatchObject({ message: UNSAVED_WITHOUT_SOURCE, errors: { sourceIds: [NO_SOURCE] } });
    expect(UNSAVED_WITHOUT_SOURCE).toBe('The update has no source; nothing was saved.');
    // The message names the box to tick, as the form labels it.
    expect(NO_SOURCE).toContain(`“${UNSOURCED_LABEL}”`);
    expect(UNSOURCED_LABEL).toBe('Unsourced (no source yet)');
  });
});

describe('the weak-sources panel', () => {
  it('counts and lists the unsourced updates apart from the positions on weakly graded sources, latest first', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId, issueId, partyA } = makeNegotiation(db, analyst);
    const other = makeNegotiation(db, analyst);
    recordPosition(db, analyst, position(issueId, partyA, null, 'On a rumour'), { outlet: 'Rumour mill', title: '', url: null, publishedOn: null, quote: '', reliability: 'E', credibility: 5 });
    logFromForm(db, analyst, { negotiationId: String(negotiationId), body: 'Sourced, graded C.', occurredOn: '2026-02-03' });
    const early = logFromForm(db, analyst, { negotiationId: String(negotiationId), body: '**Heard** in the corridor.', occurredOn: '2026-02-01', unsourced: 'on' });
    const late = logFromForm(db, analyst, { negotiationId: String(negotiationId), body: 'Heard again.', occurredOn: '2026-02-04', unsourced: 'on' });
    const elsewhere = logFromForm(db, analyst, { negotiationId: String(other.negotiationId), body: 'Elsewhere, unsourced.', occurredOn: '2026-02-02', unsourced: 'on' });

    const box = needsAttention(db, wholeInstance(db), { today: '2026-02-10', staleDays: 30, shown: 2 });
    expect(box.weak.count).toBe(1);
    expect(box.unsourced.count).toBe(3);
    expect(box.unsourced.items.map((u) => u.id)).toEqual([late.id, elsewhere.id]);
    expect(box.unsourced.items[0]).toMatchObject({ title: 'Heard again.', occurredOn: '2026-02-04', occurredOnPrecision: 'day' });

    const here = unsourcedUpdates(db, wholeInstance(db), negotiationId, 10);
    expect(here).toEqual({ count: 2, items: [expect.objectContaining({ id: late.id }), expect.objectContaining({ id: early.id, title: 'Heard in the corridor.' })] });
    // An update given a source later leaves the list.
    db.update(updates).set({ unsourced: false }).where(eq(updates.id, late.id)).run();
    expect(unsourcedUpdates(db, wholeInstance(db), negotiationId, 10).count).toBe(1);
  });

  it('shows only the updates of negotiations the reader may see', () => {
    const db = freshDb();
    const owner = makeUser(db);
    const outsider = makeUser(db);
    const secret = makeNegotiation(db, owner, 'Back channel', { restricted: true });
    logFromForm(db, owner, { negotiationId: String(secret.negotiationId), body: 'Whispered.', occurredOn: '2026-02-01', unsourced: 'on' });
    expect(unsourcedUpdates(db, readerScope(db, owner), undefined, 10).count).toBe(1);
    expect(unsourcedUpdates(db, readerScope(db, outsider), undefined, 10)).toEqual({ count: 0, items: [] });
  });
});

describe('the interchange carries the flag', () => {
  it('writes "unsourced": true for an update logged so, and nothing for a sourced one', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId } = makeNegotiation(db, analyst);
    logFromForm(db, analyst, { negotiationId: String(negotiationId), body: 'Sourced.', occurredOn: '2026-02-01' });
    logFromForm(db, analyst, { negotiationId: String(negotiationId), body: 'Not yet.', occurredOn: '2026-02-02', unsourced: 'on' });
    const doc = JSON.parse(exportNegotiationJson(db, wholeInstance(db), negotiationId)!);
    expect(doc.updates.map((u: { body: string; unsourced?: boolean; sources: string[] }) => [u.body, u.unsourced, u.sources.length])).toEqual([
      ['Sourced.', undefined, 1],
      ['Not yet.', true, 0],
    ]);
  });
});
