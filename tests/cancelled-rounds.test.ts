import { describe, expect, it, vi } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { eq } from 'drizzle-orm';
import { freshDb, makeMember, makeNegotiation, makeUser, position } from './factories';
import { readDocx, paragraphsOf } from './docx-reader';
import { createRound, editRound, setAgenda } from '@/db/mutations/rounds';
import { recordPosition } from '@/db/mutations/positions';
import { rounds, sources } from '@/db/schema';
import { getRoundPage } from '@/db/queries/rounds';
import { roundSummary } from '@/db/queries/round-summary';
import { listSourceChoices } from '@/db/queries/sources';
import { exportNegotiationJson } from '@/db/queries/export-negotiation';
import { importNegotiation } from '@/db/mutations/import-negotiation';
import { readerScope, wholeInstance } from '@/db/queries/access';
import { RoundEditSchema, RoundSchema } from '@/lib/validation/rounds';
import { cancellationSentence, cancellationSourceName } from '@/lib/round-summary/cancellation';
import { renderCsv } from '@/lib/exports/csv';
import { renderDocx } from '@/lib/exports/docx';
import { renderJson } from '@/lib/exports/json';
import { renderMarkdown } from '@/lib/exports/markdown';
import { renderPdf } from '@/lib/exports/pdf';
import { parseDocumentText } from '@/lib/interchange/parse';
import { validateDocument } from '@/lib/interchange/validate';
import { datesInVersion2 } from './fixtures/dates-in-version-2';
import type { NegotiationDocumentV1 } from '@/lib/interchange/schema-v1';
import { NotFoundError } from '@/lib/errors';
import type { DB } from '@/db';
import type { CurrentUser } from '@/lib/roles';
import { GAZA } from './shared-parties-fixture';

// A round that was planned and then called off: it says when, why and who reported it, on its page, in every
// format of its summary and in the interchange document (DOMAIN.md, "cancelled round").

vi.setConfig({ testTimeout: 90_000 });

const TODAY = '2026-03-20';
const SAID = 'Cancelled on 3 Mar 2026: Russia recalled its delegation (Reuters)';
const REUTERS = { outlet: 'Reuters', title: 'Geneva talks called off', url: null, publishedOn: '2026-03-03', quote: 'The Russian delegation will not travel.', reliability: 'B' as const, credibility: 2 };

const facts = (negotiationId: number, over: Record<string, unknown> = {}) => ({
  negotiationId,
  name: 'Geneva round',
  venue: 'Geneva',
  startsOn: '2026-03-10',
  endsOn: '2026-03-11',
  approxDate: '',
  format: 'trilateral' as const,
  status: 'planned' as const,
  summary: '',
  ...over,
});

/** Talks with a round planned for Geneva, one issue on its agenda and one party's position on it. */
function geneva(db: DB, analyst: CurrentUser, options: { restricted?: boolean } = {}) {
  const talks = makeNegotiation(db, analyst, undefined, options);
  const roundId = createRound(db, analyst, facts(talks.negotiationId));
  setAgenda(db, analyst, { roundId, version: 1, issueIds: [talks.issueId] });
  recordPosition(db, analyst, position(talks.issueId, talks.partyA, null, 'Wants the line frozen'));
  const version = () => db.select({ v: rounds.version }).from(rounds).where(eq(rounds.id, roundId)).get()!.v;
  /** The analyst's edit of the round to cancelled, as the form sends it once filled in. */
  const cancel = (over: Record<string, unknown> = {}, newSource: typeof REUTERS | null = REUTERS) => {
    const { roundId: _, version: v, ...input } = RoundEditSchema.parse({
      ...facts(talks.negotiationId),
      roundId,
      version: version(),
      status: 'cancelled',
      cancelledOn: '2026-03-03',
      cancellationReason: 'Russia recalled its delegation.',
      ...over,
    });
    editRound(db, analyst, roundId, v, input, newSource);
  };
  return { ...talks, roundId, version, cancel };
}

async function pdfText(buffer: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(buffer)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('the sentence that says a round was cancelled', () => {
  it('gives the day, the reason without its closing stop, and the source', () => {
    expect(cancellationSentence({ on: '2026-03-03', reason: 'Russia recalled its delegation.', source: 'Reuters' })).toBe(SAID);
    expect(cancellationSentence({ on: '2026-03-03', reason: ' No agreement on the venue; ', source: null })).toBe('Cancelled on 3 Mar 2026: No agreement on the venue');
    expect(cancellationSentence({ on: '2026-03-03', reason: 'Postponed, then dropped...', source: 'TASS' })).toBe('Cancelled on 3 Mar 2026: Postponed, then dropped (TASS)');
  });

  it('says what is known of a round cancelled before the tracker asked why', () => {
    expect(cancellationSentence({ on: null, reason: '', source: null })).toBe('Cancelled');
    expect(cancellationSentence({ on: null, reason: 'Called off', source: 'TASS' })).toBe('Cancelled: Called off (TASS)');
    expect(cancellationSentence({ on: '2026-03-03', reason: '', source: 'TASS' })).toBe('Cancelled on 3 Mar 2026 (TASS)');
  });

  it('names a source by its outlet, and the one it reports through', () => {
    const source = { id: 1, outlet: 'El País', title: '', url: null, publishedOn: null, publishedOnPrecision: 'day' as const, publishedOnLabel: '', quote: '', reliability: 'B', credibility: 3, citedOutlet: null };
    expect(cancellationSourceName(source)).toBe('El País');
    expect(cancellationSourceName({ ...source, citedOutlet: 'TASS' })).toBe('El País citing TASS');
    expect(cancellationSourceName(null)).toBeNull();
  });
});

describe('the round form', () => {
  const sent = { negotiationId: '1', roundId: '2', version: '3', name: 'Geneva round', format: 'trilateral', startsOn: '2026-03-10' };

  it('asks a cancelled round for the day it was called off and why, beside each field', () => {
    const refused = RoundEditSchema.safeParse({ ...sent, status: 'cancelled', cancelledOn: '', cancellationReason: '  ' });
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['cancelledOn', 'A cancelled round needs the date it was called off.'],
      ['cancellationReason', 'Say why the round was cancelled, as reported.'],
    ]);
    expect(RoundSchema.safeParse({ ...sent, status: 'cancelled', cancelledOn: '2026-02-30', cancellationReason: 'x' }).error?.issues[0].message).toBe(
      'Date of cancellation must be a real date (YYYY-MM-DD).',
    );
  });

  it('takes a cancellation dated before the round was due to start: talks are called off ahead of them', () => {
    const parsed = RoundEditSchema.parse({ ...sent, status: 'cancelled', cancelledOn: '2026-03-03', cancellationReason: 'Russia recalled its delegation', sourceId: '7' });
    expect(parsed).toMatchObject({ cancelledOn: '2026-03-03', cancellationReason: 'Russia recalled its delegation', cancellationSourceId: 7 });
    expect(parsed).not.toHaveProperty('sourceId');
  });

  it('forgets a cancellation once the round is back on', () => {
    const parsed = RoundSchema.parse({ ...sent, status: 'planned', cancelledOn: '2026-03-03', cancellationReason: 'Russia recalled its delegation', sourceId: '7' });
    expect(parsed).toMatchObject({ status: 'planned', cancelledOn: null, cancellationReason: '', cancellationSourceId: null });
  });
});

describe('a cancelled round', () => {
  it('keeps when, why and the new source typed with it, and its page says so', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const t = geneva(db, analyst);
    t.cancel();
    const page = getRoundPage(db, wholeInstance(db), t.roundId, TODAY)!;
    expect(page.round).toMatchObject({ status: 'cancelled', cancelledOn: '2026-03-03', cancellationReason: 'Russia recalled its delegation.' });
    expect(page.cancellationSource).toMatchObject({ sourceOutlet: 'Reuters', sourceTitle: 'Geneva talks called off', sourceQuote: 'The Russian delegation will not travel.' });
    expect(db.select().from(sources).all()).toHaveLength(1);
  });

  it('moves its version on a write of its cancellation that forgets to, so a form opened before cannot save over it', () => {
    const db = freshDb();
    const t = geneva(db, makeUser(db));
    const before = t.version();
    db.$client.prepare(`UPDATE rounds SET cancellation_reason = 'Postponed sine die' WHERE id = ?`).run(t.roundId);
    expect(t.version()).toBe(before + 1);
  });

  it('cites an existing source only if the analyst sees it', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const outsider = makeUser(db);
    const hidden = geneva(db, outsider, { restricted: true });
    hidden.cancel();
    const hiddenSource = db.select().from(sources).get()!.id;
    const t = geneva(db, analyst);
    expect(() => t.cancel({ sourceId: String(hiddenSource) }, null)).toThrow(NotFoundError);
    expect(getRoundPage(db, wholeInstance(db), t.roundId, TODAY)!.round.status).toBe('planned');
  });

  it('forgets its cancellation when put back on', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const t = geneva(db, analyst);
    t.cancel();
    const { roundId: _, version, ...input } = RoundEditSchema.parse({ ...facts(t.negotiationId), roundId: t.roundId, version: t.version(), status: 'planned' });
    editRound(db, analyst, t.roundId, version, input);
    expect(getRoundPage(db, wholeInstance(db), t.roundId, TODAY)).toMatchObject({
      round: { status: 'planned', cancelledOn: null, cancellationReason: '', cancellationSourceId: null },
      cancellationSource: null,
    });
  });

  it('shows its source to the members of a restricted negotiation, and to no one else', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const member = makeUser(db, 'viewer');
    const other = makeUser(db, 'viewer');
    const t = geneva(db, analyst, { restricted: true });
    makeMember(db, member, t.negotiationId, 'viewer');
    t.cancel();
    expect(listSourceChoices(db, readerScope(db, member)).map((s) => s.outlet)).toEqual(['Reuters']);
    expect(listSourceChoices(db, readerScope(db, other))).toEqual([]);
  });

  it('says in every format of its summary when and why it was called off, instead of "no change"', async () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const t = geneva(db, analyst);
    t.cancel();
    const summary = roundSummary(db, wholeInstance(db), t.roundId, TODAY)!;
    expect(summary.round.cancellation).toMatchObject({ on: '2026-03-03', reason: 'Russia recalled its delegation.', source: { outlet: 'Reuters' } });
    const [atRound] = summary.issues[0].positions;
    expect(atRound.position?.change).toBe(SAID);

    const markdown = renderMarkdown(summary);
    expect(markdown).toContain(`- **Status:** ${SAID}\n`);
    expect(markdown).toContain(`What changed: ${SAID}`);
    expect(markdown).not.toContain('No change at this round');

    const pdf = await pdfText(await renderPdf(summary));
    expect(pdf).toContain(SAID);
    expect(pdf).not.toContain('No change at this round');

    const docx = paragraphsOf(await readDocx(await renderDocx(summary))).map((p) => p.text);
    expect(docx).toContain(`What changed: ${SAID}`);
    expect((await readDocx(await renderDocx(summary))).body.some((b) => b.kind === 'table' && b.rows.some((r) => r.map((c) => c.text).join('|') === `Status|${SAID}`))).toBe(true);

    const csv = renderCsv(summary);
    expect(csv).toContain(SAID);
    expect(csv).not.toContain('No change at this round');

    const json = JSON.parse(renderJson(summary));
    expect(json.round.cancellation).toMatchObject({ on: '2026-03-03', reason: 'Russia recalled its delegation.', source: { outlet: 'Reuters', title: 'Geneva talks called off' } });
  });

  it('leaves a held round saying "no change" where nothing moved', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const t = geneva(db, analyst);
    const { roundId: _, version, ...input } = RoundEditSchema.parse({ ...facts(t.negotiationId), roundId: t.roundId, version: t.version(), status: 'held' });
    editRound(db, analyst, t.roundId, version, input);
    const summary = roundSummary(db, wholeInstance(db), t.roundId, TODAY)!;
    expect(summary.round.cancellation).toBeNull();
    expect(summary.issues[0].positions[0].position?.change).toBe('No change at this round.');
    expect(renderMarkdown(summary)).toContain('- **Status:** held\n');
  });
});

describe('the interchange document', () => {
  it('carries a cancellation through export and import, and only a cancelled round has one', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const t = geneva(db, analyst);
    createRound(db, analyst, facts(t.negotiationId, { name: 'Istanbul', status: 'held', startsOn: '2026-01-10', endsOn: null }));
    t.cancel();
    const first = parseDocumentText(exportNegotiationJson(db, wholeInstance(db), t.negotiationId)!);
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const [cancelled, held] = first.document.rounds;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledOn: '2026-03-03', cancellationReason: 'Russia recalled its delegation.' });
    expect(first.document.sources.find((s) => s.key === cancelled.cancellationSource)).toMatchObject({ outlet: 'Reuters' });
    expect(held).not.toHaveProperty('cancelledOn');

    const other = freshDb();
    const copy = importNegotiation(other, makeUser(other), first.document).id;
    const again = parseDocumentText(exportNegotiationJson(other, wholeInstance(other), copy)!);
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect({ ...again.document, exportedAt: undefined }).toEqual({ ...first.document, exportedAt: undefined });
    const imported = getRoundPage(other, wholeInstance(other), other.select().from(rounds).where(eq(rounds.name, 'Geneva round')).get()!.id, TODAY)!;
    expect(imported.cancellationSource).toMatchObject({ sourceOutlet: 'Reuters' });
  });

  it('refuses a cancellation on a round that was not cancelled, and a source it does not list', () => {
    const doc = structuredClone(GAZA);
    doc.rounds[0].cancellationReason = 'Called off';
    doc.rounds[0].cancellationSource = 'source:X';
    const result = validateDocument(doc);
    expect(result.ok ? [] : result.errors).toEqual([
      { path: '/rounds/0/cancellationSource', message: '"source:X" is not a key of this document.' },
      { path: '/rounds/0/cancellationReason', message: 'Only a cancelled round says when, why or by whose report it was cancelled.' },
    ]);
  });

  it('still imports a version 1 document with a cancelled round, which says nothing of why', () => {
    const { outlets: _, ...gaza } = structuredClone(GAZA);
    const v1: NegotiationDocumentV1 = {
      ...gaza,
      version: 1,
      actors: GAZA.actors.map((a) => ({ key: a.key, name: a.name, title: a.affiliations[0].title, party: a.affiliations[0].party })),
      ...datesInVersion2(GAZA),
    };
    v1.rounds[0].status = 'cancelled';
    const parsed = validateDocument(v1);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const db = freshDb();
    importNegotiation(db, makeUser(db), parsed.document);
    const round = db.select().from(rounds).get()!;
    expect(round).toMatchObject({ status: 'cancelled', cancelledOn: null, cancellationReason: '', cancellationSourceId: null });
    const summary = roundSummary(db, wholeInstance(db), round.id, TODAY)!;
    expect(renderMarkdown(summary)).toContain('- **Status:** Cancelled\n');
    // Version 1 never knew the fields: a document that claims to be one and has them is refused.
    const claimed = { ...v1, rounds: [{ ...v1.rounds[0], cancelledOn: '2026-01-09' }] };
    expect(validateDocument(claimed).ok).toBe(false);
  });
});
