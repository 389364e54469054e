import { formatDate } from '@/lib/dates';

/** A round's dates as an analyst reads them: firm dates, else the approximate wording. */
export function RoundDates({ startsOn, endsOn, approxDate }: { startsOn: string | null; endsOn: string | null; approxDate: string }) {
  if (!startsOn) return <span>{approxDate || <span className="muted">no date yet</span>}</span>;
  const firm = endsOn && endsOn !== startsOn ? `${formatDate(startsOn)} – ${formatDate(endsOn)}` : formatDate(startsOn);
  return (
    <span>
      {firm}
      {approxDate && <span className="muted small"> ({approxDate})</span>}
    </span>
  );
}
