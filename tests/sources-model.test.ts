import { describe, expect, it } from 'vitest';
import { freshDb, makeMember, makeNegotiation, makeUser } from './factories';
import { logUpdate } from '@/db/mutations/updates';
import { regradeOutlet } from '@/db/mutations/outlets';
import { findCitable } from '@/db/queries/source-search';
import { getOutlet, listOutlets } from '@/db/queries/outlets';
import { readerScope, wholeInstance } from '@/db/queries/access';
import { UpdateSchema } from '@/lib/validation/updates';
import { HALF_FILLED_SOURCE, withNewSource, type NewSource } from '@/lib/validation/sources';
import { NotFoundError } from '@/lib/errors';
import { todayIso } from '@/lib/dates';
import { exportNegotiationJson } from '@/db/queries/export-negotiation';
import { importNegotiation } from '@/db/mutations/import-negotiation';
import { validateDocument } from '@/lib/interchange/validate';
import type { NegotiationDocument } from '@/lib/interchange/schema';
import type { DB } from '@/db';
import type { CurrentUser } from '@/lib/roles';

// Sources as analysts think of them (docs/decisions/0023): an outlet, its articles, the quotes taken from them.

const FT = { outlet: 'Financial Times', title: 'Talks stall in Abu Dhabi', url: 'https://ft.com/abu-dhabi', publishedOn: '2026-02-05', reliability: 'B' as const };

function log(db: DB, user: CurrentUser, negotiationId: number, body: string, sources: NewSource[] = [], sourceIds: number[] = []) {
  const input = UpdateSchema.parse({ negotiationId: String(negotiationId), body, occurredOn: '2026-02-06', sourceIds: sourceIds.map(String) });
  return logUpdate(db, user, input, sources);
}

const articleOf = (db: DB, sourceId: number) => db.$client.prepare(`SELECT article_id FROM sources WHERE id = ?`).pluck().get(sourceId) as number;
const count = (db: DB, table: string) => db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('a new source finds or makes its outlet and article', () => {
  it('makes several quotes of one article one article, whatever the case of the outlet typed', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId } = makeNegotiation(db, analyst);
    const [first] = log(db, analyst, negotiationId, 'Lavrov on guarantees', [{ ...FT, quote: 'The guarantees are nonsense', credibility: 2 }]).sourceIds;
    // The same URL, the outlet in other letters: the same article, a second quote.
    const [second] = log(db, analyst, negotiationId, 'Peskov on Donbas', [{ ...FT, outlet: 'financial times', title: '', publishedOn: null, quote: 'No withdrawal', credibility: 3 }]).sourceIds;
    // The same title without a URL: the same article again.
    const [third] = log(db, analyst, negotiationId, 'Witkoff', [{ ...FT, url: null, publishedOn: null, quote: 'Productive', credibility: 2 }]).sourceIds;
    expect(new Set([first, second, third].map((s) => articleOf(db, s))).size).toBe(1);
    expect(count(db, 'outlets')).toBe(1);
    expect(count(db, 'articles')).toBe(1);
    // A new outlet is graded as typed, its first grading dated the day it was entered.
    expect(getOutlet(db, wholeInstance(db), 1)).toMatchObject({ name: 'Financial Times', reliability: 'B', gradings: [{ reliability: 'B', note: 'Graded when first cited.' }] });
  });

  it('keeps an article graded differently apart, so no grade typed is lost', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId } = makeNegotiation(db, analyst);
    const [b] = log(db, analyst, negotiationId, 'One', [{ ...FT, quote: 'a', credibility: 2 }]).sourceIds;
    const [c] = log(db, analyst, negotiationId, 'Two', [{ ...FT, reliability: 'C', quote: 'b', credibility: 2 }]).sourceIds;
    const [other] = log(db, analyst, negotiationId, 'Three', [{ ...FT, url: 'https://ft.com/other', title: 'Another piece', quote: 'c', credibility: 2 }]).sourceIds;
    expect(articleOf(db, b)).not.toBe(articleOf(db, c));
    expect(articleOf(db, other)).not.toBe(articleOf(db, b));
    expect(db.$client.prepare(`SELECT reliability FROM cited_sources ORDER BY id`).pluck().all()).toEqual(['B', 'C', 'B']);
    expect(count(db, 'outlets')).toBe(1);
  });

  it('never hands one outside a restricted negotiation the article only it cites: they get their own', () => {
    const db = freshDb();
    const lead = makeUser(db);
    const outsider = makeUser(db);
    const secret = makeNegotiation(db, lead, 'Back channel', { restricted: true });
    const open = makeNegotiation(db, outsider, 'Open talks');
    const [hidden] = log(db, lead, secret.negotiationId, 'The emissary', [{ ...FT, quote: 'A Zaporizhzhia offer', credibility: 2 }]).sourceIds;
    const [own] = log(db, outsider, open.negotiationId, 'Public report', [{ ...FT, quote: 'Talks stalled', credibility: 2 }]).sourceIds;
    expect(articleOf(db, own)).not.toBe(articleOf(db, hidden));
    // Nor may they add a quote to it by its id.
    expect(() => log(db, outsider, open.negotiationId, 'By id', [{ articleId: articleOf(db, hidden), quote: 'x', credibility: 6 }])).toThrow(NotFoundError);
    // A member may.
    makeMember(db, outsider, secret.negotiationId, 'analyst');
    const [added] = log(db, outsider, open.negotiationId, 'By id', [{ articleId: articleOf(db, hidden), quote: 'Second quote', credibility: 3 }]).sourceIds;
    expect(articleOf(db, added)).toBe(articleOf(db, hidden));
  });

  it('takes a new quote of a picked article without its outlet or headline, and still refuses half a source', () => {
    const values = { body: 'x', 'source.articleId': '7', 'source.quote': 'A second quote', 'source.credibility': '3' };
    expect(withNewSource(values, (s) => s)).toEqual({ articleId: 7, quote: 'A second quote', credibility: 3 });
    expect(withNewSource({ 'source.url': 'https://ft.com/x', 'source.reliability': 'B', 'source.credibility': '6' }, (s) => s)).toMatchObject({
      ok: false,
      errors: { 'source.outlet': [HALF_FILLED_SOURCE] },
    });
    expect(withNewSource({ 'source.articleId': 'seven', 'source.credibility': '6' }, (s) => s)).toMatchObject({ ok: false, errors: { 'source.articleId': expect.any(Array) } });
  });
});

describe('regrading an outlet', () => {
  it('changes the grade new articles start from and appends to its history; stored articles keep theirs', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId } = makeNegotiation(db, analyst);
    const [before] = log(db, analyst, negotiationId, 'One', [{ ...FT, quote: 'a', credibility: 2 }]).sourceIds;
    const outlet = getOutlet(db, wholeInstance(db), 1)!;
    regradeOutlet(db, analyst, { outletId: outlet.id, reliability: 'D', gradedOn: todayIso(), note: 'Two corrections this month', version: outlet.version });
    const after = getOutlet(db, wholeInstance(db), 1)!;
    expect(after.reliability).toBe('D');
    expect(after.gradings.map((g) => [g.reliability, g.note])).toEqual([
      ['D', 'Two corrections this month'],
      ['B', 'Graded when first cited.'],
    ]);
    expect(db.$client.prepare(`SELECT reliability FROM cited_sources WHERE id = ?`).pluck().get(before)).toBe('B');
    expect(after.articles.map((a) => [a.reliability, a.quotes.map((q) => q.quote)])).toEqual([['B', ['a']]]);
  });
});

describe('who sees an outlet', () => {
  it('is whoever sees one of its articles: one only a restricted negotiation names does not exist outside it', () => {
    const db = freshDb();
    const lead = makeUser(db);
    const outsider = makeUser(db);
    const secret = makeNegotiation(db, lead, 'Back channel', { restricted: true });
    const open = makeNegotiation(db, lead, 'Open talks');
    log(db, lead, secret.negotiationId, 'Emissary', [{ outlet: 'Cable', title: 'Offer', url: null, publishedOn: null, reliability: 'C', quote: 'An offer', credibility: 3 }]);
    log(db, lead, open.negotiationId, 'Public', [{ ...FT, quote: 'Talks stalled', credibility: 2 }]);
    expect(listOutlets(db, readerScope(db, lead)).map((o) => o.name)).toEqual(['Cable', 'Financial Times']);
    expect(listOutlets(db, readerScope(db, outsider)).map((o) => o.name)).toEqual(['Financial Times']);
    const cable = listOutlets(db, readerScope(db, lead))[0];
    expect(getOutlet(db, readerScope(db, outsider), cable.id)).toBeUndefined();
    expect(() => regradeOutlet(db, outsider, { outletId: cable.id, reliability: 'A', gradedOn: '2026-03-01', note: '', version: 1 })).toThrow(NotFoundError);
    expect(getOutlet(db, wholeInstance(db), cable.id)?.reliability).toBe('C');
  });
});

describe('the type-ahead', () => {
  it('finds quotes by outlet, headline, URL or words, says where this negotiation cites them already, and shows an outsider nothing restricted', () => {
    const db = freshDb();
    const lead = makeUser(db);
    const outsider = makeUser(db);
    const open = makeNegotiation(db, lead, 'Open talks');
    const secret = makeNegotiation(db, lead, 'Back channel', { restricted: true });
    const logged = log(db, lead, open.negotiationId, 'Lavrov on guarantees', [{ ...FT, quote: 'The guarantees are nonsense', credibility: 2 }]);
    const [quote] = logged.sourceIds;
    log(db, lead, secret.negotiationId, 'Emissary', [{ outlet: 'Cable', title: 'Zaporizhzhia offer', url: null, publishedOn: null, reliability: 'C', quote: 'The emissary carried an offer', credibility: 3 }]);
    const lead_ = readerScope(db, lead);
    for (const words of ['financial', 'Talks stall', 'nonsense', 'https://ft.com/abu-dhabi']) {
      expect(findCitable(db, lead_, words, open.negotiationId).quotes.map((q) => [q.id, q.citedIn]), words).toEqual([[quote, [logged.id]]]);
    }
    expect(findCitable(db, lead_, 'nonsense', open.negotiationId).articles).toMatchObject([{ id: articleOf(db, quote), outlet: 'Financial Times', title: FT.title, quotes: 1 }]);
    expect(findCitable(db, lead_, 'emissary', secret.negotiationId).quotes.map((q) => q.quote)).toEqual(['The emissary carried an offer']);
    const outside = readerScope(db, outsider);
    expect(findCitable(db, outside, 'emissary', null)).toEqual({ quotes: [], articles: [] });
    expect(findCitable(db, outside, 'Cable Zaporizhzhia', open.negotiationId).quotes).toEqual([]);
    // A negotiation they do not see tells them nothing of where a quote they see is cited.
    expect(findCitable(db, outside, 'nonsense', secret.negotiationId).quotes.map((q) => q.citedIn)).toEqual([[]]);
  });
});

describe('the interchange, version 4', () => {
  const exported = (db: DB, id: number) => JSON.parse(exportNegotiationJson(db, wholeInstance(db), id)!) as NegotiationDocument;
  const comparable = (doc: NegotiationDocument) => ({ ...doc, exportedAt: undefined });
  const imported = (doc: unknown) => {
    const db = freshDb();
    const result = validateDocument(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return { db, id: importNegotiation(db, makeUser(db), result.document).id };
  };

  it('carries outlets with their grading history; export, import, export is the same document', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId } = makeNegotiation(db, analyst, 'Peace talks');
    log(db, analyst, negotiationId, 'One', [{ ...FT, quote: 'a', credibility: 2 }, { ...FT, quote: 'b', credibility: 3 }]);
    const outlet = getOutlet(db, wholeInstance(db), 1)!;
    regradeOutlet(db, analyst, { outletId: 1, reliability: 'D', gradedOn: '2026-03-01', note: 'Two corrections', version: outlet.version });
    const first = exported(db, negotiationId);
    expect(first.version).toBe(4);
    expect(first.outlets).toEqual([
      {
        name: 'Financial Times',
        reliability: 'D',
        gradings: [
          { reliability: 'D', on: '2026-03-01', note: 'Two corrections' },
          { reliability: 'B', on: todayIso(), note: 'Graded when first cited.' },
        ].sort((x, y) => x.on.localeCompare(y.on)),
      },
    ]);
    const copy = imported(first);
    expect(comparable(exported(copy.db, copy.id))).toEqual(comparable(first));
    // Two quotes of one article stay one article.
    expect(count(copy.db, 'articles')).toBe(1);
  });

  it('still imports version 3: each outlet graded as its latest article, every grade kept', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId } = makeNegotiation(db, analyst, 'Peace talks');
    log(db, analyst, negotiationId, 'One', [{ ...FT, quote: 'a', credibility: 2 }, { ...FT, publishedOn: '2026-02-09', reliability: 'C', quote: 'b', credibility: 3 }]);
    const { outlets: _, ...v3 } = { ...exported(db, negotiationId), version: 3 };
    const copy = imported(v3);
    expect(getOutlet(copy.db, wholeInstance(copy.db), 1)).toMatchObject({
      reliability: 'C',
      gradings: [
        { reliability: 'C', gradedOn: '2026-02-09' },
        { reliability: 'B', gradedOn: '2026-02-05' },
      ],
    });
    expect(copy.db.$client.prepare(`SELECT reliability FROM cited_sources ORDER BY id`).pluck().all()).toEqual(['B', 'C']);
  });
});
