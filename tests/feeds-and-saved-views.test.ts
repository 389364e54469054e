import { describe, expect, it } from 'vitest';
import { freshDb, makeNegotiation, makeUser } from './factories';
import { insertUpdate } from './demo-records';
import { loadDemoData } from '@/db/demo/load';
import { latestUpdatesOf, recentActivity } from '@/db/queries/activity';
import { dashboardMatrix } from '@/db/queries/dashboard';
import { listSavedViews } from '@/db/queries/saved-views';
import { deleteView, saveView } from '@/db/mutations/saved-views';
import { setConvergence } from '@/db/mutations/convergence';
import { rounds } from '@/db/schema';
import { escapeXml, titleFrom, toAtom } from '@/lib/atom';
import { markdownToSafeHtml } from '@/lib/markdown';
import { activityHref, summarizeActivity } from '@/lib/activity';
import { dashboardQuery, parseDashboardParams } from '@/lib/validation/dashboard-filters';
import { SavedViewSchema } from '@/lib/validation/saved-views';
import { NotFoundError } from '@/lib/errors';
import { wholeInstance } from '@/db/queries/access';

/** A small well-formedness check: every tag closes in order, text holds no raw "<" and only known entities. */
function assertWellFormed(xml: string) {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  let last = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const text = body.slice(last, m.index);
    expect(text).not.toMatch(/[<>]/);
    expect(text.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toContain('&');
    last = m.index! + m[0].length;
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]);
  }
  expect(body.slice(last).trim()).toBe('');
  expect(stack).toEqual([]);
}

describe('Atom feed of updates', () => {
  it('is well-formed Atom with the required elements, and escapes markup in update text', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { negotiationId, issueId } = makeNegotiation(db, analyst);
    insertUpdate(db, { negotiationId, authorId: analyst.id, occurredOn: '2026-02-05', issueIds: [issueId], body: '**Lavrov** said <script>alert("x")</script> & "nonsense" \u0001' });
    const rows = latestUpdatesOf(db, wholeInstance(db), negotiationId);
    expect(rows).toHaveLength(1);
    const xml = toAtom({
      id: 'http://localhost/negotiations/1#updates',
      title: 'Updates: Talks <A & B>',
      updated: '2026-02-05T00:00:00.000Z',
      selfLink: 'http://localhost/api/negotiations/1/updates.atom',
      link: 'http://localhost/negotiations/1',
      entries: rows.map((r) => ({ id: `http://localhost/updates/${r.id}`, title: titleFrom(r.body), updated: '2026-02-05T00:00:00.000Z', author: r.authorName, link: `http://localhost/updates/${r.id}`, html: markdownToSafeHtml(r.body) })),
    });
    assertWellFormed(xml);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    for (const el of ['id', 'title', 'updated']) expect(xml).toMatch(new RegExp(`<feed[^]*<${el}[ >]`));
    expect(xml).toMatch(/<entry>\s*<id>[^<]+<\/id>\s*<title type="text">[^<]+<\/title>\s*<updated>[^<]+<\/updated>[^]*<author><name>analyst \d+<\/name><\/author>/);
    expect(xml).not.toContain('<script>');
    // The entry's HTML, escaped once more as XML: a reader gets <strong>Lavrov</strong> as markup and the script as text.
    expect(xml).toContain('&lt;p&gt;&lt;strong&gt;Lavrov&lt;/strong&gt; said &amp;lt;script&amp;gt;alert(&amp;quot;x&amp;quot;)&amp;lt;/script&amp;gt; &amp;amp; &amp;quot;nonsense&amp;quot;');
    expect(xml).toContain('<content type="html">');
    expect(xml).not.toContain('\u0001');
    expect(escapeXml(`<a href='x'>&</a>`)).toBe('&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;');
    expect(titleFrom('**Lavrov dismissed** the guarantees\n\nsecond')).toBe('Lavrov dismissed the guarantees');
  });
});

describe('dashboard filters and saved views', () => {
  it('filters the matrix by status, priority, negotiation and party, and a link restores the filters', () => {
    const db = freshDb();
    loadDemoData(db, makeUser(db, 'admin'));
    const deadlocked = dashboardMatrix(db, wholeInstance(db), { status: 'deadlocked' });
    expect(deadlocked.flatMap((b) => b.rows.map((r) => r.title))).toEqual(['Donbas status']);
    const critical = dashboardMatrix(db, wholeInstance(db), { priority: 'critical' }).flatMap((b) => b.rows.map((r) => r.title));
    expect(critical.sort()).toEqual(['Donbas status', 'New START extension', 'Security guarantees']);
    const all = dashboardMatrix(db, wholeInstance(db));
    const ukraine = all.flatMap((b) => b.parties).find((p) => p.shortName === 'UA')!;
    const onlyUa = dashboardMatrix(db, wholeInstance(db), { party: ukraine.id });
    expect(onlyUa).toHaveLength(1); // Ukraine sits only at the peace talks
    expect(onlyUa[0].parties.map((p) => p.shortName)).toEqual(['UA']);
    expect(onlyUa[0].rows.every((r) => Object.keys(r.cells).every((k) => Number(k) === ukraine.id))).toBe(true);
    const arms = all.find((b) => b.negotiation.name.startsWith('US–Russia'))!;
    expect(dashboardMatrix(db, wholeInstance(db), { negotiation: arms.negotiation.id }).map((b) => b.negotiation.id)).toEqual([arms.negotiation.id]);

    const params = parseDashboardParams({ status: 'deadlocked', party: String(ukraine.id), priority: 'bogus', stale: '-3', junk: 'x' });
    expect(params).toEqual({ negotiation: undefined, party: ukraine.id, status: 'deadlocked', priority: undefined, stale: 30, page: 1 });
    expect(dashboardQuery(params)).toBe(`party=${ukraine.id}&status=deadlocked`);
    expect(parseDashboardParams(Object.fromEntries(new URLSearchParams(dashboardQuery(params))))).toEqual(params);
    const second = parseDashboardParams({ status: 'deadlocked', page: '2' });
    expect(dashboardQuery(second)).toBe('status=deadlocked&page=2');
    expect(parseDashboardParams({ page: '0' }).page).toBe(1);
  });

  it('saves named views per user (viewers too), replaces by name, and deletes only one’s own', () => {
    const db = freshDb();
    const viewer = makeUser(db, 'viewer');
    const other = makeUser(db, 'analyst');
    const input = SavedViewSchema.parse({ page: 'dashboard', name: 'Deadlocked', query: '?status=deadlocked' });
    expect(input.query).toBe('status=deadlocked');
    const { id } = saveView(db, viewer, input);
    expect(saveView(db, viewer, { ...input, query: 'status=stalled' })).toEqual({ id, replaced: true });
    expect(listSavedViews(db, viewer.id, 'dashboard')).toEqual([{ id, name: 'Deadlocked', query: 'status=stalled' }]);
    expect(listSavedViews(db, other.id, 'dashboard')).toEqual([]);
    expect(listSavedViews(db, viewer.id, 'homework')).toEqual([]);
    expect(() => deleteView(db, other, id)).toThrow(NotFoundError);
    deleteView(db, viewer, id);
    expect(listSavedViews(db, viewer.id, 'dashboard')).toEqual([]);
    expect(SavedViewSchema.safeParse({ page: 'admin', name: 'x', query: '' }).success).toBe(false);
    expect(SavedViewSchema.safeParse({ page: 'dashboard', name: ' ', query: '' }).success).toBe(false);
  });
});

describe('activity feed', () => {
  it('lists recent changes with a human summary and a link, leaving out personal bookkeeping', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { negotiationId, issueId } = makeNegotiation(db, analyst);
    const round = db.insert(rounds).values({ negotiationId, sequence: 1, name: 'R1', format: 'direct', status: 'held' }).returning().get().id;
    setConvergence(db, analyst, { version: null, issueId, roundId: round, distance: 3, note: 'far apart' });
    setConvergence(db, analyst, { version: null, issueId, roundId: round, distance: 2, note: 'closer' });
    saveView(db, analyst, { page: 'dashboard', name: 'Mine', query: '' });
    const rows = recentActivity(db, wholeInstance(db));
    expect(rows.some((r) => r.entity === 'saved_view')).toBe(false);
    expect(rows[0]).toMatchObject({ entity: 'convergence', action: 'update', userName: analyst.name });
    expect(summarizeActivity(rows[0])).toBe('changed a convergence judgement: distance 2 (was 3): closer');
    expect(activityHref(rows[0])).toBe(`/issues/${issueId}/convergence`);
    const issueRow = rows.find((r) => r.entity === 'issue')!;
    expect(summarizeActivity(issueRow)).toBe('added an issue: Territory');
    expect(activityHref(issueRow)).toBe(`/issues/${issueId}`);
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a));
  });
});
