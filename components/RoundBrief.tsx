import Link from 'next/link';
import type { ReactNode } from 'react';
import { label } from '@/lib/domain';
import { BOTTOM_LINE_LABELS, type BriefStance } from '@/lib/round-summary/brief';
import type { RoundSummary } from '@/lib/round-summary/types';
import { mediatorsWithoutPositionLine, SECTION } from '@/lib/exports/text';
import { StanceBadge } from '@/components/Badges';

/** A stance as the brief words it (BriefStance.text), with the stance held at the round as a badge. */
function Stance({ stance }: { stance: BriefStance }) {
  if (!stance.stance) return <span className="muted">{stance.text}</span>;
  if (!stance.moved) return <StanceBadge stance={stance.stance} />;
  return (
    <strong>
      {label(stance.stanceBefore!)} → <StanceBadge stance={stance.stance} />
    </strong>
  );
}

/**
 * The brief that opens the round summary, in the words every export uses (lib/round-summary/brief.ts): the
 * bottom line, where each party stands on each issue, and the homework still open (`homework` renders it).
 */
export function RoundBrief({ summary, homework }: { summary: RoundSummary; homework: ReactNode }) {
  const { brief } = summary;
  return (
    <>
      <section className="panel" aria-labelledby="s-bottom-line">
        <h2 id="s-bottom-line">{SECTION.bottomLine}</h2>
        <ul>
          {(['moved', 'agreed', 'dueNext'] as const).map((key) => (
            <li key={key}>
              <strong>{BOTTOM_LINE_LABELS[key]}:</strong> {brief.bottomLine[key]}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="s-stances">
        <h2 id="s-stances">{SECTION.stances}</h2>
        {brief.rows.length === 0 ? (
          <p className="muted">No issues.</p>
        ) : (
          <div className="table-wrap">
            <table aria-label={SECTION.stances}>
              <thead>
                <tr>
                  <th scope="col">Issue</th>
                  <th scope="col">Status</th>
                  {brief.parties.map((p) => (
                    <th scope="col" key={p.id}>
                      {p.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {brief.rows.map((row) => (
                  <tr key={row.issueId}>
                    <th scope="row">
                      <Link href={`/issues/${row.issueId}`}>{row.issueTitle}</Link>
                    </th>
                    <td>{row.statusChanged ? <strong>{row.status}</strong> : row.status}</td>
                    {row.stances.map((s) => (
                      <td key={s.partyId}>
                        <Stance stance={s} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {mediatorsWithoutPositionLine(summary) && <p className="muted small">{mediatorsWithoutPositionLine(summary)}</p>}
      </section>
      <section className="panel" aria-labelledby="s-homework-open">
        <h2 id="s-homework-open">{SECTION.homeworkOpen}</h2>
        {homework}
      </section>
    </>
  );
}
