import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { cachedRead } from '@/db/read-cache';
import { roundSummary } from '@/db/queries/round-summary';
import type { SummaryHomework, SummarySource } from '@/lib/round-summary/types';
import { currentReader, requireReader } from '@/server/auth/reader';
import type { ReaderScope } from '@/db/queries/access';
import { MarkingBanner } from '@/components/MarkingBanner';
import { formatDate, todayIso } from '@/lib/dates';
import { label } from '@/lib/domain';
import { delegationLine, homeworkDue, keyDateWhen, keyDatesNote, paragraphs, roundDates, roundLine, roundStatusText, SECTION, updateDate } from '@/lib/exports/text';
import { parseId } from '@/lib/ids';
import { StanceBadge, StatusBadge } from '@/components/Badges';
import { Markdown } from '@/components/Markdown';
import { PrintButton } from '@/components/PrintButton';
import { RoundExportLinks } from '@/components/RoundExportLinks';
import { RoundBrief } from '@/components/RoundBrief';
import { SourceCitation } from '@/components/SourceCitation';
import { NOT_FOUND_TITLE } from '@/app/not-found-title';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

const summaryOf = (id: string, scope: ReaderScope) => {
  const roundId = parseId(id);
  const [db, today] = [getDb(), todayIso()];
  // Shared with the downloads and every reader who sees the same negotiations until the next write (db/read-cache.ts).
  return roundId !== null ? cachedRead(db, scope, ['round-summary', roundId, today], (seen) => roundSummary(db, seen, roundId, today)) : undefined;
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const reader = await currentReader();
  const summary = reader ? summaryOf((await params).id, reader.scope) : undefined;
  return { title: summary ? `Summary: ${summary.round.name}` : NOT_FOUND_TITLE };
}

function Source({ source }: { source: SummarySource | null }) {
  if (!source) return <div className="citation">No source cited.</div>;
  return (
    <SourceCitation
      citation={{
        sourceId: source.id,
        sourceOutlet: source.citedOutlet ? `${source.outlet} (citing ${source.citedOutlet})` : source.outlet,
        sourceTitle: source.title,
        sourceUrl: source.url && /^https?:/i.test(source.url) ? source.url : null,
        sourcePublishedOn: source.publishedOn,
        sourcePublishedOnPrecision: source.publishedOnPrecision,
        sourcePublishedOnLabel: source.publishedOnLabel,
        sourceReliability: source.reliability,
        sourceCredibility: source.credibility,
        sourceQuote: source.quote,
      }}
    />
  );
}

function HomeworkTable({ items, caption, empty = 'None recorded.' }: { items: SummaryHomework[]; caption: string; empty?: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="table-wrap">
      <table aria-label={caption}>
        <thead>
          <tr>
            <th scope="col">Homework</th>
            <th scope="col">Owners</th>
            <th scope="col">Issue</th>
            <th scope="col">Assigned at</th>
            <th scope="col">Due</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {items.map((h) => (
            <tr key={h.id}>
              <td>
                <strong>{h.title}</strong>
                {h.vague && <div className="muted small">Logged as reported, to be refined.</div>}
                {h.resolution && <div className="small">Resolution: {h.resolution}</div>}
              </td>
              <td>{h.owners.join(', ') || '—'}</td>
              <td>{h.issueTitle ?? '—'}</td>
              <td>{h.assignedRound ?? '—'}</td>
              <td>{homeworkDue(h) || '—'}</td>
              <td>
                <span className={`badge ${h.overdue || h.state === 'due_round_cancelled' ? 'overdue' : 'status'}`}>{label(h.state)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function RoundSummaryPage({ params }: Params) {
  const { scope } = await requireReader();
  const summary = summaryOf((await params).id, scope);
  if (!summary) notFound();
  const { round } = summary;

  return (
    <article className="summary-doc">
      <MarkingBanner marking={summary.negotiation.marking} />
      <p className="small no-print">
        <Link href={`/negotiations/${summary.negotiation.id}`}>{summary.negotiation.name}</Link> ›{' '}
        <Link href={`/rounds/${round.id}`}>{round.name}</Link> › Summary
      </p>
      <div className="spread">
        <h1>Round summary: {round.name}</h1>
        <PrintButton />
      </div>
      <p className="muted">{summary.negotiation.name}</p>
      <p className="small muted">{roundLine(summary)}</p>
      <RoundExportLinks roundId={round.id} />

      <RoundBrief summary={summary} homework={<HomeworkTable items={summary.brief.homeworkDue} caption={SECTION.homeworkOpen} empty="No homework open." />} />

      <h2 className="annex">{SECTION.annex}</h2>
      <section className="panel" aria-labelledby="s-facts">
        <h3 id="s-facts">{SECTION.facts}</h3>
        <dl className="facts">
          <dt>Dates</dt>
          <dd>{roundDates(summary)}</dd>
          <dt>Venue</dt>
          <dd>{round.venue || 'not known'}</dd>
          <dt>Format</dt>
          <dd>{label(round.format)}</dd>
          <dt>Status</dt>
          <dd>{roundStatusText(summary)}</dd>
          <dt>Delegation heads</dt>
          <dd>{delegationLine(summary)}</dd>
        </dl>
      </section>

      {round.summary && (
        <section className="panel" aria-labelledby="s-happened">
          <h3 id="s-happened">{SECTION.roundSummary}</h3>
          {paragraphs(round.summary).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      )}

      <section aria-labelledby="s-issues">
        <h3 id="s-issues">{SECTION.issues}</h3>
        {summary.agendaWasEmpty && <p className="muted">The agenda of this round is empty: every issue of the negotiation is listed.</p>}
        {summary.issues.map((issue) => (
          <section key={issue.id} className="panel summary-issue" aria-labelledby={`s-issue-${issue.id}`}>
            <h4 id={`s-issue-${issue.id}`}>
              <Link href={`/issues/${issue.id}`}>{issue.title}</Link>
            </h4>
            {issue.otherNegotiation && <p className="muted small">Issue of {issue.negotiationName}.</p>}
            <p>
              Status before the round: <StatusBadge status={issue.statusBefore} />
              {issue.statusBeforeIsFirstRecorded && <span className="muted small"> (first recorded)</span>} → after:{' '}
              <StatusBadge status={issue.statusAfter} /> <strong>{issue.statusChanged ? 'changed' : 'unchanged'}</strong>
              <span className="muted small"> · priority {label(issue.priority)}</span>
            </p>
            <div className="table-wrap">
              <table aria-label={`Positions on ${issue.title} at ${round.name}`}>
                <thead>
                  <tr>
                    <th scope="col">Party</th>
                    <th scope="col">Position at the round</th>
                    <th scope="col">What changed</th>
                  </tr>
                </thead>
                <tbody>
                  {issue.positions.map((row) => (
                    <tr key={row.partyId}>
                      <th scope="row">{row.partyName}</th>
                      {row.position ? (
                        <>
                          <td>
                            <div className="row">
                              <StanceBadge stance={row.position.stance} />
                              <span className="small muted">
                                flexibility {label(row.position.flexibility)} · as of {formatDate(row.position.asOf)}
                                {row.position.atThisRound ? ' · recorded at this round' : ''}
                              </span>
                            </div>
                            <div>{row.position.summary}</div>
                            {row.position.redLines && <div className="small">Red lines: {row.position.redLines}</div>}
                            <Source source={row.position.source} />
                          </td>
                          <td>{row.position.change}</td>
                        </>
                      ) : (
                        <td colSpan={2} className="muted">
                          No position recorded.
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </section>

      <section className="panel" aria-labelledby="s-outcomes">
        <h3 id="s-outcomes">{SECTION.outcomes}</h3>
        {summary.outcomes.length === 0 ? (
          <p className="muted">No outcomes recorded.</p>
        ) : (
          <ul>
            {summary.outcomes.map((o) => (
              <li key={o.id}>
                {o.text}
                {o.issueTitle && <span className="muted small"> ({o.issueTitle})</span>}
                <Source source={o.source} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="s-hw-assigned">
        <h3 id="s-hw-assigned">{SECTION.homeworkAssigned}</h3>
        <HomeworkTable items={summary.homeworkAssigned} caption={SECTION.homeworkAssigned} />
      </section>
      <section className="panel" aria-labelledby="s-hw-due">
        <h3 id="s-hw-due">{SECTION.homeworkDue}</h3>
        <HomeworkTable items={summary.homeworkDue} caption={SECTION.homeworkDue} />
      </section>

      <section className="panel" aria-labelledby="s-updates">
        <h3 id="s-updates">{SECTION.updates}</h3>
        {summary.keyUpdates.length === 0 ? (
          <p className="muted">No updates recorded for this round.</p>
        ) : (
          <ol className="history">
            {summary.keyUpdates.map((u) => (
              <li key={u.id}>
                <div className="row">
                  <strong>{updateDate(u)}</strong>
                  {u.issues.length > 0 && <span className="small">{u.issues.join(', ')}</span>}
                  {u.parties.length > 0 && <span className="small muted">{u.parties.join(', ')}</span>}
                </div>
                <Markdown text={u.body} />
                {u.sources.map((s) => (
                  <Source key={s.id} source={s} />
                ))}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="panel" aria-labelledby="s-dates">
        <h3 id="s-dates">{SECTION.keyDates}</h3>
        <p className="small muted">{keyDatesNote(summary)}</p>
        {summary.keyDates.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <div className="table-wrap">
            <table aria-label={SECTION.keyDates}>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">What</th>
                  <th scope="col">Issue</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {summary.keyDates.map((k) => (
                  <tr key={k.issueId}>
                    <td>{formatDate(k.date)}</td>
                    <td>{k.label || 'key date'}</td>
                    <td>
                      {k.issueTitle} <span className="muted small">({k.negotiationName})</span>
                    </td>
                    <td>{keyDateWhen(summary, k)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p className="small muted">Generated on {formatDate(summary.today)}.</p>
    </article>
  );
}
