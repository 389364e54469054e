import { ISSUE_STATUSES, PRIORITIES, type IssueStatus, type Priority } from '@/lib/domain';

export type DashboardFilters = { negotiation?: number; party?: number; status?: IssueStatus; priority?: Priority };
export type DashboardParams = DashboardFilters & { stale: number; page: number };

export const DEFAULT_STALE_DAYS = 30;

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
const positiveInt = (v: string) => (/^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : undefined);

/** The dashboard's filters from its URL; anything unknown or malformed is ignored, so a shared link never breaks the page. */
export function parseDashboardParams(raw: Raw): DashboardParams {
  const status = one(raw.status);
  const priority = one(raw.priority);
  const stale = positiveInt(one(raw.stale));
  return {
    negotiation: positiveInt(one(raw.negotiation)),
    party: positiveInt(one(raw.party)),
    status: (ISSUE_STATUSES as readonly string[]).includes(status) ? (status as IssueStatus) : undefined,
    priority: (PRIORITIES as readonly string[]).includes(priority) ? (priority as Priority) : undefined,
    stale: stale && stale <= 3650 ? stale : DEFAULT_STALE_DAYS,
    page: positiveInt(one(raw.page)) ?? 1,
  };
}

/** The canonical query string of a set of filters and a page (what a link shares; a saved view stores it without the page). */
export function dashboardQuery(p: DashboardParams): string {
  const q = new URLSearchParams();
  if (p.negotiation) q.set('negotiation', String(p.negotiation));
  if (p.party) q.set('party', String(p.party));
  if (p.status) q.set('status', p.status);
  if (p.priority) q.set('priority', p.priority);
  if (p.stale !== DEFAULT_STALE_DAYS) q.set('stale', String(p.stale));
  if (p.page > 1) q.set('page', String(p.page));
  return q.toString();
}
