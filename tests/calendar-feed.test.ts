// The deadlines calendar as a calendar client reads it: parsed by ical.js (Mozilla's iCalendar reader), and held
// to what RFC 5545 requires of every calendar and event, which a lenient reader would let pass.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { toICalendar, type CalendarEvent } from '@/lib/ical';

// Calendar clients read the calendar's name (Apple's X-WR-CALNAME) as TEXT, escapes and all; ical.js needs telling.
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' };

const NOW = new Date('2026-01-01T08:09:10.123Z');

const deadline = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'issue-1',
  date: '2026-02-05',
  summary: 'New START expires (US–Russia strategic stability)',
  description: 'New START extension — US–Russia strategic stability',
  url: 'http://localhost/issues/1',
  ...over,
});

/** The physical lines: every one ends in CRLF, none is longer than 75 octets (RFC 5545 3.1). */
function physicalLines(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  const lines = ics.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  }
  return lines;
}

type Event = { uid: string; dtstamp: string; start: string; startIsDay: boolean; end: string; summary: string; description: string; url: string | null };

/** What a calendar client shows: the calendar's name and each event, with RFC 5545's required properties checked. */
function readCalendar(ics: string): { name: string; events: Event[] } {
  physicalLines(ics);
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.name).toBe('vcalendar');
  // RFC 5545 3.6: a calendar without VERSION and PRODID is not one; every event needs a UID and a DTSTAMP.
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Negotiation tracker//Deadlines//EN');
  expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
  expect(calendar.getAllSubcomponents().map((c) => c.name).every((n) => n === 'vevent')).toBe(true);
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    for (const required of ['uid', 'dtstamp', 'dtstart']) expect(vevent.hasProperty(required)).toBe(true);
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = vevent.getFirstPropertyValue('dtend') as ICAL.Time;
    const url = vevent.getFirstPropertyValue('url');
    return {
      uid: String(vevent.getFirstPropertyValue('uid')),
      dtstamp: (vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toString(),
      start: start.toString(),
      startIsDay: start.isDate && end.isDate,
      end: end.toString(),
      summary: String(vevent.getFirstPropertyValue('summary')),
      description: String(vevent.getFirstPropertyValue('description')),
      url: url === null ? null : String(url),
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}

describe('the deadlines calendar', () => {
  it('a calendar client can read every event, each a whole day on its date', () => {
    const ics = toICalendar('Negotiation deadlines', [deadline(), deadline({ uid: 'round-3', date: '2026-02-28', summary: 'Round 3', description: 'Abu Dhabi', url: undefined })], 'tracker.example', NOW);
    expect(readCalendar(ics)).toEqual({
      name: 'Negotiation deadlines',
      events: [
        {
          uid: 'issue-1@tracker.example',
          dtstamp: '2026-01-01T08:09:10Z',
          start: '2026-02-05',
          startIsDay: true,
          end: '2026-02-06',
          summary: 'New START expires (US–Russia strategic stability)',
          description: 'New START extension — US–Russia strategic stability',
          url: 'http://localhost/issues/1',
        },
        { uid: 'round-3@tracker.example', dtstamp: '2026-01-01T08:09:10Z', start: '2026-02-28', startIsDay: true, end: '2026-03-01', summary: 'Round 3', description: 'Abu Dhabi', url: null },
      ],
    });
  });

  it('ends a day event on the next day across the end of a month and of a year', () => {
    const ics = toICalendar('x', [deadline({ date: '2026-12-31' }), deadline({ uid: 'leap', date: '2028-02-28' })], 'h', NOW);
    expect(readCalendar(ics).events.map((e) => [e.start, e.end])).toEqual([
      ['2026-12-31', '2027-01-01'],
      ['2028-02-28', '2028-02-29'],
    ]);
    expect(ics).toContain('\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
  });

  it('is an empty calendar, still valid, when nothing is due', () => {
    const ics = toICalendar('Negotiation deadlines', [], 'h', NOW);
    expect(readCalendar(ics).events).toEqual([]);
    expect(ics).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Negotiation tracker//Deadlines//EN\r\nCALSCALE:GREGORIAN\r\nX-WR-CALNAME:Negotiation deadlines\r\nEND:VCALENDAR\r\n');
  });

  it('stamps each event with the time it was written, to the second', () => {
    const ics = toICalendar('x', [deadline()], 'h');
    const stamp = Date.parse(readCalendar(ics).events[0].dtstamp);
    expect(Math.abs(stamp - Date.now())).toBeLessThan(60_000);
  });
});

describe('text in a calendar event', () => {
  it('reads back as written: semicolons, commas, backslashes and line breaks included', () => {
    const text = 'Lavrov: "nonsense"; guarantees, monitoring\\next\nline two\r\nline three \\n not a break';
    const [event] = readCalendar(toICalendar(`Deadlines; A, B\\C\nD`, [deadline({ summary: text, description: text })], 'h', NOW)).events;
    expect(event.summary).toBe(text.replace(/\r\n/g, '\n'));
    expect(event.description).toBe(text.replace(/\r\n/g, '\n'));
    expect(readCalendar(toICalendar(`Deadlines; A, B\\C\nD`, [], 'h', NOW)).name).toBe('Deadlines; A, B\\C\nD');
  });

  it('writes each escape as RFC 5545 spells it', () => {
    const ics = toICalendar('x', [deadline({ summary: 'a;b,c\\d\ne\r\nf', description: 'g' })], 'h', NOW);
    expect(ics).toContain('\r\nSUMMARY:a\\;b\\,c\\\\d\\ne\\nf\r\n');
  });

  it('drops control characters a calendar cannot hold, and keeps a tab', () => {
    const [event] = readCalendar(toICalendar('x', [deadline({ description: 'a\u0000b\u0008c\u000bd\u001fe\u007ff\tg\rh' })], 'h', NOW)).events;
    expect(event.description).toBe('abcdef\tgh');
  });

  it('folds long lines at 75 octets without splitting a character, and unfolds to the text', () => {
    const long = 'Переговоры в Абу-Даби — «гарантии безопасности» 🕊 '.repeat(6);
    const ics = toICalendar('x', [deadline({ description: long })], 'h', NOW);
    const lines = physicalLines(ics);
    const folded = lines.slice(lines.findIndex((l) => l.startsWith('DESCRIPTION:')));
    expect(folded.slice(1, 4).every((l) => l.startsWith(' '))).toBe(true);
    // Every piece is whole UTF-8: a split character would decode to U+FFFD.
    for (const line of folded) expect(Buffer.from(line).toString()).not.toContain('\uFFFD');
    // A line is filled before it folds, not cut at every character.
    const pieces = folded.slice(0, folded.findIndex((l, i) => i > 0 && !l.startsWith(' ')));
    for (const line of pieces.slice(0, -1)) expect(Buffer.byteLength(line)).toBeGreaterThan(60);
    expect(readCalendar(ics).events[0].description).toBe(long);
  });
});
