import { label } from '@/lib/domain';

export function StanceBadge({ stance }: { stance: string }) {
  return <span className={`badge stance-${stance}`}>{label(stance)}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status status-${status}`}>{label(status)}</span>;
}

/** Days to a date, or to the end of a vague date's window (`estimated`), which once passed is "overdue (estimated)". */
export function DaysLeft({ days, estimated = false }: { days: number; estimated?: boolean }) {
  if (estimated && days < 0) return <span className="days-left overdue">overdue (estimated)</span>;
  const text = days === 0 ? 'today' : days > 0 ? `${estimated ? 'about ' : ''}${days} day${days === 1 ? '' : 's'} left` : `${-days} day${days === -1 ? '' : 's'} ago`;
  return <span className={`days-left${days >= 0 && days <= 14 ? ' soon' : ''}`}>{text}</span>;
}
