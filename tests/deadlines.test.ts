import { describe, expect, it } from 'vitest';
import { freshDb, makeUser } from './factories';
import { loadDemoData } from '@/db/demo/load';
import { listDeadlines } from '@/db/queries/deadlines';
import { daysBetween, todayIso } from '@/lib/dates';
import { toICalendar } from '@/lib/ical';
import { wholeInstance } from '@/db/queries/access';

describe('deadlines', () => {
  it('lists key dates, planned rounds and homework due across negotiations', () => {
    const db = freshDb();
    loadDemoData(db, makeUser(db, 'admin'));
    const all = listDeadlines(db, wholeInstance(db));
    const expiry = all.find((d) => d.title === 'New START expires');
    expect(expiry?.date).toBe('2026-02-05');
    expect(all.find((d) => d.kind === 'key_date' && d.date === '2026-08-05')).toBeTruthy();
    const round3 = all.find((d) => d.kind === 'round');
    // "In the coming weeks", as the reports of 5 Feb 2026 said: a window counted from them, sorted by its end.
    expect(round3).toMatchObject({ date: '2026-02-05', until: '2026-03-19', when: 'in the coming weeks (est. by 19 Mar 2026)', estimated: true });
    expect(all.some((d) => d.kind === 'homework' && d.detail.includes('due at Round 3') && d.when === round3?.when)).toBe(true);
    expect(all.findIndex((d) => d.title === 'End of the reported six-month good-faith observance')).toBeGreaterThan(all.indexOf(round3!));
    // From a date after the expiry, the expiry is gone but vague items stay, their window passed or not.
    const later = listDeadlines(db, wholeInstance(db), '2026-03-01');
    expect(later.find((d) => d.title === 'New START expires')).toBeUndefined();
    expect(later.some((d) => d.kind === 'round')).toBe(true);
    expect(listDeadlines(db, wholeInstance(db), '2026-12-01').some((d) => d.kind === 'round')).toBe(true);
  });

  it('counts days left on the reader’s own calendar date', () => {
    // 22:30 UTC on 4 Feb is already 5 Feb in Kyiv and still 4 Feb in Washington.
    const now = new Date('2026-02-04T22:30:00Z');
    expect(todayIso(now, 'Europe/Kyiv')).toBe('2026-02-05');
    expect(todayIso(now, 'America/New_York')).toBe('2026-02-04');
    expect(todayIso(now, 'Not/AZone')).toBe('2026-02-04');
    expect(daysBetween(todayIso(now, 'Europe/Kyiv'), '2026-02-05')).toBe(0);
    expect(daysBetween(todayIso(now, 'America/New_York'), '2026-02-05')).toBe(1);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across a DST change
    expect(daysBetween('2026-02-06', '2026-02-05')).toBe(-1);
  });

  it('writes a valid, escaped iCalendar', () => {
    const ics = toICalendar('Deadlines', [{ uid: 'issue-1', date: '2026-02-05', summary: 'New START expires; talks, maybe', description: 'Line one\nline two — with “quotes” '.repeat(5) }], 'localhost', new Date('2026-01-01T00:00:00Z'));
    expect(ics).toContain('DTSTART;VALUE=DATE:20260205\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20260206\r\n');
    expect(ics).toContain('SUMMARY:New START expires\\; talks\\, maybe');
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
