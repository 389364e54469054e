import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { freshDb, makeNegotiation, makeUser } from './factories';
import { listIssuesOf, listSeatedParties } from '@/db/queries/negotiations';
import { importUpdates } from '@/db/mutations/import-updates';
import { parseUpdatesCsv } from '@/lib/import/updates-csv';
import { citedSources, updateIssues, updateParties, updates, updateSources } from '@/db/schema';
import { ForbiddenError } from '@/lib/roles';
import type { DB } from '@/db';
import { wholeInstance } from '@/db/queries/access';

const HEADER = 'date,text,issue,party,source_outlet,source_url,quote';

function setup() {
  const db = freshDb();
  const analyst = makeUser(db);
  const n = makeNegotiation(db, analyst, 'Border talks');
  const context = { issues: listIssuesOf(db, wholeInstance(db), n.negotiationId), parties: listSeatedParties(db, wholeInstance(db), n.negotiationId) };
  return { db, analyst, n, context };
}
const count = (db: DB) => db.select({ n: sql<number>`count(*)` }).from(updates).get()!.n;

describe('bulk CSV import of updates', () => {
  it('writes every row with its issue, party and source when all rows pass', () => {
    const { db, analyst, n, context } = setup();
    const csv = [
      HEADER,
      '2026-02-05,"Talks ended, ""a list of homework"" taken home",Territory,Border talks A,FT,https://ft.com/a,"a list of homework"',
      '2026-02-06,Second report,territory,b,El País,,',
    ].join('\n');
    const checked = parseUpdatesCsv(csv, context);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(importUpdates(db, analyst, n.negotiationId, checked.rows)).toBe(2);
    const rows = db.select().from(updates).all();
    expect(rows.map((u) => u.body)).toEqual(['Talks ended, "a list of homework" taken home', 'Second report']);
    expect(db.select().from(updateIssues).all().every((l) => l.targetId === n.issueId)).toBe(true);
    expect(db.select().from(updateParties).all().map((l) => l.targetId)).toEqual([n.partyA, n.partyB]);
    const src = db.select().from(citedSources).all();
    expect(src.map((s) => [s.outlet, s.url, s.quote])).toEqual([
      ['FT', 'https://ft.com/a', 'a list of homework'],
      ['El País', null, ''],
    ]);
    expect(db.select().from(updateSources).all()).toHaveLength(2);
  });

  it('lists the errors by row and writes nothing when one row fails', () => {
    const { db, context } = setup();
    const csv = [
      HEADER,
      '2026-02-05,Fine row,Territory,A,FT,https://ft.com/a,',
      '2026-02-30,Bad date,Territory,A,FT,,',
      '2026-02-05,Unknown issue,Fishing rights,A,FT,javascript:alert(1),',
      '2026-02-05,Unknown party,Territory,Atlantis,,,',
    ].join('\n');
    const checked = parseUpdatesCsv(csv, context);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual([
      "Row 3: date '2026-02-30' is not a real date (YYYY-MM-DD).",
      "Row 4: issue 'Fishing rights' is not in this negotiation.",
      "Row 4: source_url 'javascript:alert(1)' is not an http:// or https:// address.",
      "Row 5: party 'Atlantis' is not at the table in this negotiation.",
      'Row 5: source_outlet is missing (every update needs its source).',
    ]);
    expect(count(db)).toBe(0);
    expect(db.select().from(citedSources).all()).toHaveLength(0);
  });

  it('refuses a file without the expected columns', () => {
    const { context } = setup();
    const checked = parseUpdatesCsv('when,what\n2026-01-01,x', context);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors[0]).toMatch(/^Row 1: the header lacks the column\(s\) date, text/);
  });

  it('rolls the whole file back when a write fails half way', () => {
    const { db, analyst, n, context } = setup();
    const checked = parseUpdatesCsv([HEADER, '2026-02-05,One,Territory,A,FT,,', '2026-02-06,Two,Territory,A,FT,,'].join('\n'), context);
    if (!checked.ok) throw new Error('expected valid rows');
    // The second row points at an issue that is not in the negotiation any more.
    const rows = [checked.rows[0], { ...checked.rows[1], issueIds: [999] }];
    expect(() => importUpdates(db, analyst, n.negotiationId, rows)).toThrow(/changed/);
    expect(count(db)).toBe(0);
  });

  it('refuses viewers', () => {
    const { db, n, context } = setup();
    const viewer = makeUser(db, 'viewer');
    const checked = parseUpdatesCsv([HEADER, '2026-02-05,One,Territory,A,FT,,'].join('\n'), context);
    if (!checked.ok) throw new Error('expected valid rows');
    expect(() => importUpdates(db, viewer, n.negotiationId, checked.rows)).toThrow(ForbiddenError);
    expect(db.select().from(updates).where(eq(updates.negotiationId, n.negotiationId)).all()).toHaveLength(0);
  });
});
