import { describe, expect, it } from 'vitest';
import { freshDb } from './factories';

// The view every read of a citation goes through (migrations 0013, 0016). A record that may cite no source
// (a position, a status change, an outcome, a cancellation) reads it by LEFT JOIN: SQLite must fold the view into
// that query, or it builds the whole view for every read (150 ms for one issue page on the benchmark's data).

describe('the cited_sources view', () => {
  const db = freshDb();
  const plan = (query: string) => (db.$client.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail);

  it.each([
    ['positions', 'p.source_id'],
    ['status_changes', 'p.source_id'],
    ['outcomes', 'p.source_id'],
    ['rounds', 'p.cancellation_source_id'],
  ])('is read by primary key when %s left-join it, never built whole', (table, column) => {
    const steps = plan(`SELECT p.id, s.outlet, s.title, s.reliability FROM ${table} p LEFT JOIN cited_sources s ON s.id = ${column} WHERE p.id = 1`);
    expect(steps.join('\n')).not.toMatch(/MATERIALIZE|SCAN s\b|SCAN o\b|SCAN a\b/);
    expect(steps).toContainEqual(expect.stringMatching(/SEARCH s USING INTEGER PRIMARY KEY/));
  });

  it('reads the article and outlet of a quote, and nothing for a record citing none', () => {
    const c = db.$client;
    c.exec(`INSERT INTO users (email, name, role, password_hash) VALUES ('v@example.org', 'V', 'analyst', 'x')`);
    const outlet = Number(c.prepare(`INSERT INTO outlets (name, reliability) VALUES ('Financial Times', 'B')`).run().lastInsertRowid);
    const article = Number(c.prepare(`INSERT INTO articles (outlet_id, title, url, reliability) VALUES (?, 'Talks stall', 'https://ft.com/a', 'B')`).run(outlet).lastInsertRowid);
    const quote = Number(c.prepare(`INSERT INTO sources (article_id, quote, credibility) VALUES (?, 'Nonsense', 2)`).run(article).lastInsertRowid);
    expect(c.prepare(`SELECT outlet_id, outlet, title, url, reliability, quote, credibility FROM cited_sources WHERE id = ?`).get(quote)).toEqual({
      outlet_id: outlet,
      outlet: 'Financial Times',
      title: 'Talks stall',
      url: 'https://ft.com/a',
      reliability: 'B',
      quote: 'Nonsense',
      credibility: 2,
    });
    expect(c.prepare(`SELECT s.outlet FROM (SELECT NULL AS source_id) p LEFT JOIN cited_sources s ON s.id = p.source_id`).get()).toEqual({ outlet: null });
  });
});
