// Where a record is shown in the app. Queries say what a row is (a target); only this file knows the URLs.

export type Target =
  | { to: 'negotiation' | 'issue' | 'round' | 'homework' | 'update' | 'actor' | 'article'; id: number }
  | { to: 'position'; id: number; issueId: number };

export function hrefOf(target: Target | null): string {
  if (!target) return '';
  switch (target.to) {
    case 'negotiation':
      return `/negotiations/${target.id}`;
    case 'issue':
      return `/issues/${target.id}`;
    case 'position':
      return `/issues/${target.issueId}#position-${target.id}`;
    case 'round':
      return `/rounds/${target.id}`;
    case 'homework':
      return `/homework/${target.id}`;
    case 'update':
      return `/updates/${target.id}`;
    case 'actor':
      return `/parties#actor-${target.id}`;
    case 'article':
      return `/articles/${target.id}`;
  }
}
