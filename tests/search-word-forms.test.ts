import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, makeNegotiation, makeUser } from './factories';
import { insertUpdate } from './demo-records';
import { search } from '@/db/queries/search';
import { readerScope, wholeInstance } from '@/db/queries/access';
import { actors, affiliations, roundDelegations, rounds, updateActors } from '@/db/schema';
import { MARK_END, MARK_START } from '@/lib/search-query';
import type { DB } from '@/db';

// Search finds the word forms of what analysts write in English, Russian and Ukrainian, exact words first
// (migrations 0010 and 0011, decision 0020), and a person's name finds what is tagged with them.

const plain = (text: string) => text.replaceAll(MARK_START, '').replaceAll(MARK_END, '');

function withUpdates(...bodies: string[]) {
  const db = freshDb();
  const analyst = makeUser(db, 'analyst');
  const { negotiationId } = makeNegotiation(db, analyst);
  bodies.forEach((body, i) => insertUpdate(db, { negotiationId, authorId: analyst.id, occurredOn: `2026-02-0${i + 1}`, body }));
  const found = (q: string) => search(db, wholeInstance(db), q).map((h) => plain(h.snippet));
  return { db, analyst, negotiationId, found, hits: (q: string) => search(db, wholeInstance(db), q) };
}

describe('search in Russian', () => {
  it('finds a name in another case: "Пескова" finds "Песков" and the other way round', () => {
    const { found } = withUpdates('Песков назвал гарантии чепухой', 'В Кремле сослались на слова Пескова', 'Переговоры в Стамбуле');
    expect(found('Пескова').sort()).toEqual(['В Кремле сослались на слова Пескова', 'Песков назвал гарантии чепухой']);
    expect(found('Песковым').sort()).toEqual(['В Кремле сослались на слова Пескова', 'Песков назвал гарантии чепухой']);
    expect(found('гарантиями')).toEqual(['Песков назвал гарантии чепухой']);
    expect(found('переговорах')).toEqual(['Переговоры в Стамбуле']);
  });

  it('reads ё as е, in the text and in what is typed', () => {
    const { found } = withUpdates('Операция «Ёжик» отложена', 'Встреча в Женеве');
    expect(found('ежик')).toEqual(['Операция «Ёжик» отложена']);
    expect(found('Ёжика')).toEqual(['Операция «Ёжик» отложена']);
    expect(found('ёжик')).toEqual(['Операция «Ёжик» отложена']);
  });

  it('puts the word as typed ahead of its other forms, and marks both', () => {
    const { hits } = withUpdates('Песков назвал гарантии чепухой', 'В Кремле сослались на слова Пескова', 'Пескова спросили о Пескове');
    const pescova = hits('Пескова').map((h) => plain(h.snippet));
    expect(pescova.slice(0, 2).sort()).toEqual(['В Кремле сослались на слова Пескова', 'Пескова спросили о Пескове']);
    expect(pescova[2]).toBe('Песков назвал гарантии чепухой');
    expect(hits('Песков').map((h) => plain(h.snippet))[0]).toBe('Песков назвал гарантии чепухой');
    // A hit through a stem shows the word it found marked, as an exact hit does.
    expect(hits('Пескова').find((h) => plain(h.snippet).startsWith('Песков назвал'))!.snippet).toContain(`${MARK_START}Песков${MARK_END} назвал`);
  });
});

describe('search in Ukrainian', () => {
  it('finds the forms of a Ukrainian word', () => {
    const { found } = withUpdates('Зеленський заявив про нові гарантії', 'Переговори в Абу-Дабі тривають', 'Україна та США погодили обмін');
    expect(found('Зеленського')).toEqual(['Зеленський заявив про нові гарантії']);
    expect(found('переговорів')).toEqual(['Переговори в Абу-Дабі тривають']);
    expect(found('України')).toEqual(['Україна та США погодили обмін']);
    expect(found('гарантій')).toEqual(['Зеленський заявив про нові гарантії']);
  });
});

describe('search in English', () => {
  it('finds the forms of a word and puts the word as typed first', () => {
    const { found } = withUpdates('The negotiations on enrichment resume in Muscat', 'Iran refuses to enrich uranium beyond 3.67 percent', 'Iran will enrich further');
    expect(found('enrich').slice(0, 2).sort()).toEqual(['Iran refuses to enrich uranium beyond 3.67 percent', 'Iran will enrich further']);
    expect(found('enrich')[2]).toBe('The negotiations on enrichment resume in Muscat');
    expect(found('enrichment')[0]).toBe('The negotiations on enrichment resume in Muscat');
    expect(found('enrichment')).toHaveLength(3);
  });
});

function person(db: DB, negotiationId: number, name: string) {
  const actorId = db.insert(actors).values({ name }).returning().get().id;
  db.insert(affiliations).values({ negotiationId, actorId, title: 'Kremlin press secretary' }).run();
  return actorId;
}

function round(db: DB, negotiationId: number, name: string, heads: { partyId: number; head: string }[]) {
  const roundId = db.insert(rounds).values({ negotiationId, sequence: Math.floor(Math.random() * 1e6), name, format: 'direct', status: 'held', startsOn: '2026-02-04' }).returning().get().id;
  for (const h of heads) db.insert(roundDelegations).values({ roundId, ...h }).run();
  return roundId;
}

describe("searching a person's name", () => {
  it('finds their actor entry, the updates tagged with them and the rounds where they headed a delegation', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { negotiationId, partyA, partyB } = makeNegotiation(db, analyst);
    const peskov = person(db, negotiationId, 'Dmitry Peskov');
    const tagged = insertUpdate(db, { negotiationId, authorId: analyst.id, occurredOn: '2026-02-05', body: 'The Kremlin called the guarantees nonsense' });
    db.insert(updateActors).values({ updateId: tagged, targetId: peskov }).run();
    insertUpdate(db, { negotiationId, authorId: analyst.id, occurredOn: '2026-02-06', body: 'Unrelated: the weather in Geneva' });
    const headed = round(db, negotiationId, 'Istanbul round', [
      { partyId: partyA, head: 'Dmitry Peskov' },
      { partyId: partyB, head: 'Rustem Umerov' },
    ]);
    round(db, negotiationId, 'Geneva round', [{ partyId: partyA, head: 'Sergei Lavrov' }]);

    const hits = search(db, wholeInstance(db), 'Peskov');
    expect(hits.map((h) => [h.kind, h.target])).toEqual(
      expect.arrayContaining([
        ['actor', { to: 'actor', id: peskov }],
        ['round', { to: 'round', id: headed }],
        ['update', { to: 'update', id: tagged }],
      ]),
    );
    expect(hits).toHaveLength(3);
    expect(hits.find((h) => h.kind === 'round')!.title).toBe('Istanbul round');
    expect(plain(hits.find((h) => h.kind === 'update')!.snippet)).toBe('The Kremlin called the guarantees nonsense');
    expect(search(db, wholeInstance(db), 'Peskov', { kind: 'update' }).map((h) => h.id)).toEqual([tagged]);
    expect(search(db, wholeInstance(db), 'Peskov', { kind: 'round' }).map((h) => h.id)).toEqual([headed]);

    // A new head is found, the one replaced no longer.
    db.update(roundDelegations).set({ head: 'Yuri Ushakov' }).where(eq(roundDelegations.roundId, headed)).run();
    expect(search(db, wholeInstance(db), 'Peskov', { kind: 'round' })).toEqual([]);
    expect(search(db, wholeInstance(db), 'Ushakov', { kind: 'round' }).map((h) => h.id)).toEqual([headed]);
    db.delete(rounds).where(eq(rounds.id, headed)).run();
    expect(search(db, wholeInstance(db), 'Ushakov')).toEqual([]);
  });

  it('finds a Cyrillic name in another case among the delegation heads', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { negotiationId, partyA } = makeNegotiation(db, analyst);
    const headed = round(db, negotiationId, 'Стамбул', [{ partyId: partyA, head: 'Мединский' }]);
    expect(search(db, wholeInstance(db), 'Мединского').map((h) => [h.kind, h.id])).toEqual([['round', headed]]);
  });

  it('shows a reader nothing of a negotiation they may not know of', () => {
    const db = freshDb();
    const lead = makeUser(db, 'analyst');
    const outsider = makeUser(db, 'analyst');
    const open = makeNegotiation(db, lead, 'Open talks');
    const secret = makeNegotiation(db, lead, 'Back channel', { restricted: true });
    const peskov = person(db, open.negotiationId, 'Dmitry Peskov');
    const seen = insertUpdate(db, { negotiationId: open.negotiationId, authorId: lead.id, occurredOn: '2026-02-05', body: 'Open remark' });
    const hidden = insertUpdate(db, { negotiationId: secret.negotiationId, authorId: lead.id, occurredOn: '2026-02-05', body: 'Secret remark' });
    db.insert(updateActors).values([{ updateId: seen, targetId: peskov }, { updateId: hidden, targetId: peskov }]).run();
    round(db, secret.negotiationId, 'Secret round', [{ partyId: secret.partyA, head: 'Dmitry Peskov' }]);

    const asOutsider = search(db, readerScope(db, outsider), 'Peskov');
    expect(asOutsider.map((h) => [h.kind, h.negotiationId])).toEqual(expect.arrayContaining([['actor', open.negotiationId], ['update', open.negotiationId]]));
    expect(asOutsider).toHaveLength(2);
    expect(search(db, readerScope(db, lead), 'Peskov')).toHaveLength(4);
  });
});
