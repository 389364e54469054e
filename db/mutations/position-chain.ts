import type Database from 'better-sqlite3';
import type { Flexibility, Stance } from '@/lib/domain';
import { clientOf, type Executor } from '@/db/types';

/** One version of a party's position on an issue, as stored. */
export type PositionVersion = {
  issueId: number;
  partyId: number;
  summary: string;
  stance: Stance;
  redLines: string;
  flexibility: Flexibility;
  asOf: string;
  sourceId: number | null;
  roundId: number | null;
  updateId: number | null;
  createdBy: number | null;
  /** Only the benchmark's generator dates its rows; everyone else records "now". */
  createdAt?: string;
};

type Statements = { current: Database.Statement; retire: Database.Statement; insert: Database.Statement };
const prepared = new WeakMap<Database.Database, Statements>();

function statementsOf(client: Database.Database): Statements {
  let s = prepared.get(client);
  if (!s) {
    s = {
      current: client.prepare('SELECT id FROM positions WHERE issue_id = ? AND party_id = ? AND is_current = 1'),
      retire: client.prepare('UPDATE positions SET is_current = 0 WHERE id = ?'),
      insert: client.prepare(
        `INSERT INTO positions (issue_id, party_id, summary, stance, red_lines, flexibility, as_of, source_id, round_id, update_id,
                                supersedes_id, is_current, created_by, created_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ','now')))`,
      ),
    };
    prepared.set(client, s);
  }
  return s;
}

/**
 * The one writer of a position's history (docs/decisions/0003): the new version supersedes the
 * current one of its issue and party, which stops being current. The mutations, the importer and
 * the benchmark's generator all append through here, inside the caller's transaction. Statements
 * are prepared once per connection, since an import appends tens of thousands of versions.
 */
export function appendPosition(db: Executor, v: PositionVersion): { id: number; supersededId: number | null } {
  const s = statementsOf(clientOf(db));
  const current = s.current.get(v.issueId, v.partyId) as { id: number } | undefined;
  if (current) s.retire.run(current.id);
  const { lastInsertRowid } = s.insert.run(
    v.issueId,
    v.partyId,
    v.summary,
    v.stance,
    v.redLines,
    v.flexibility,
    v.asOf,
    v.sourceId,
    v.roundId,
    v.updateId,
    current?.id ?? null,
    v.createdBy,
    v.createdAt ?? null,
  );
  return { id: Number(lastInsertRowid), supersededId: current?.id ?? null };
}
