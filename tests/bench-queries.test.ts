// No query per row (N+1): each page's data functions must run the same number of SQL statements on
// an instance four times larger. Table-driven: add a page by adding a row to PAGES.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '@/db';
import { generate } from '@/bench/generate';
import { pickTargets } from '@/bench/targets.mjs';
import { dashboardMatrix } from '@/db/queries/dashboard';
import { listDeadlines } from '@/db/queries/deadlines';
import { getIssue, positionHistory, statusHistory } from '@/db/queries/issues';
import { listRoundsOf, listSeatedParties } from '@/db/queries/negotiations';
import { listSourceChoices } from '@/db/queries/sources';
import { search } from '@/db/queries/search';
import { getRoundPage, positionAtRound } from '@/db/queries/rounds';
import { roundSummary } from '@/db/queries/round-summary';
import { sinceLastRound } from '@/db/queries/since-last-round';
import { listHomework } from '@/db/queries/homework';
import { needsAttention } from '@/db/queries/attention';
import { exportNegotiationJson } from '@/db/queries/export-negotiation';
import { readerScope, wholeInstance, type ReaderScope } from '@/db/queries/access';

type Targets = ReturnType<typeof pickTargets>;
/**
 * `cap`: the most statements the page may run, whatever the size. Search runs one facts query per
 * kind of result present, so its count moves with the mix of kinds (never with the number of rows):
 * it is bounded, not constant.
 */
type Page = { name: string; run: (db: DB, t: Targets, scope: ReaderScope) => unknown[]; cap: number; constant?: false };

/** What each page asks of the database, as the page itself calls it. */
const PAGES: Page[] = [
  { name: 'dashboard', cap: 7, run: (db, _t, scope) => [dashboardMatrix(db, scope), listDeadlines(db, scope, '2024-01-01')] },
  {
    name: 'issue page',
    cap: 6,
    run: (db, t, scope) => {
      const issue = getIssue(db, scope, t.issueId)!;
      const n = issue.issue.negotiationId;
      return [issue, listSeatedParties(db, scope, n), positionHistory(db, scope, t.issueId), statusHistory(db, scope, t.issueId), listSourceChoices(db, scope), listRoundsOf(db, scope, n)];
    },
  },
  { name: 'search', cap: 12, constant: false, run: (db, t, scope) => [search(db, scope, t.searchWord)] },
  {
    name: 'search filtered',
    cap: 12,
    constant: false,
    run: (db, t, scope) => [search(db, scope, t.searchWord, { negotiationId: t.negotiationId, reliability: 'C', from: '2023-01-01' })],
  },
  { name: 'deadlines', cap: 3, run: (db, _t, scope) => [listDeadlines(db, scope)] },
  { name: 'round page', cap: 11, run: (db, t, scope) => [getRoundPage(db, scope, t.roundId, '2026-11-23')] },
  { name: 'round summary', cap: 20, run: (db, t, scope) => [roundSummary(db, scope, t.roundId, '2026-11-23')] },
  // Two more than before: the latest event in the negotiation (for the default) and the updates between the points.
  { name: 'since last round', cap: 9, run: (db, t, scope) => [sinceLastRound(db, scope, t.negotiationId, {}, '2026-11-23').issues] },
  { name: 'homework board', cap: 2, run: (db, t, scope) => [listHomework(db, scope, { negotiationId: t.negotiationId, status: 'open' }, '2026-11-23')] },
  {
    name: 'needs attention',
    // The unsourced updates (none in the generated data: each cites a source) are counted and listed in one statement.
    cap: 8,
    run: (db, _t, scope) => {
      const a = needsAttention(db, scope, { today: '2026-11-23', staleDays: 1, shown: 10 });
      return [a.overdue.items, a.weak.items];
    },
  },
];

const SMALL = 0.025;
const LARGE = SMALL * 4;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-queries-'));
type Instance = { db: DB; targets: Targets; statements: string[] };
const instances: Record<'small' | 'large', Instance> = {} as never;

async function open(name: 'small' | 'large', scale: number) {
  const file = path.join(dir, `${name}.db`);
  await generate(file, { seed: 11, scale });
  const statements: string[] = [];
  const db = openDatabase(file, { verbose: (sql) => statements.push(sql) });
  instances[name] = { db, targets: pickTargets(db.$client), statements };
}

function countStatements(instance: Instance, page: Page) {
  // As the bench analyst reads (every negotiation open: the filters run, over all of them). The scope is read
  // once per request, before the page's own queries.
  const scope = readerScope(instance.db, { id: 1, role: 'analyst' });
  instance.statements.length = 0;
  const data = page.run(instance.db, instance.targets, scope);
  return { count: instance.statements.length, data };
}

const size = (x: unknown): number => (Array.isArray(x) ? x.length : x ? 1 : 0);

beforeAll(async () => {
  await open('small', SMALL);
  await open('large', LARGE);
}, 600_000);
afterAll(() => {
  for (const i of Object.values(instances)) i.db.$client.close();
});

describe('queries per page do not grow with the data (no N+1)', () => {

  it('the larger instance really is about four times larger', () => {
    const rows = (i: Instance, table: string) => (i.db.$client.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;
    for (const table of ['updates', 'positions', 'homework', 'issues']) {
      expect(rows(instances.large, table)).toBeGreaterThanOrEqual(3.5 * rows(instances.small, table));
    }
  });

  for (const page of PAGES) {
    it(`${page.name}: ${page.constant === false ? 'at most' : 'exactly'} ${page.cap} statements on both instances`, () => {
      const small = countStatements(instances.small, page);
      const large = countStatements(instances.large, page);
      // The pages return data on both, more of it on the larger one: the count is not trivially equal.
      expect(small.data.every((d) => size(d) > 0)).toBe(true);
      expect(large.data.reduce((n: number, d) => n + size(d), 0)).toBeGreaterThanOrEqual(small.data.reduce((n: number, d) => n + size(d), 0));
      expect(small.count).toBeGreaterThan(0);
      expect(small.count).toBeLessThanOrEqual(page.cap);
      expect(large.count).toBeLessThanOrEqual(page.cap);
      if (page.constant !== false) expect(large.count).toBe(small.count);
    });
  }
});

// The round page and the diff read only a few candidate versions per issue × party (index seeks), not
// every version: here they are checked against the plain rule applied to every version, on every round.
describe('positions read from candidate versions equal the rule applied to every version', () => {
  type Version = { id: number; issueId: number; partyId: number; asOf: string; roundId: number | null; isCurrent: boolean };
  const everyVersion = (db: DB, issueIds: number[]) =>
    (
      db.$client
        .prepare(
          `SELECT id, issue_id issueId, party_id partyId, as_of asOf, round_id roundId, is_current isCurrent FROM positions
            WHERE issue_id IN (SELECT value FROM json_each(?)) ORDER BY as_of, id`,
        )
        .all(JSON.stringify(issueIds)) as (Omit<Version, 'isCurrent'> & { isCurrent: number })[]
    ).map((v) => ({ ...v, isCurrent: v.isCurrent === 1 }));

  it('round page: the version held at each round, for every round of the larger instance', () => {
    const { db } = instances.large;
    const roundIds = db.$client.prepare('SELECT id FROM rounds ORDER BY id').pluck().all() as number[];
    let compared = 0;
    for (const roundId of roundIds) {
      const page = getRoundPage(db, wholeInstance(db), roundId, '2026-11-23')!;
      const versions = everyVersion(db, page.agenda.map((a) => a.id));
      for (const issue of page.agenda) {
        for (const { party, position } of issue.positions) {
          const expected = positionAtRound(versions.filter((v) => v.issueId === issue.id && v.partyId === party.id) as never, page.round);
          expect(position?.id ?? null).toBe(expected?.id ?? null);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('since last round: before and after for every issue × party of every negotiation', () => {
    const { db } = instances.large;
    const negotiationIds = db.$client.prepare('SELECT id FROM negotiations ORDER BY id').pluck().all() as number[];
    let compared = 0;
    for (const negotiationId of negotiationIds) {
      const diff = sinceLastRound(db, wholeInstance(db), negotiationId, {}, '2026-11-23');
      if (!diff.comparison.ok) continue;
      const [start, end] = [diff.comparison.from.date, diff.comparison.to.date];
      const versions = everyVersion(db, diff.issues.map((i) => i.id));
      for (const issue of diff.issues) {
        for (const party of issue.parties) {
          const mine = versions.filter((v) => v.issueId === issue.id && v.partyId === party.partyId);
          const at = (date: string) => mine.filter((v) => v.asOf <= date).at(-1)?.asOf ?? null;
          expect(party.before?.asOf ?? null).toBe(at(start));
          expect(party.after?.asOf ?? null).toBe(at(end));
          expect(party.changed).toBe(mine.some((v) => v.asOf > start && v.asOf <= end));
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});

// The export reads each batch's links by the batch's update ids; a wrong batch would drop or mix links.
describe('the JSON export of the largest negotiation of the larger instance', () => {
  it("carries each update's issues, parties, actors and sources, across several batches", () => {
    const { db, targets } = instances.large;
    const nid = targets.negotiationId;
    const doc = JSON.parse(exportNegotiationJson(db, wholeInstance(db), nid)!) as { updates: Record<'issues' | 'parties' | 'actors' | 'sources', string[]>[] };
    const ids = db.$client.prepare('SELECT id FROM updates WHERE negotiation_id = ? ORDER BY id').pluck().all(nid) as number[];
    expect(ids.length).toBeGreaterThan(1000);
    expect(doc.updates).toHaveLength(ids.length);
    const links = { issues: 'update_issues', parties: 'update_parties', actors: 'update_actors', sources: 'update_sources' } as const;
    for (const [field, table] of Object.entries(links) as [keyof typeof links, string][]) {
      const counts = new Map(
        (
          db.$client
            .prepare(`SELECT update_id u, count(*) n FROM ${table} WHERE update_id IN (SELECT id FROM updates WHERE negotiation_id = ?) GROUP BY update_id`)
            .all(nid) as { u: number; n: number }[]
        ).map((r) => [r.u, r.n]),
      );
      expect(counts.size).toBeGreaterThan(0);
      expect(doc.updates.map((u) => u[field].length)).toEqual(ids.map((id) => counts.get(id) ?? 0));
    }
  });
});

describe('query plans of the large instance', () => {
  it('the round summary finds its homework (assigned, due at the round, or due in its dates) by index, not by a scan', () => {
    const instance = instances.large;
    instance.statements.length = 0;
    roundSummary(instance.db, wholeInstance(instance.db), instance.targets.roundId, '2026-11-23');
    const statement = instance.statements.find((s) => /^select "homework"\."id"/.test(s) && s.includes('"due_on" >='));
    expect(statement).toBeDefined();
    const plan = (instance.db.$client.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[]).map((p) => p.detail);
    expect(plan.join('\n')).toContain('homework_due_on');
    expect(plan.filter((d) => /^SCAN (homework|h)\b/.test(d))).toEqual([]);
  });
});
