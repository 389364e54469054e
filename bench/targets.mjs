// Which rows the benchmark aims at: the heaviest of each kind, so every figure is a worst case.
// Takes a better-sqlite3 connection; shared by bench/run.mjs and tests/bench-queries.test.ts.

/** The common word the search is measured with: in every kind of text the generator writes. */
export const SEARCH_WORD = 'ceasefire';

/**
 * @param {import('better-sqlite3').Database} sqlite
 * @returns {{ negotiationId: number, issueId: number, roundId: number, searchWord: string }}
 */
export function pickTargets(sqlite) {
  const one = (sql) => sqlite.prepare(sql).get()?.id;
  return {
    // The largest negotiation: the most updates.
    negotiationId: one('SELECT negotiation_id id FROM updates GROUP BY negotiation_id ORDER BY count(*) DESC, negotiation_id LIMIT 1'),
    // The issue with the longest position history.
    issueId: one('SELECT issue_id id FROM positions GROUP BY issue_id ORDER BY count(*) DESC, issue_id LIMIT 1'),
    // The held round with the most updates.
    roundId: one(
      `SELECT u.round_id id FROM updates u JOIN rounds r ON r.id = u.round_id
        WHERE r.status = 'held' GROUP BY u.round_id ORDER BY count(*) DESC, u.round_id LIMIT 1`,
    ),
    searchWord: SEARCH_WORD,
  };
}

/** The pages measured again with one worker: their req/s with every worker over one should reach the target. */
export const KEY_PAGES = ['dashboard', 'issue', 'round', 'homework', 'search'];
export const WORKERS_RATIO_TARGET = 1.5;

/** The pages and endpoints measured, by name, with their targets (checked in the printout, never as timed tests). */
export function benchTargets(t) {
  const page = { p95: 50, ratio: 0.6 };
  return [
    { name: 'dashboard', path: '/', target: page },
    { name: 'issue', path: `/issues/${t.issueId}`, target: page },
    { name: 'round', path: `/rounds/${t.roundId}`, target: page },
    { name: 'homework', path: `/homework?negotiation=${t.negotiationId}&status=open`, target: page },
    { name: 'search', path: `/search?q=${encodeURIComponent(t.searchWord)}`, target: page },
    { name: 'since_last_round', path: `/negotiations/${t.negotiationId}/since-last-round`, target: {} },
    { name: 'summary_md', path: `/api/rounds/${t.roundId}/summary.md`, target: { p95: 100 } },
    { name: 'summary_pdf', path: `/api/rounds/${t.roundId}/summary.pdf`, target: { p95: 1000 } },
    { name: 'export_json', path: `/api/negotiations/${t.negotiationId}/export.json`, target: { p95: 2000, streamed: true } },
    // The dashboard while an analyst logs an update through the API every second: each write empties
    // the read cache (db/read-cache.ts), so this is the price of a cache miss under steady use.
    { name: 'dashboard_during_writes', path: '/', target: {}, writeEveryMs: 1000 },
  ];
}

/**
 * POST /api/capture (CAPTURE.md): a 6,000-character article, the seed FT report made up to length with an
 * article of our own writing, proposes in under 300 ms at the 95th percentile, asked one at a time.
 */
export const CAPTURE_TARGET = { name: 'capture', characters: 6000, requests: 20, p95: 300 };

/** The article the capture is measured with, read from the eval's fixtures. */
export function captureArticle(readFile) {
  const text = `${readFile('tests/fixtures/capture/seed-ft.txt')}\n\n${readFile('tests/fixtures/capture/own-trade.txt')}`;
  return text.slice(0, CAPTURE_TARGET.characters);
}
