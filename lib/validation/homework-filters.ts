import { HOMEWORK_STATUSES } from '@/lib/domain';

// The homework board's filters from its URL, read the same way by the board and by its spreadsheet
// downloads, so a file holds what the board shows; anything unknown or malformed is ignored.

export const HOMEWORK_STATUS_FILTERS = [...HOMEWORK_STATUSES, 'overdue', 'due_round_cancelled'] as const;

export type HomeworkBoardFilters = {
  negotiationId: number | null;
  partyId: number | null;
  issueId: number | null;
  /** Assigned at or due at this round. */
  roundId: number | null;
  status: (typeof HOMEWORK_STATUS_FILTERS)[number] | null;
};

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const idParam = (v: string | string[] | undefined) => {
  const n = Number(one(v));
  return Number.isInteger(n) && n > 0 ? n : null;
};

export function parseHomeworkParams(raw: Raw): { filters: HomeworkBoardFilters; page: number | null } {
  const status = one(raw.status);
  return {
    filters: {
      negotiationId: idParam(raw.negotiation),
      partyId: idParam(raw.party),
      issueId: idParam(raw.issue),
      roundId: idParam(raw.round),
      status: (HOMEWORK_STATUS_FILTERS as readonly string[]).includes(status) ? (status as HomeworkBoardFilters['status']) : null,
    },
    page: idParam(raw.page),
  };
}

/** The filters as a query string, in a fixed order, for saved views, shared links and downloads. */
export function homeworkQuery(filters: HomeworkBoardFilters): string {
  return new URLSearchParams(
    Object.entries({ negotiation: filters.negotiationId, party: filters.partyId, issue: filters.issueId, round: filters.roundId, status: filters.status })
      .filter(([, v]) => v)
      .map(([k, v]) => [k, String(v)]),
  ).toString();
}
