import { label } from '@/lib/domain';

export function StanceBadge({ stance }: { stance: string }) {
  return <span className={`badge stance-${stance}`}>{label(stance)}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status status-${status}`}>{label(status)}</span>;
}

export function DaysLeft({ days }: { days: number }) {
  const text = days === 0 ? 'today' : days > 0 ? `${days} day${days === 1 ? '' : 's'} left` : `${-days} day${days === -1 ? '' : 's'} ago`;
  return <span className={`days-left${days >= 0 && days <= 14 ? ' soon' : ''}`}>{text}</span>;
}
