import Link from 'next/link';
import { FilterSelect, type FilterOption } from '@/components/ui/FilterSelect';
import { ISSUE_STATUSES, PRIORITIES, label } from '@/lib/domain';
import type { DashboardParams } from '@/lib/validation/dashboard-filters';

/** The matrix's filters, kept in the address (a GET form) so a filtered dashboard can be shared and saved. */
export function DashboardFilters({
  params,
  negotiations,
  parties,
}: {
  params: DashboardParams;
  negotiations: FilterOption[];
  parties: FilterOption[];
}) {
  const select = (name: string, text: string, options: FilterOption[], value?: string | number) => <FilterSelect id={`dash-${name}`} name={name} label={text} all="all" value={value} options={options} />;
  return (
    <form method="get" action="/" className="filter-bar" role="search" aria-label="Filter the dashboard">
      <div className="filters">
        {select('negotiation', 'Negotiation', negotiations, params.negotiation)}
        {select('party', 'Party', parties, params.party)}
        {select('status', 'Status', ISSUE_STATUSES.map((st) => ({ value: st, label: label(st) })), params.status)}
        {select('priority', 'Priority', PRIORITIES.map((pr) => ({ value: pr, label: label(pr) })), params.priority)}
        <div className="field">
          <label htmlFor="dash-stale">Quiet for (days)</label>
          <input id="dash-stale" type="number" name="stale" min={1} max={3650} defaultValue={params.stale} />
        </div>
        <div className="filter-actions">
          <button type="submit">Apply filters</button>
          <Link href="/">Clear</Link>
        </div>
      </div>
    </form>
  );
}
