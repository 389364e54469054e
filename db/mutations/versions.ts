import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { auditLog, users } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/roles';
import { describeFields, refusalMessage, type Field } from '@/lib/stale-edit';

// Lost updates, as a class: every edit form carries the version of the record it was opened on, and every
// write of that record goes through here. A save from an older version is refused, naming who changed what
// since, and writes nothing; the form keeps what was typed (server/form-action.ts) and now holds the version
// it was refused on, so saving again, once reviewed, goes through. The database moves a version on any
// write that forgets to (the triggers of migration 0005), so no write path can slip under a stale form.

export type Snapshot = { version: number } & Record<string, unknown>;

/** A record an edit form is opened on: what it is, where its writes are recorded, and how to read it. */
export type VersionedRecord<S extends Snapshot> = {
  /** How a refusal names it: "this negotiation", "the seat of Russia". */
  what: string;
  /** What a refusal says when it did not exist yet when the form was opened: "seated Russia at this negotiation". */
  added?: string;
  /**
   * The audit rows of its writes (each carries the version the write left in `after`): their entity (the
   * first is the default for a write; a part may record under its own, "round_agenda"), the record's id and,
   * for a record with a two-part key, the other part (a judgement's round), matched in the row's JSON.
   */
  audit: { entities: readonly [string, ...string[]]; entityId: number; key?: Record<string, number> };
  /** The record as its forms show it, parts included, with its version; undefined while it does not exist. */
  read(): S | undefined;
  /** Moves the version on, for a write that changed only a part kept in another table (a round's agenda). */
  bump(): void;
  /** The fields a refusal may name, by the keys of the snapshot and of its audit rows, in the form's order. */
  fields: Record<string, Field>;
};

/** Why a save was refused: who changed the record since its form was opened, and the sentences saying what. */
export type Stale = { what: string; added?: string; by: number[]; changes: string[] };

// Only rows written by writeVersioned reach here (their `after` carries a version): objects, or null
// for what did not exist before its creation.
const parse = (text: string | null): Record<string, unknown> => JSON.parse(text ?? 'null') ?? {};

/** The keys whose values differ between an audit row's before and after (all of them for a creation). */
function changedKeys(beforeText: string | null, afterText: string | null): string[] {
  const before = parse(beforeText);
  const after = parse(afterText);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** What the audit log says changed in the record after version `opened`: who wrote, and which fields moved. */
export function changesSince<S extends Snapshot>(tx: Executor, record: VersionedRecord<S>, opened: number): { by: number[]; keys: Set<string> } {
  const { entities, entityId, key = {} } = record.audit;
  const conditions: SQL[] = [
    inArray(auditLog.entity, [...entities]),
    eq(auditLog.entityId, entityId),
    gt(sql`json_extract(${auditLog.after}, '$.version')`, opened),
    ...Object.entries(key).map(([name, value]) => sql`json_extract(${auditLog.after}, ${`$.${name}`}) = ${value}`),
  ];
  const rows = tx
    .select({ userId: auditLog.userId, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(asc(auditLog.id))
    .all();
  const by = [...new Set(rows.map((r) => r.userId).filter((id): id is number => id !== null))];
  return { by, keys: new Set(rows.flatMap((r) => changedKeys(r.before, r.after))) };
}

/** The refusal's words, with the names of those who saved since. */
export function staleMessage(tx: Executor, user: CurrentUser | null, stale: Stale): string {
  const others = stale.by.filter((id) => id !== user?.id);
  const names = others.length ? tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, others)).all() : [];
  return refusalMessage({
    what: stale.what,
    added: stale.added,
    others: others.map((id) => names.find((n) => n.id === id)?.name ?? 'another user'),
    self: stale.by.length > others.length,
    changes: stale.changes,
  });
}

/**
 * The check every edit makes: the version its form was opened on (null: a change that comes with another
 * record's form, such as a status change an update brings, which builds on whatever is current) must be
 * the one now. `explain` is asked only on a refusal.
 */
export function assertVersion(tx: Executor, user: CurrentUser | null, opened: number | null, current: number, explain: () => Stale): void {
  if (opened === null || opened === current) return;
  throw new ConflictError(staleMessage(tx, user, explain()));
}

// A record made since the form was opened is described by what it was given, not by its empty fields
// (a snapshot read from SQLite holds null or '' for those, never undefined).
const isEmpty = (value: unknown) => value === null || value === '';

/**
 * The refusal for a record kept in the audit log: the fields that moved since `opened` (for one made since,
 * those it was given), else everything it shows now.
 */
function explainFromAudit<S extends Snapshot>(tx: Executor, record: VersionedRecord<S>, now: S, opened: number): Stale {
  const { by, keys } = changesSince(tx, record, opened);
  const moved = new Set([...keys].filter((k) => opened > 0 || !isEmpty(now[k])));
  const changes = describeFields(record.fields, now, moved);
  return {
    what: record.what,
    added: opened === 0 ? record.added : undefined,
    by,
    changes: changes.length ? changes : describeFields(record.fields, now, new Set(Object.keys(record.fields))),
  };
}

/** How a write is recorded: under a part's own entity ("round_agenda"), or with a fact its snapshot cannot show ({ password: 'changed' }). */
export type WriteOptions = { entity?: string; noted?: Record<string, unknown> };

/**
 * One write of a versioned record, the way every edit goes: reads it, checks the version its form was
 * opened on (0: it did not exist yet; null: see assertVersion), lets `write` change it, moves its version
 * on if the write did not, and records before and after, each with its version, in the audit log, where a
 * later refusal reads what changed. `user` is null only for the shell command. Returns the record as written.
 */
export function writeVersioned<S extends Snapshot>(
  tx: Executor,
  user: CurrentUser | null,
  record: VersionedRecord<S>,
  opened: number | null,
  write: (before: S | undefined) => void,
  { entity = record.audit.entities[0], noted = {} }: WriteOptions = {},
): S {
  const before = record.read();
  if (!before && opened) throw new NotFoundError(`${record.what[0].toUpperCase()}${record.what.slice(1)}`);
  assertVersion(tx, user, opened, before?.version ?? 0, () => explainFromAudit(tx, record, before!, opened ?? 0));
  write(before);
  // Every write here makes or changes the record, never removes it.
  let after = record.read()!;
  if (before && after.version === before.version) {
    record.bump();
    after = record.read()!;
  }
  recordAudit(tx, {
    userId: user?.id ?? null,
    action: before ? 'update' : 'create',
    entity,
    entityId: record.audit.entityId,
    before: before ?? null,
    after: { ...record.audit.key, ...after, ...noted },
  });
  return after;
}
