import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DB } from '@/db';

// The feed and the calendar as a reader behind a proxy gets them: every link and id names the app's
// public address (NEXTAUTH_URL), whatever Host the request came with; each entry links its own update,
// its content is the update's Markdown as safe HTML, and a day keeps its date west of UTC.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-feeds-'));
vi.stubEnv('DATABASE_PATH', path.join(dir, 'feeds.db'));
vi.stubEnv('NEXTAUTH_URL', 'https://tracker.example.org');
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
let db: DB;
let token: string;
let negotiationId: number;
let updateId: number;
const routes = {} as Record<'feed' | 'calendar', Handler>;

beforeAll(async () => {
  db = (await import('@/server/db')).getDb();
  const { makeNegotiation, makeUser } = await import('./factories');
  const { insertUpdate } = await import('./demo-records');
  const { createApiToken } = await import('@/db/mutations/tokens');
  const { createRound } = await import('@/db/mutations/rounds');
  const analyst = makeUser(db, 'analyst');
  negotiationId = makeNegotiation(db, analyst).negotiationId;
  updateId = insertUpdate(db, { negotiationId, authorId: analyst.id, occurredOn: '2026-02-05', body: '**Lavrov** said <script>alert(1)</script> no, per [FT](https://ft.com/a)' });
  createRound(db, analyst, { negotiationId, name: 'Geneva', venue: 'Geneva', startsOn: '2027-03-01', endsOn: null, approxDate: '', format: 'direct', status: 'planned', summary: '' });
  token = createApiToken(db, analyst, { name: 'reader', scope: 'read', days: 30 }).token;
  routes.feed = (await import('@/app/api/negotiations/[id]/updates.atom/route')).GET as Handler;
  routes.calendar = (await import('@/app/api/deadlines.ics/route')).GET as Handler;
});

/** As a proxy forwards it: the app is reached on an inner address, with whatever Host the client sent. */
const behindProxy = (route: Handler, pathname: string, params: Record<string, string> = {}) =>
  route(new Request(`http://10.0.0.5:3000${pathname}?token=${token}`, { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } }), {
    params: Promise.resolve(params),
  });

describe('feeds name the public address', () => {
  it('the Atom feed: every link and id, and each entry links its own update with its Markdown as safe HTML', async () => {
    const response = await behindProxy(routes.feed, `/api/negotiations/${negotiationId}/updates.atom`, { id: String(negotiationId) });
    expect(response.status).toBe(200);
    const xml = await response.text();
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' }).parse(xml).feed;
    const entry = feed.entry[0];
    const addresses = [feed.id, ...feed.link.map((l: { '@href': string }) => l['@href']), entry.id, ...entry.link.map((l: { '@href': string }) => l['@href'])];
    for (const address of addresses) expect(address).toMatch(/^https:\/\/tracker\.example\.org\//);
    expect(xml).not.toContain('evil.example');
    expect(xml).not.toContain('10.0.0.5');
    expect(entry.link[0]['@href']).toBe(`https://tracker.example.org/updates/${updateId}`);
    // The title as the page shows the body: the tags left out (their text stays), the link's address kept.
    expect(entry.title['#text']).toBe('Lavrov said alert(1) no, per FT (https://ft.com/a)');
    expect(entry.content['@type']).toBe('html');
    expect(entry.content['#text']).toBe('<p><strong>Lavrov</strong> said &lt;script&gt;alert(1)&lt;/script&gt; no, per <a href="https://ft.com/a">FT</a></p>');
    // The day it happened, at noon UTC: 5 February from UTC−12 to UTC+11, not the 4th in Washington.
    expect(entry.published).toBe('2026-02-05T12:00:00.000Z');
    expect(new Date(entry.published).toLocaleDateString('en-CA', { timeZone: 'America/New_York' })).toBe('2026-02-05');
  });

  it('the calendar: every event links and is named under the public address', async () => {
    const response = await behindProxy(routes.calendar, '/api/deadlines.ics');
    expect(response.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(await response.text())).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(String(event.getFirstPropertyValue('uid'))).toMatch(/@tracker\.example\.org$/);
      expect(String(event.getFirstPropertyValue('url'))).toMatch(/^https:\/\/tracker\.example\.org\//);
    }
  });
});
