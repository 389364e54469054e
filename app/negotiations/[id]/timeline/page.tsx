import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getNegotiation, listIssuesOf, listSeatedParties } from '@/db/queries/negotiations';
import { groupByRound, timeline } from '@/db/queries/timeline';
import { requireReader } from '@/server/auth/reader';
import { MarkingBanner } from '@/components/MarkingBanner';
import { Timeline } from '@/components/Timeline';
import { parseId } from '@/lib/ids';
import { FilterSelect } from '@/components/ui/FilterSelect';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Timeline' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };
const num = (v: string | undefined) => (v && Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : undefined);

/** Updates, position and status changes across a negotiation's issues, newest first; `?by=round` groups by round. */
export default async function NegotiationTimelinePage({ params, searchParams }: Props) {
  const { scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const negotiation = getNegotiation(db, scope, id);
  if (!negotiation) notFound();
  const query = await searchParams;
  const issueList = listIssuesOf(db, scope, id);
  const partyList = listSeatedParties(db, scope, id);
  const issueId = issueList.some((i) => i.id === num(query.issue)) ? num(query.issue) : undefined;
  const partyId = partyList.some((p) => p.id === num(query.party)) ? num(query.party) : undefined;
  const byRound = query.by === 'round';
  const events = timeline(db, scope, { negotiationId: id, issueId, partyId });

  return (
    <div data-negotiation-id={id} data-issue-id={issueId}>
      <MarkingBanner marking={negotiation.marking} />
      <p className="small">
        <Link href={`/negotiations/${id}`}>{negotiation.name}</Link>
      </p>
      <h1>Timeline</h1>
      <form method="get" className="panel row no-print" aria-label="Filter the timeline">
        <FilterSelect id="tl-issue" name="issue" label="Issue" all="All issues" value={issueId} options={issueList.map((i) => ({ value: i.id, label: i.title }))} />
        <FilterSelect id="tl-party" name="party" label="Party" all="All parties" value={partyId} options={partyList.map((p) => ({ value: p.id, label: p.name }))} />
        <FilterSelect id="tl-by" name="by" label="Order" all="Newest first" value={byRound ? 'round' : ''} options={[{ value: 'round', label: 'Grouped by round' }]} />
        <button type="submit" className="secondary">
          Show
        </button>
        <Link href={`/negotiations/${id}/since-last-round`}>What changed since the last round</Link>
      </form>
      {byRound ? (
        groupByRound(events).map((group) => (
          <section key={group.round?.id ?? 'none'} className="panel" aria-labelledby={`round-${group.round?.id ?? 'none'}`}>
            <h2 id={`round-${group.round?.id ?? 'none'}`}>{group.round ? group.round.name : 'Not tied to a round'}</h2>
            <Timeline events={group.events} />
          </section>
        ))
      ) : (
        <section className="panel" aria-label="Events, newest first">
          <Timeline events={events} />
        </section>
      )}
    </div>
  );
}
