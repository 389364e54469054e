import { and, eq, ne, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { actors, affiliations, outlets, parties, sources, updates, updateSources } from '@/db/schema';
import type { ReaderScope } from './access';
import { getNegotiation, listIssuesOf, listSeatedParties } from './negotiations';
import { captureArticle } from '@/lib/capture/extract';
import type { CaptureContext, Proposal, ProposedSource } from '@/lib/capture/types';
import type { CaptureRequest } from '@/lib/validation/capture';
import { keywordList } from '@/lib/validation/issues';
import type { Reliability } from '@/lib/domain';

/**
 * What an article is read against (lib/capture): the negotiation's actors as affiliated there, its parties
 * (seated or named by an affiliation), its issues with their keywords, and the quotes its updates already
 * cite. Null when the reader does not see the negotiation.
 */
export function captureContext(db: DB, scope: ReaderScope, negotiationId: number): CaptureContext | null {
  if (!getNegotiation(db, scope, negotiationId)) return null;
  const seated = listSeatedParties(db, scope, negotiationId).map((p) => ({ id: p.id, name: p.name, shortName: p.shortName }));
  const affiliated = db
    .select({ actorId: actors.id, name: actors.name, title: affiliations.title, partyId: affiliations.partyId, partyName: parties.name, shortName: parties.shortName })
    .from(affiliations)
    .innerJoin(actors, eq(actors.id, affiliations.actorId))
    .leftJoin(parties, eq(parties.id, affiliations.partyId))
    .where(eq(affiliations.negotiationId, negotiationId))
    .orderBy(affiliations.id)
    .all();
  const partyList = [...seated];
  for (const a of affiliated) {
    if (a.partyId !== null && a.partyName && !partyList.some((p) => p.id === a.partyId)) partyList.push({ id: a.partyId, name: a.partyName, shortName: a.shortName ?? a.partyName });
  }
  const loggedQuotes = db
    .select({ updateId: updateSources.updateId, quote: sources.quote })
    .from(updateSources)
    .innerJoin(updates, eq(updates.id, updateSources.updateId))
    .innerJoin(sources, eq(sources.id, updateSources.targetId))
    .where(and(eq(updates.negotiationId, negotiationId), ne(sources.quote, '')))
    .all();
  return {
    actors: affiliated.map(({ actorId, name, title, partyId }) => ({ actorId, name, title, partyId })),
    parties: partyList,
    issues: listIssuesOf(db, scope, negotiationId).map((i) => ({ id: i.id, title: i.title, keywords: keywordList(i.keywords) })),
    loggedQuotes,
  };
}

/**
 * The outlet's current grade (the one last given to it, db/mutations/outlets.ts): a new article from it starts
 * there (the analyst still decides). Outlets are the team's shared judgement, seen by every reader (decision 0023).
 * Null for an outlet the tracker does not know.
 */
export function lastGradeOf(db: DB, outlet: string): { reliability: Reliability; credibility: number } | null {
  if (!outlet.trim()) return null;
  const row = db
    .select({ reliability: outlets.reliability })
    .from(outlets)
    .where(sql`lower(${outlets.name}) = lower(${outlet.trim()})`)
    .get();
  // Credibility is a judgement of each quote, not of the outlet: "cannot be judged" until the analyst says.
  return row ? { reliability: row.reliability, credibility: 6 } : null;
}

export type CaptureAnswer = {
  source: ProposedSource & { reliability: Reliability; credibility: number };
  proposals: Proposal[];
  notes: string[];
  text: string;
};

/** The proposals for a pasted article, read with the caller's scope; writes nothing. */
export function proposeFromArticle(db: DB, scope: ReaderScope, request: CaptureRequest): 'unseen' | { ok: false; message: string } | { ok: true; capture: CaptureAnswer } {
  const context = captureContext(db, scope, request.negotiationId);
  if (!context) return 'unseen';
  const result = captureArticle(request, context);
  if (!result.ok) return result;
  // The Admiralty scale's "cannot be judged" (F6) until the analyst grades an outlet for the first time.
  const grade = lastGradeOf(db, result.source.outlet) ?? { reliability: 'F' as const, credibility: 6 };
  return { ok: true, capture: { source: { ...result.source, ...grade }, proposals: result.proposals, notes: result.notes, text: result.text } };
}
