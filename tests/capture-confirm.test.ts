import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '@/db';
import { loadDemoData, DEMO_NEGOTIATION_NAME } from '@/db/demo/load';
import { proposeFromArticle, type CaptureAnswer } from '@/db/queries/capture-context';
import { readerScope } from '@/db/queries/access';
import { search } from '@/db/queries/search';
import { getArticle } from '@/db/queries/outlets';
import { confirmCapture } from '@/db/mutations/capture';
import { importNegotiation } from '@/db/mutations/import-negotiation';
import { exportNegotiationJson } from '@/db/queries/export-negotiation';
import { validateDocument } from '@/lib/interchange/validate';
import { CaptureConfirmSchema, proposalField } from '@/lib/validation/capture';
import { partialDateInput } from '@/lib/partial-date';
import type { CurrentUser } from '@/lib/roles';
import type { FormValues } from '@/lib/validation/form-values';
import { freshDb, makeMember, makeUser } from './factories';

// Confirming a capture as the page sends it: one transaction logs every accepted proposal with its own quote of
// the one article, keeps the article's text with its SHA-256, moves a position; a refusal writes nothing.

const article = fs.readFileSync(path.join(__dirname, 'fixtures/capture/seed-ft.txt'), 'utf8');
let db: DB;
let analyst: CurrentUser;
let viewer: CurrentUser;
let negotiationId = 0;
let capture: CaptureAnswer;
const sqlite = () => (db as unknown as { $client: import('better-sqlite3').Database }).$client;
const written = () =>
  sqlite().prepare('SELECT (SELECT count(*) FROM updates) + (SELECT count(*) FROM sources) + (SELECT count(*) FROM articles) + (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM positions) n').get() as { n: number };

beforeAll(() => {
  db = freshDb();
  const admin = makeUser(db, 'admin');
  loadDemoData(db, admin);
  analyst = makeUser(db, 'analyst');
  viewer = makeUser(db, 'analyst');
  negotiationId = (sqlite().prepare('SELECT id FROM negotiations WHERE name = ?').get(DEMO_NEGOTIATION_NAME) as { id: number }).id;
  makeMember(db, analyst, negotiationId, 'analyst');
  makeMember(db, viewer, negotiationId, 'viewer');
  const answer = proposeFromArticle(db, readerScope(db, analyst), { negotiationId, text: article, url: 'https://www.ft.com/content/resume-talks', outlet: '', title: '', publishedOn: '2026-02-05' });
  if (answer === 'unseen' || !answer.ok) throw new Error('no proposals');
  capture = answer.capture;
});

/** The form the capture page sends with proposals `accepted` accepted as proposed, and `extra` fields on top. */
function form(accepted: number[], extra: FormValues = {}): FormValues {
  const values: FormValues = {
    negotiationId: String(negotiationId),
    'article.outlet': capture.source.outlet,
    'article.title': capture.source.title,
    'article.url': capture.source.url ?? '',
    'article.publishedOn': capture.source.publishedOn ?? '',
    'article.reliability': capture.source.reliability,
    'article.credibility': '2',
    'article.text': capture.text,
    proposal: capture.proposals.map((_, i) => String(i)),
  };
  capture.proposals.forEach((p, i) => {
    values[proposalField(i, 'accepted')] = accepted.includes(i) ? 'yes' : '';
    values[proposalField(i, 'quote')] = p.quote;
    values[proposalField(i, 'body')] = p.sentence;
    values[proposalField(i, 'occurredOn')] = partialDateInput(p.eventDate) || '5 Feb 2026';
    values[proposalField(i, 'issueIds')] = p.issueIds.map(String);
    values[proposalField(i, 'actorIds')] = p.speaker.actorId ? String(p.speaker.actorId) : '';
  });
  return { ...values, ...extra };
}

const lavrov = () => capture.proposals.findIndex((p) => p.quote.includes('nonsense'));
const withSpeaker = () => capture.proposals.map((p, i) => [p, i] as const).filter(([p]) => p.speaker.actorId !== null).map(([, i]) => i);

describe('confirming a capture', () => {
  it('refuses a wrong field of one proposal beside it and writes nothing, nor when the writer is a viewer there', () => {
    const before = written().n;
    const [a, b] = withSpeaker();
    const parsed = CaptureConfirmSchema.safeParse(form([a, b], { [proposalField(b, 'occurredOn')]: 'someday', [proposalField(a, 'quote')]: '' }));
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining([proposalField(b, 'occurredOn'), proposalField(a, 'quote')]));
    expect(CaptureConfirmSchema.safeParse(form([])).error?.issues[0].message).toMatch(/Accept at least one proposal/);
    // A position with no stance is refused by the update's own rules, for the proposal that carries it.
    const noStance = CaptureConfirmSchema.safeParse(form([a], { [proposalField(a, 'position.partyId')]: '1', [proposalField(a, 'position.summary')]: 'Moved' }));
    expect(noStance.error?.issues.map((i) => i.path.join('.'))).toContain(proposalField(a, 'position.stance'));
    const valid = CaptureConfirmSchema.parse(form([a, b]));
    expect(() => confirmCapture(db, viewer, valid)).toThrow();
    expect(written().n).toBe(before);
  });

  it('refuses the whole capture when one accepted proposal is refused in the write, leaving nothing behind', () => {
    const before = written().n;
    const [a, b] = withSpeaker();
    // Party 999999 is not at the table: known only when writing, so the first proposal was already logged in the transaction.
    const input = CaptureConfirmSchema.parse(form([a, b], { [proposalField(b, 'partyIds')]: '999999' }));
    let refusal: unknown;
    try {
      confirmCapture(db, analyst, input);
    } catch (error) {
      refusal = error;
    }
    expect((refusal as { errors: Record<string, unknown> }).errors).toHaveProperty(proposalField(b, 'partyIds'));
    expect(written().n).toBe(before);
  });

  it('logs every accepted proposal with its quote of the kept article, moves a position, and joins a logged report’s group', () => {
    const [a, b] = withSpeaker().filter((i) => i !== lavrov());
    const l = lavrov();
    const issueId = capture.proposals[a].issueIds[0] ?? (sqlite().prepare('SELECT id FROM issues WHERE negotiation_id = ? LIMIT 1').get(negotiationId) as { id: number }).id;
    const partyId = (sqlite().prepare('SELECT party_id id FROM negotiation_parties WHERE negotiation_id = ? LIMIT 1').get(negotiationId) as { id: number }).id;
    const duplicate = capture.proposals[l].duplicateOfUpdateId!;
    const input = CaptureConfirmSchema.parse(
      form([a, b, l], {
        [proposalField(a, 'position.partyId')]: String(partyId),
        [proposalField(a, 'position.issueId')]: String(issueId),
        [proposalField(a, 'position.stance')]: 'supports',
        [proposalField(a, 'position.summary')]: 'Ready to resume the military dialogue',
        [proposalField(l, 'corroborates')]: String(duplicate),
      }),
    );
    const confirmed = confirmCapture(db, analyst, input);
    expect(confirmed.updateIds).toHaveLength(3);
    const stored = sqlite().prepare('SELECT archived_text text, archived_sha256 sha, archived_at at, reliability FROM articles WHERE id = ?').get(confirmed.articleId) as Record<string, string>;
    expect(stored.text).toBe(capture.text);
    expect(stored.sha).toBe(createHash('sha256').update(capture.text).digest('hex'));
    expect(stored.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const quotes = sqlite()
      .prepare(`SELECT us.update_id updateId, s.quote, s.credibility FROM update_sources us JOIN sources s ON s.id = us.source_id WHERE s.article_id = ? ORDER BY us.update_id`)
      .all(confirmed.articleId) as { updateId: number; quote: string; credibility: number }[];
    expect(quotes).toEqual([a, b, l].map((i, k) => ({ updateId: confirmed.updateIds[k], quote: capture.proposals[i].quote, credibility: 2 })));
    const position = sqlite().prepare('SELECT summary, is_current current, source_id sourceId FROM positions WHERE update_id = ?').get(confirmed.updateIds[0]) as Record<string, unknown>;
    expect(position).toMatchObject({ summary: 'Ready to resume the military dialogue', current: 1 });
    const group = sqlite().prepare('SELECT group_concat(update_id) ids FROM corroboration_updates WHERE corroboration_id = (SELECT corroboration_id FROM corroboration_updates WHERE update_id = ?)').get(confirmed.updateIds[2]) as { ids: string };
    expect(group.ids.split(',').map(Number)).toEqual(expect.arrayContaining([duplicate, confirmed.updateIds[2]]));
    // The kept text is searchable: a name no quote holds finds the article, for one who sees it only.
    const hits = search(db, readerScope(db, analyst), 'Grynkewich', { kind: 'article' });
    expect(hits.map((h) => [h.kind, h.id])).toEqual([['article', confirmed.articleId]]);
    expect(hits[0].snippet).toMatch(/Grynkewich/);
    const outsider = makeUser(db, 'analyst');
    expect(search(db, readerScope(db, outsider), 'Grynkewich', { kind: 'article' })).toEqual([]);
    expect(getArticle(db, readerScope(db, outsider), confirmed.articleId)).toBeUndefined();
    expect(getArticle(db, readerScope(db, analyst), confirmed.articleId)).toMatchObject({ archivedSha256: stored.sha, outlet: 'Financial Times' });
  });

  it('keeps the archived copy through export and import, once per article, and refuses a copy changed since it was kept', () => {
    const kept = sqlite().prepare('SELECT id, archived_text text, archived_sha256 sha, archived_at at FROM articles WHERE archived_text IS NOT NULL').all() as Record<string, string>[];
    expect(kept.length).toBeGreaterThan(0);
    const doc = JSON.parse(exportNegotiationJson(db, readerScope(db, analyst), negotiationId)!) as { sources: { archive?: { text: string; sha256: string; capturedAt: string } }[] };
    const archives = doc.sources.flatMap((s) => (s.archive ? [s.archive] : []));
    expect(archives).toEqual(kept.map((k) => ({ text: k.text, sha256: k.sha, capturedAt: k.at })));

    const other = freshDb();
    const importer = makeUser(other, 'analyst');
    const parsed = validateDocument({ ...doc, negotiation: { ...(doc as unknown as { negotiation: object }).negotiation, name: 'Re-imported' } });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    importNegotiation(other, importer, parsed.document);
    const client = (other as unknown as { $client: import('better-sqlite3').Database }).$client;
    expect(client.prepare('SELECT archived_text text, archived_sha256 sha, archived_at at FROM articles WHERE archived_text IS NOT NULL').all()).toEqual(
      kept.map((k) => ({ text: k.text, sha: k.sha, at: k.at })),
    );

    const tampered = structuredClone(doc);
    const withCopy = tampered.sources.find((s) => s.archive)!;
    withCopy.archive!.text = withCopy.archive!.text.replace('Abu Dhabi', 'Geneva');
    const again = validateDocument({ ...tampered, negotiation: { ...(doc as unknown as { negotiation: object }).negotiation, name: 'Tampered' } });
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    const third = freshDb();
    const before = (third as unknown as { $client: import('better-sqlite3').Database }).$client.prepare('SELECT count(*) n FROM negotiations').get();
    expect(() => importNegotiation(third, makeUser(third, 'analyst'), again.document)).toThrow(/does not match its SHA-256/);
    expect((third as unknown as { $client: import('better-sqlite3').Database }).$client.prepare('SELECT count(*) n FROM negotiations').get()).toEqual(before);
  });
});
