import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DB } from '@/db';
import { users } from '@/db/schema';
import { createNegotiation, seatParty, updateNegotiation } from '@/db/mutations/negotiations';
import { createParty } from '@/db/mutations/parties';
import { createIssue } from '@/db/mutations/issues';
import { setMember } from '@/db/mutations/members';
import { negotiations } from '@/db/schema';
import { eq } from 'drizzle-orm';
import type { CurrentUser } from '@/lib/roles';
import type { Reliability, Role } from '@/lib/domain';

/** A fresh database file in its own temporary folder, with every migration applied. */
export function freshDb(): DB {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-test-'));
  return openDatabase(path.join(dir, 'test.db'));
}

let userCounter = 0;
export function makeUser(db: DB, role: Role = 'analyst'): CurrentUser {
  userCounter += 1;
  const email = `${role}${userCounter}@test.example`;
  const row = db.insert(users).values({ email, name: `${role} ${userCounter}`, role, passwordHash: 'not-a-hash' }).returning().get();
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/**
 * A negotiation with two seated parties and one issue, open to every user as today's negotiations are after an
 * upgrade; `{ restricted: true }` leaves it its creator's, as a new one starts (docs/decisions/0017).
 */
export function makeNegotiation(db: DB, by: CurrentUser, name = `Talks ${Math.random().toString(36).slice(2, 8)}`, options: { restricted?: boolean } = {}) {
  const negotiationId = createNegotiation(db, by, { name, description: '' });
  if (!options.restricted) updateNegotiation(db, by, negotiationId, null, { name, description: '', access: 'open' });
  const partyA = createParty(db, by, { name: `${name} A`, shortName: 'A' });
  const partyB = createParty(db, by, { name: `${name} B`, shortName: 'B' });
  seatParty(db, by, { version: null, negotiationId, partyId: partyA, role: 'party', note: '' });
  seatParty(db, by, { version: null, negotiationId, partyId: partyB, role: 'party', note: '' });
  const issueId = createIssue(db, by, {
    negotiationId,
    title: 'Territory',
    description: '',
    status: 'under_discussion',
    priority: 'high',
    keyDate: null,
    keyDateLabel: '',
  });
  return { negotiationId, partyA, partyB, issueId };
}

export const position = (issueId: number, partyId: number, basedOn: number | null, summary = 'Wants X') => ({
  issueId,
  partyId,
  basedOn,
  summary,
  stance: 'supports' as const,
  redLines: '',
  flexibility: 'moderate' as const,
  asOf: '2026-02-05',
  sourceId: null,
  roundId: null,
});

/** Makes `user` a member of a negotiation (by id or name), as the shell would: the demo's peace talks are restricted. */
export function makeMember(db: DB, user: CurrentUser, negotiation: number | string, role: 'viewer' | 'analyst' = 'analyst') {
  const negotiationId =
    typeof negotiation === 'number' ? negotiation : db.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.name, negotiation)).get()!.id;
  setMember(db, null, { negotiationId, userId: user.id, role });
  return negotiationId;
}

/**
 * A source entered outside any form, nothing citing it yet: a quote of a new article of the outlet of that name
 * (found or made). No audit row, as a record the tests set up.
 */
export function makeSource(db: DB, by: CurrentUser, fields: { outlet: string; quote?: string; title?: string; url?: string | null; reliability?: Reliability; credibility?: number }): number {
  const c = db.$client;
  const outletId =
    (c.prepare(`SELECT id FROM outlets WHERE lower(name) = lower(?)`).pluck().get(fields.outlet) as number | undefined) ??
    Number(c.prepare(`INSERT INTO outlets (name, reliability, created_by) VALUES (?, ?, ?)`).run(fields.outlet, fields.reliability ?? 'F', by.id).lastInsertRowid);
  const articleId = Number(
    c.prepare(`INSERT INTO articles (outlet_id, title, url, reliability, created_by) VALUES (?, ?, ?, ?, ?)`).run(outletId, fields.title ?? '', fields.url ?? null, fields.reliability ?? 'F', by.id)
      .lastInsertRowid,
  );
  return Number(c.prepare(`INSERT INTO sources (article_id, quote, credibility, created_by) VALUES (?, ?, ?, ?)`).run(articleId, fields.quote ?? '', fields.credibility ?? 6, by.id).lastInsertRowid);
}
