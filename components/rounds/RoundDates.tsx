import { formatDate } from '@/lib/dates';
import { vagueRoundPassed } from '@/lib/homework';
import type { RoundStatus } from '@/lib/domain';
import { formatStoredDate } from '@/lib/partial-date';

type Dated = {
  status?: RoundStatus;
  startsOn: string | null;
  startsOnPrecision?: string;
  startsOnLabel?: string;
  endsOn: string | null;
  approxDate: string;
};

/**
 * A round's dates as an analyst reads them: firm dates, or as precisely as reported ("May 2025", "in the
 * coming weeks (est. by 19 Mar 2026)"), with what reports said beside them; a planned round whose estimated
 * window has passed (given `today`) is marked "overdue (estimated)".
 */
export function RoundDates({ round, today }: { round: Dated; today?: string }) {
  const { startsOn, endsOn, approxDate } = round;
  if (!startsOn) return <span>{approxDate || <span className="muted">no date yet</span>}</span>;
  const start = formatStoredDate(startsOn, round.startsOnPrecision, round.startsOnLabel);
  const firm = endsOn && endsOn !== startsOn ? `${start} – ${formatDate(endsOn)}` : start;
  const late = today !== undefined && round.status !== undefined && vagueRoundPassed({ status: round.status, startsOn, startsOnPrecision: round.startsOnPrecision, startsOnLabel: round.startsOnLabel }, today);
  return (
    <span>
      {firm}
      {approxDate && <span className="muted small"> ({approxDate})</span>}
      {late && (
        <>
          {' '}
          <span className="badge overdue">overdue (estimated)</span>
        </>
      )}
    </span>
  );
}
