import { describe, expect, it } from 'vitest';
import { freshDb, makeMember, makeNegotiation, makeUser } from './factories';
import { groupIdByLabel, insertUpdate, updateIdByText } from './demo-records';
import { DEMO_NEGOTIATION_NAME, loadDemoData } from '@/db/demo/load';
import { getCorroboration, listCorroborations, suggestCorroborations } from '@/db/queries/corroborations';
import { createCorroboration, groupPair, markCorroboration, removeFromCorroboration } from '@/db/mutations/corroborations';
import { citedSources } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { describeChain, extractNumbers, independentOutlets, numbersDiffer } from '@/lib/corroboration';
import { ForbiddenError } from '@/lib/roles';
import { wholeInstance } from '@/db/queries/access';

describe('sources agree or differ', () => {
  it('shows the prisoner exchange backed by two outlets, with 314 against 157, marked consistent', () => {
    const db = freshDb();
    loadDemoData(db, makeUser(db, 'admin'));
    const group = getCorroboration(db, wholeInstance(db), groupIdByLabel(db, 'Prisoner exchange at Abu Dhabi round 2'))!;
    expect(group.members).toHaveLength(2);
    expect(group.outlets.sort()).toEqual(['El País', 'Financial Times']);
    expect(group.members.map((m) => m.numbers)).toEqual([[314], [157]]);
    expect(group.figuresDiffer).toBe(true);
    expect(group.verdict).toBe('consistent');

    const assessment = listCorroborations(db, wholeInstance(db)).find((g) => g.label === 'Assessment of Abu Dhabi round 2')!;
    expect(assessment.verdict).toBe('differ');
    const milMil = listCorroborations(db, wholeInstance(db)).find((g) => g.label === 'Military-to-military dialogue re-established')!;
    // Both say "suspended in 2021": a year is not a disputed figure.
    expect(milMil.figuresDiffer).toBe(false);
  });

  it('counts a relayed report for the outlet it comes from: TASS via El País is TASS', () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    loadDemoData(db, admin);
    const analyst = makeUser(db, 'analyst');
    makeMember(db, analyst, DEMO_NEGOTIATION_NAME);
    const viaTass = updateIdByText(db, 'A Western source told TASS');
    const zelensky = updateIdByText(db, 'Our territories are ours');
    const id = createCorroboration(db, analyst, { label: 'Donbas demands', note: '', updateIds: [viaTass, zelensky] });
    const group = getCorroboration(db, wholeInstance(db), id)!;
    expect(group.outlets.sort()).toEqual(['El País', 'TASS']);
    const tassSource = group.members.flatMap((m) => m.sources).find((s) => s.chain.length === 2)!;
    expect(tassSource.chainText).toBe('TASS via El País');
    expect(tassSource.chain.map((c) => c.outlet)).toEqual(['El País', 'TASS']);

    // Two El País reports relaying TASS, and TASS itself, are one independent outlet.
    const tass = db.select().from(citedSources).where(eq(citedSources.outlet, 'TASS')).get()!;
    expect(independentOutlets([[{ outlet: 'El País' }, { outlet: 'TASS' }], [{ outlet: 'el país ' }, { outlet: 'tass' }], [{ outlet: tass.outlet }]])).toEqual(['TASS']);
    expect(describeChain([{ outlet: 'El País' }, { outlet: 'Axios' }])).toBe('Axios via El País');

    removeFromCorroboration(db, analyst, { corroborationId: id, updateId: zelensky });
    expect(getCorroboration(db, wholeInstance(db), id)!.outlets).toEqual(['TASS']);
    expect(() => markCorroboration(db, makeUser(db, 'viewer'), { version: null, corroborationId: id, mark: 'consistent', note: '' })).toThrow(ForbiddenError);
    markCorroboration(db, analyst, { version: null, corroborationId: id, mark: 'inconsistent', note: 'x' });
    expect(getCorroboration(db, wholeInstance(db), id)!.verdict).toBe('differ');
  });

  it('reads figures and tells when they differ', () => {
    expect(extractNumbers('exchange **314 prisoners**, 157 per side, in 2021, more than 1,000 and 24 hours')).toEqual([24, 157, 314, 1000]);
    expect(numbersDiffer([[314], [157]])).toBe(true);
    expect(numbersDiffer([[314], [], [314]])).toBe(false);
  });

  it('suggests an ungrouped pair on the same issue a day apart with words in common, and groups it', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { negotiationId, issueId } = makeNegotiation(db, analyst);
    const other = makeNegotiation(db, analyst);
    const a = insertUpdate(db, { negotiationId, authorId: analyst.id, occurredOn: '2026-03-10', issueIds: [issueId], body: 'Kyiv and Moscow swapped prisoners at the Belarusian border, officials said.' });
    const b = insertUpdate(db, { negotiationId, authorId: analyst.id, occurredOn: '2026-03-11', issueIds: [issueId], body: 'Prisoners swapped at the Belarusian border between Kyiv and Moscow.' });
    // Same words, but a week later: not the same event.
    insertUpdate(db, { negotiationId, authorId: analyst.id, occurredOn: '2026-03-18', issueIds: [issueId], body: 'Prisoners swapped at the Belarusian border between Kyiv and Moscow.' });
    // Same day and words, but no issue in common.
    insertUpdate(db, { negotiationId: other.negotiationId, authorId: analyst.id, occurredOn: '2026-03-10', issueIds: [other.issueId], body: 'Prisoners swapped at the Belarusian border between Kyiv and Moscow.' });

    const pairs = suggestCorroborations(db, wholeInstance(db));
    expect(pairs.map((p) => [p.a.id, p.b.id])).toEqual([[a, b]]);
    expect(pairs[0].sharedWords).toEqual(expect.arrayContaining(['belarusian', 'border', 'prisoners', 'swapped']));
    expect(pairs[0].sharedIssues).toEqual(['Territory']);

    const id = groupPair(db, analyst, { updateA: a, updateB: b, label: 'Swap' });
    expect(getCorroboration(db, wholeInstance(db), id)!.members.map((m) => m.updateId)).toEqual([a, b]);
    expect(suggestCorroborations(db, wholeInstance(db))).toEqual([]);
  });
});
