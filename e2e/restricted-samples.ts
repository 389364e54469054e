import { readDb } from './fixtures';

// Ids from the demo's restricted negotiation, the peace talks (db/demo/accounts.json): the outsider is no member,
// so every route and page they name must answer 404 to them. Looked up at call time, as the other samples are.

export const RESTRICTED_NEGOTIATION = 'Russia–Ukraine peace talks (US-mediated)';
/** Words only the restricted negotiation's records hold (checked against the demo data in tests/demo-data.test.ts). */
export const RESTRICTED_WORDS = ['Donbas', 'Zelensky', 'Medinsky'];

function id(sql: string, ...params: unknown[]): number | null {
  const db = readDb();
  try {
    return (db.prepare(sql).get(...params) as { id: number | null } | undefined)?.id ?? null;
  } finally {
    db.close();
  }
}

const NEGOTIATION = `(SELECT id FROM negotiations WHERE name = '${RESTRICTED_NEGOTIATION}')`;

export const RESTRICTED_SAMPLES: Record<string, () => number | null> = {
  negotiation: () => id(`SELECT ${NEGOTIATION} id`),
  issue: () => id(`SELECT id FROM issues WHERE title = 'Donbas status' AND negotiation_id = ${NEGOTIATION}`),
  party: () => id(`SELECT id FROM parties WHERE short_name = 'UA'`),
  current: () =>
    id(
      `SELECT p.id FROM positions p JOIN issues i ON i.id = p.issue_id JOIN parties pa ON pa.id = p.party_id
        WHERE i.title = 'Donbas status' AND pa.short_name = 'UA' AND p.is_current = 1`,
    ),
  round: () => id(`SELECT min(id) id FROM rounds WHERE negotiation_id = ${NEGOTIATION}`),
  update: () => id(`SELECT min(id) id FROM updates WHERE negotiation_id = ${NEGOTIATION}`),
  homework: () => id(`SELECT min(id) id FROM homework WHERE negotiation_id = ${NEGOTIATION}`),
  // A source the restricted negotiation alone cites.
  source: () =>
    id(
      `SELECT min(us.source_id) id FROM update_sources us JOIN updates u ON u.id = us.update_id WHERE u.negotiation_id = ${NEGOTIATION}
          AND us.source_id NOT IN (SELECT us2.source_id FROM update_sources us2 JOIN updates u2 ON u2.id = us2.update_id WHERE u2.negotiation_id <> ${NEGOTIATION})`,
    ),
  // An outlet of the restricted negotiation's sources only: nothing outside it cites its articles (RT, in the demo).
  outlet: () =>
    id(
      `WITH cites(source_id, nid) AS (
         SELECT us.source_id, u.negotiation_id FROM update_sources us JOIN updates u ON u.id = us.update_id
         UNION ALL SELECT p.source_id, i.negotiation_id FROM positions p JOIN issues i ON i.id = p.issue_id WHERE p.source_id IS NOT NULL
         UNION ALL SELECT sc.source_id, i.negotiation_id FROM status_changes sc JOIN issues i ON i.id = sc.issue_id WHERE sc.source_id IS NOT NULL
         UNION ALL SELECT o.source_id, r.negotiation_id FROM outcomes o JOIN rounds r ON r.id = o.round_id WHERE o.source_id IS NOT NULL
         UNION ALL SELECT r.cancellation_source_id, r.negotiation_id FROM rounds r WHERE r.cancellation_source_id IS NOT NULL),
       -- Seen outside: cited there, or cited by a source cited there (up to two links along, as SOURCE_SEEN reads).
       outside(outlet_id) AS (
         SELECT a.outlet_id FROM articles a JOIN sources s ON s.article_id = a.id JOIN cites c ON c.source_id = s.id WHERE c.nid <> ${NEGOTIATION}
         UNION SELECT a.outlet_id FROM articles a JOIN sources s ON s.article_id = a.id JOIN sources r ON r.cites_source_id = s.id
           JOIN cites c ON c.source_id = r.id WHERE c.nid <> ${NEGOTIATION}
         UNION SELECT a.outlet_id FROM articles a JOIN sources s ON s.article_id = a.id JOIN sources r ON r.cites_source_id = s.id
           JOIN sources r2 ON r2.cites_source_id = r.id JOIN cites c ON c.source_id = r2.id WHERE c.nid <> ${NEGOTIATION})
       -- Cited in the restricted negotiation, or cited by a source cited there (RT's quote, through the FT's).
       SELECT min(a.outlet_id) id FROM articles a JOIN sources s ON s.article_id = a.id
        WHERE a.outlet_id NOT IN (SELECT outlet_id FROM outside)
          AND (s.id IN (SELECT source_id FROM cites WHERE nid = ${NEGOTIATION})
               OR s.id IN (SELECT r.cites_source_id FROM sources r JOIN cites c ON c.source_id = r.id WHERE c.nid = ${NEGOTIATION}))`,
    ),
  // An article of that outlet: its quotes are cited in the restricted negotiation alone.
  article: () => {
    const outlet = RESTRICTED_SAMPLES.outlet();
    return outlet === null ? null : id(`SELECT min(id) id FROM articles WHERE outlet_id = ?`, outlet);
  },
  // A group of the restricted negotiation's updates only.
  corroboration: () =>
    id(
      `SELECT min(c.id) id FROM corroborations c WHERE NOT EXISTS (SELECT 1 FROM corroboration_updates cu JOIN updates u ON u.id = cu.update_id
          WHERE cu.corroboration_id = c.id AND u.negotiation_id <> ${NEGOTIATION})`,
    ),
  user: () => id(`SELECT id FROM users WHERE email = 'viewer@example.org'`),
};
