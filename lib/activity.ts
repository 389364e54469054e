// Human words for an audit row: "recorded a position: Rejects any settlement…".

export type AuditLike = { action: string; entity: string; entityId: number | null; before: string | null; after: string | null };

type Json = Record<string, unknown>;

function parse(text: string | null): Json | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Json) : null;
  } catch {
    return null;
  }
}

const ENTITY_WORDS: Record<string, string> = {
  position: 'a position',
  issue: 'an issue',
  homework: 'homework',
  negotiation: 'a negotiation',
  negotiation_party: 'a seat at the table',
  party: 'a party',
  actor: 'an actor',
  source: 'a source',
  update: 'an update',
  round: 'a round',
  outcome: 'an outcome',
  status_change: 'a status change',
  convergence: 'a convergence judgement',
  corroboration: 'a group of corroborating updates',
};
const VERBS: Record<string, string> = { create: 'added', update: 'changed', delete: 'deleted', import: 'imported' };

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function clip(value: string, max = 140): string {
  const plain = value.replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

export function summarizeActivity(row: AuditLike): string {
  const before = parse(row.before);
  const after = parse(row.after);
  const data = after ?? before ?? {};
  const verb = row.entity === 'position' && row.action === 'create' ? 'recorded' : (VERBS[row.action] ?? row.action);
  const what = ENTITY_WORDS[row.entity] ?? row.entity.replace(/_/g, ' ');
  let detail = text(data.title) ?? text(data.label) ?? text(data.name) ?? text(data.summary) ?? text(data.body) ?? text(data.outlet);
  if (row.entity === 'convergence' && typeof data.distance === 'number') {
    detail = `distance ${data.distance}${before && typeof before.distance === 'number' && before.distance !== data.distance ? ` (was ${before.distance})` : ''}${text(data.note) ? `: ${text(data.note)}` : ''}`;
  }
  if ((row.entity === 'issue' || row.entity === 'homework') && before && after && before.status !== after.status && after.status) {
    detail = `${detail ?? ''} — status ${String(before.status).replace(/_/g, ' ')} → ${String(after.status).replace(/_/g, ' ')}`.trim();
  }
  if (row.entity === 'corroboration' && before && after && before.consistent !== after.consistent) {
    const mark = after.consistent === true ? 'consistent' : after.consistent === false ? 'inconsistent' : 'not judged';
    detail = `${detail ?? ''} — marked ${mark}`;
  }
  return `${verb} ${what}${detail ? `: ${clip(detail)}` : ''}`;
}

/** Where the changed thing can be seen, when the app has a page for it. */
export function activityHref(row: AuditLike): string | null {
  const data = parse(row.after) ?? parse(row.before) ?? {};
  const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);
  const issueId = num(data.issueId);
  switch (row.entity) {
    case 'issue':
      return row.entityId ? `/issues/${row.entityId}` : null;
    case 'position':
    case 'status_change':
      return issueId ? `/issues/${issueId}` : null;
    case 'convergence':
      return row.entityId ? `/issues/${row.entityId}/convergence` : null;
    case 'corroboration':
      return row.action !== 'delete' && row.entityId ? `/corroborations/${row.entityId}` : null;
    case 'homework':
      return row.entityId ? `/homework/${row.entityId}` : null;
    case 'negotiation':
      return row.entityId ? `/negotiations/${row.entityId}` : null;
    case 'round':
      return row.entityId ? `/rounds/${row.entityId}` : null;
    case 'update': {
      const negotiationId = num(data.negotiationId);
      return negotiationId ? `/negotiations/${negotiationId}` : null;
    }
    default:
      return null;
  }
}
