import { archiveDigest } from '@/lib/archived-copy';
import { eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { articles, sources } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { applyGroupPair } from './corroborations';
import { logUpdateIn } from './updates';
import { assertWriteIn } from './write-access';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError } from '@/lib/errors';
import type { NewSource } from '@/lib/validation/sources';
import { proposalField, type CaptureConfirmInput } from '@/lib/validation/capture';

export type ConfirmedCapture = { articleId: number; updateIds: number[]; archived: 'kept' | 'already kept' };

/**
 * Confirms a reviewed capture (the page /updates/capture) in one transaction: the article is found or made under
 * its outlet (graded as the analyst chose), its text kept as the archived copy with the capture time and the text's
 * SHA-256, and every accepted proposal logged as an update by logUpdate's own steps, each citing its own quote of the
 * article, with its issues, parties, actor and changes; a report the analyst added to a logged update's group joins
 * it. Any refusal (a field, a stale position, a negotiation they may not write in) writes nothing at all.
 */
export function confirmCapture(db: DB, user: CurrentUser, input: CaptureConfirmInput): ConfirmedCapture {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      assertWriteIn(tx, user, input.negotiationId, 'The negotiation');
      const { text, ...article } = input.article;
      let articleId: number | null = null;
      const updateIds: number[] = [];
      for (const report of input.reports) {
        // The first quote finds or makes the outlet and the article; the others are new quotes of that article.
        const source: NewSource = articleId === null ? { ...article, quote: report.quote } : { articleId, quote: report.quote, credibility: article.credibility };
        const logged = inProposal(report.index, () => logUpdateIn(tx, user, report.update, [source]));
        articleId ??= articleOf(tx, logged.sourceIds.at(-1)!);
        if (report.corroborates) {
          const corroborates = report.corroborates;
          inProposal(report.index, () => applyGroupPair(tx, user, { updateA: corroborates, updateB: logged.id, label: `Reports of update #${corroborates}` }), 'corroborates');
        }
        updateIds.push(logged.id);
      }
      if (articleId === null) throw new InvalidInputError('Accept at least one proposal: nothing is logged otherwise.');
      return { articleId, updateIds, archived: keepArchivedCopy(tx, user, articleId, text, input.negotiationId) };
    },
    { behavior: 'immediate' },
  );
}

function articleOf(tx: Executor, sourceId: number): number {
  return tx.select({ articleId: sources.articleId }).from(sources).where(eq(sources.id, sourceId)).get()!.articleId;
}

/**
 * A proposal's refusal shown beside its own fields on the page (`p3.position.summary`); one that names no field
 * goes beside `orField` when given (the group a report was to join).
 */
function inProposal<T>(index: number, run: () => T, orField?: string): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const named = Object.entries(error.errors).map(([k, v]) => [proposalField(index, k), v]);
    if (named.length === 0 && orField) named.push([proposalField(index, orField), [error.message]]);
    throw new InvalidInputError(error.message, Object.fromEntries(named));
  }
}

/**
 * The article's archived copy: the text as the analyst reviewed it, with when it was kept and its SHA-256, so a
 * later reader can tell the evidence was not changed. A copy already kept is evidence too and is never replaced:
 * a second capture of the same article leaves the first copy (its hash says whether the two texts differ).
 */
function keepArchivedCopy(tx: Executor, user: CurrentUser, articleId: number, text: string, negotiationId: number): ConfirmedCapture['archived'] {
  const before = tx.select({ archivedAt: articles.archivedAt, archivedSha256: articles.archivedSha256 }).from(articles).where(eq(articles.id, articleId)).get();
  if (before?.archivedAt) return 'already kept';
  const kept = { archivedAt: new Date().toISOString(), archivedSha256: archiveDigest(text) };
  tx.update(articles)
    .set({ archivedText: text, ...kept })
    .where(eq(articles.id, articleId))
    .run();
  recordAudit(tx, { userId: user.id, action: 'update', entity: 'article', entityId: articleId, negotiationId, before, after: { ...kept, characters: text.length } });
  return 'kept';
}
