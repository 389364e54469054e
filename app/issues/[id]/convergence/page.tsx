import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getIssue, positionHistory } from '@/db/queries/issues';
import { convergenceOfIssue } from '@/db/queries/convergence';
import { listSeatedParties } from '@/db/queries/negotiations';
import { currentReader, requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { MarkingBanner } from '@/components/MarkingBanner';
import { hasRole } from '@/lib/roles';
import { formatDate } from '@/lib/dates';
import { DISTANCE_LABELS, trendOf } from '@/lib/convergence';
import { parseId } from '@/lib/ids';
import { ConvergenceChart } from '@/components/ConvergenceChart';
import { StanceChart } from '@/components/StanceChart';
import { TrendArrow } from '@/components/TrendArrow';
import { ConvergenceForm } from '@/components/forms/ConvergenceForm';
import { recordConvergenceAction } from './actions';
import { NOT_FOUND_TITLE } from '@/app/not-found-title';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = parseId((await params).id);
  const reader = await currentReader();
  const found = id !== null && reader ? getIssue(getDb(), reader.scope, id) : undefined;
  return { title: found ? `Convergence: ${found.issue.title}` : NOT_FOUND_TITLE };
}

export default async function ConvergencePage({ params }: Params) {
  const { scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const found = getIssue(db, scope, id);
  if (!found) notFound();
  const { issue, negotiationName, marking } = found;
  const points = convergenceOfIssue(db, scope, issue.id);
  const judged = points.filter((p) => p.distance !== null);
  const trend = trendOf(judged.map((p) => p.distance!)) ?? undefined;
  const history = positionHistory(db, scope, issue.id);
  const parties = listSeatedParties(db, scope, issue.negotiationId);
  const canWrite = hasRole(roleIn(scope, issue.negotiationId)!, 'analyst');

  return (
    <>
      <MarkingBanner marking={marking} />
      <p className="small">
        <Link href={`/negotiations/${issue.negotiationId}`}>{negotiationName}</Link> › <Link href={`/issues/${issue.id}`}>{issue.title}</Link>
      </p>
      <h1>Convergence: {issue.title}</h1>

      <section className="panel" aria-labelledby="distance-heading">
        <div className="spread">
          <h2 id="distance-heading" style={{ marginTop: 0 }}>
            How far apart the parties are, round by round
          </h2>
          <span>
            Trend: <TrendArrow trend={trend} />
          </span>
        </div>
        <p className="small muted">An analyst&apos;s judgement at each round: 0 aligned, 1 close, 2 apart, 3 far apart, 4 irreconcilable.</p>
        <div className="table-wrap">
          <ConvergenceChart title={issue.title} points={points.map((p) => ({ label: p.roundName, distance: p.distance, note: p.note ?? '' }))} />
        </div>
        {judged.length > 0 && (
          <ol className="history">
            {judged.map((p) => (
              <li key={p.roundId}>
                <div className="row">
                  <strong>{p.roundName}</strong>
                  <span className="badge status">{DISTANCE_LABELS[p.distance!]}</span>
                  <span className="muted small">
                    judged {formatDate(p.assessedAt)}
                    {p.assessedBy ? ` by ${p.assessedBy}` : ''}
                  </span>
                </div>
                {p.note && <div>{p.note}</div>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="panel" aria-labelledby="stances-heading">
        <h2 id="stances-heading" style={{ marginTop: 0 }}>
          Stances by party over time
        </h2>
        <div className="table-wrap">
          <StanceChart
            title={issue.title}
            parties={parties}
            positions={history.map((p) => ({ id: p.id, partyId: p.partyId, asOf: p.asOf, stance: p.stance, summary: p.summary }))}
          />
        </div>
      </section>

      {canWrite && (
        <section className="panel" aria-labelledby="judge-heading">
          <h2 id="judge-heading" style={{ marginTop: 0 }}>
            Record a judgement for a round
          </h2>
          <ConvergenceForm action={recordConvergenceAction} issueId={issue.id} rounds={points.map((p) => ({ value: String(p.roundId), label: p.roundName, version: p.version }))} />
        </section>
      )}
    </>
  );
}
