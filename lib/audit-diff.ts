/** One key that differs between the before and after of an audit row. */
export type AuditChange = { key: string; before: string; after: string };

const NOISE = new Set(['updatedAt', 'passwordHash', 'tokenHash']);

function parse(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : { value };
  } catch {
    return { value: text };
  }
}

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** Only the keys that changed (all keys of a creation or deletion), secrets left out. */
export function auditChanges(beforeText: string | null, afterText: string | null): AuditChange[] {
  const before = parse(beforeText) ?? {};
  const after = parse(afterText) ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !NOISE.has(k));
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ key: k, before: show(before[k]), after: show(after[k]) }));
}
