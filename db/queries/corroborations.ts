import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DB } from '@/db';
import { corroborations, corroborationUpdates, negotiations, rounds, citedSources, updates, updateSources } from '@/db/schema';
import { chainOf, loadSourceChains, type ChainLink } from './source-chains';
import { IN_SCOPE, scopeParams, visible, type ReaderScope } from './access';
import { describeChain, extractNumbers, independentOutlets, jaccard, numbersDiffer, significantWords, verdictOf, type Verdict } from '@/lib/corroboration';

export type MemberSource = {
  id: number;
  outlet: string;
  title: string;
  url: string | null;
  publishedOn: string | null;
  reliability: string;
  credibility: number;
  quote: string;
  /** From this source to the outlet it comes from: [El País, TASS]. */
  chain: ChainLink[];
  chainText: string;
};
export type GroupMember = {
  updateId: number;
  body: string;
  occurredOn: string;
  negotiationId: number;
  negotiationName: string;
  roundName: string | null;
  numbers: number[];
  sources: MemberSource[];
};
export type CorroborationGroup = {
  id: number;
  label: string;
  consistent: boolean | null;
  note: string;
  /** For the verdict form. */
  version: number;
  createdAt: string;
  members: GroupMember[];
  outlets: string[];
  figuresDiffer: boolean;
  verdict: Verdict;
};

/**
 * Groups with their member updates, sources and citation chains: five queries plus one per level of citation,
 * whatever the number of groups. A group is seen through its updates: the reader gets only the members they may
 * see, and no group of which they see none.
 */
function loadGroups(db: DB, scope: ReaderScope, ids?: number[]): CorroborationGroup[] {
  const groups = db
    .select()
    .from(corroborations)
    .where(ids ? inArray(corroborations.id, ids) : undefined)
    .orderBy(desc(corroborations.createdAt), desc(corroborations.id))
    .all();
  if (groups.length === 0) return [];
  const links = db
    .select({ corroborationId: corroborationUpdates.corroborationId, updateId: corroborationUpdates.updateId })
    .from(corroborationUpdates)
    .where(inArray(corroborationUpdates.corroborationId, groups.map((g) => g.id)))
    .all();
  const updateIds = [...new Set(links.map((l) => l.updateId))];
  const memberRows = updateIds.length
    ? db
        .select({
          updateId: updates.id,
          body: updates.body,
          occurredOn: updates.occurredOn,
          negotiationId: updates.negotiationId,
          negotiationName: negotiations.name,
          roundName: rounds.name,
        })
        .from(updates)
        .innerJoin(negotiations, eq(negotiations.id, updates.negotiationId))
        .leftJoin(rounds, and(eq(rounds.id, updates.roundId), visible(scope, rounds.negotiationId)))
        .where(and(inArray(updates.id, updateIds), visible(scope, updates.negotiationId)))
        .orderBy(asc(updates.occurredOn), asc(updates.id))
        .all()
    : [];
  const seenIds = memberRows.map((m) => m.updateId);
  const sourceRows = seenIds.length
    ? db
        .select({
          updateId: updateSources.updateId,
          id: citedSources.id,
          outlet: citedSources.outlet,
          title: citedSources.title,
          url: citedSources.url,
          publishedOn: citedSources.publishedOn,
          reliability: citedSources.reliability,
          credibility: citedSources.credibility,
          quote: citedSources.quote,
        })
        .from(updateSources)
        .innerJoin(citedSources, eq(citedSources.id, updateSources.targetId))
        .where(inArray(updateSources.updateId, seenIds))
        .orderBy(asc(citedSources.id))
        .all()
    : [];
  const known = loadSourceChains(db, sourceRows.map((s) => s.id));
  const members = new Map<number, GroupMember>(
    memberRows.map((m) => [
      m.updateId,
      {
        ...m,
        numbers: extractNumbers(m.body),
        sources: sourceRows
          .filter((s) => s.updateId === m.updateId)
          .map(({ updateId: _, ...s }) => {
            const chain = chainOf(known, s.id);
            return { ...s, chain, chainText: describeChain(chain) };
          }),
      },
    ]),
  );
  const shown = scope.all ? groups : groups.filter((g) => links.some((l) => l.corroborationId === g.id && members.has(l.updateId)));
  return shown.map((g) => {
    const ms = links
      .filter((l) => l.corroborationId === g.id)
      .map((l) => members.get(l.updateId))
      .filter((m): m is GroupMember => !!m)
      .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.updateId - b.updateId);
    const figuresDiffer = numbersDiffer(ms.map((m) => m.numbers));
    return {
      id: g.id,
      label: g.label,
      consistent: g.consistent,
      note: g.note,
      version: g.version,
      createdAt: g.createdAt,
      members: ms,
      outlets: independentOutlets(ms.flatMap((m) => m.sources.map((s) => s.chain))).sort((a, b) => a.localeCompare(b)),
      figuresDiffer,
      verdict: verdictOf(g.consistent, figuresDiffer),
    };
  });
}

export function listCorroborations(db: DB, scope: ReaderScope): CorroborationGroup[] {
  return loadGroups(db, scope);
}

export function getCorroboration(db: DB, scope: ReaderScope, id: number): CorroborationGroup | undefined {
  return loadGroups(db, scope, [id])[0];
}

/** The groups an update belongs to (for "add to group" choices). */
export function groupsOfUpdates(db: DB, updateIds: number[]) {
  if (updateIds.length === 0) return [];
  return db
    .select({ updateId: corroborationUpdates.updateId, corroborationId: corroborations.id, label: corroborations.label })
    .from(corroborationUpdates)
    .innerJoin(corroborations, eq(corroborations.id, corroborationUpdates.corroborationId))
    .where(inArray(corroborationUpdates.updateId, updateIds))
    .all();
}

export type SuggestedPair = {
  a: { id: number; body: string; occurredOn: string; negotiationName: string };
  b: { id: number; body: string; occurredOn: string; negotiationName: string };
  sharedIssues: string[];
  sharedWords: string[];
  score: number;
  /** When one of the two is already grouped, the suggestion is to add the other to that group. */
  existingGroup: { id: number; label: string } | null;
};

/**
 * Pairs of updates that may report the same event: dates at most a day apart, at least one issue in
 * common, and overlapping significant words (Jaccard over lowercased words of four letters or more).
 * Pairs already in one group, or whose two updates sit in different groups, are left out. Best 20.
 */
export function suggestCorroborations(db: DB, scope: ReaderScope, limit = 20, minScore = 0.05): SuggestedPair[] {
  const candidates = db.$client
    .prepare(
      `SELECT a.id aId, b.id bId, group_concat(i.title, char(31)) issues
         FROM update_issues ia
         JOIN update_issues ib ON ib.issue_id = ia.issue_id AND ib.update_id > ia.update_id
         JOIN updates a ON a.id = ia.update_id
         JOIN updates b ON b.id = ib.update_id
         JOIN issues i ON i.id = ia.issue_id
        WHERE abs(julianday(a.occurred_on) - julianday(b.occurred_on)) <= 1
          AND ${IN_SCOPE('a.negotiation_id')} AND ${IN_SCOPE('b.negotiation_id')}
          AND NOT EXISTS (SELECT 1 FROM corroboration_updates ca JOIN corroboration_updates cb ON cb.corroboration_id = ca.corroboration_id
                           WHERE ca.update_id = a.id AND cb.update_id = b.id)
        GROUP BY a.id, b.id`,
    )
    .all(scopeParams(scope)) as { aId: number; bId: number; issues: string }[];
  if (candidates.length === 0) return [];
  const ids = [...new Set(candidates.flatMap((c) => [c.aId, c.bId]))];
  const rows = db
    .select({ id: updates.id, body: updates.body, occurredOn: updates.occurredOn, negotiationName: negotiations.name })
    .from(updates)
    .innerJoin(negotiations, eq(negotiations.id, updates.negotiationId))
    .where(inArray(updates.id, ids))
    .all();
  const byId = new Map(rows.map((r) => [r.id, { ...r, words: significantWords(r.body) }]));
  const groupOf = new Map<number, { id: number; label: string }>();
  for (const g of groupsOfUpdates(db, ids)) if (!groupOf.has(g.updateId)) groupOf.set(g.updateId, { id: g.corroborationId, label: g.label });

  const pairs: SuggestedPair[] = [];
  for (const c of candidates) {
    const a = byId.get(c.aId);
    const b = byId.get(c.bId);
    if (!a || !b) continue;
    const ga = groupOf.get(a.id);
    const gb = groupOf.get(b.id);
    if (ga && gb) continue;
    const score = jaccard(a.words, b.words);
    if (score < minScore) continue;
    const { words: wa, ...pa } = a;
    const { words: _, ...pb } = b;
    pairs.push({
      a: pa,
      b: pb,
      sharedIssues: c.issues.split('\u001f'),
      sharedWords: [...wa].filter((w) => b.words.has(w)).sort(),
      score,
      existingGroup: ga ?? gb ?? null,
    });
  }
  return pairs.sort((x, y) => y.score - x.score || x.a.id - y.a.id).slice(0, limit);
}
