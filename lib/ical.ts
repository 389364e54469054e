// A minimal iCalendar (RFC 5545) writer for all-day deadline events.
import { xmlSafe } from '@/lib/xml-safe';

export type CalendarEvent = {
  uid: string;
  date: string;
  /** The last day of a vague date's window ("May 2025": 31 May): the all-day event spans it. The date alone when left out. */
  until?: string;
  summary: string;
  description: string;
  url?: string;
  /** The handling marking of the event's negotiation ('' for none): a line of its description, and its CLASS. */
  marking?: string;
};

/**
 * RFC 5545's access classification for a marking: TLP:CLEAR may be disclosed freely, any other marking is
 * confidential; none, no CLASS (PUBLIC by default, as before markings existed).
 */
export function classOf(marking: string | undefined): 'PUBLIC' | 'CONFIDENTIAL' | null {
  const text = marking?.trim() ?? '';
  if (!text) return null;
  return /^TLP:CLEAR\b/i.test(text) ? 'PUBLIC' : 'CONFIDENTIAL';
}

function escapeText(value: string): string {
  return xmlSafe(value).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** Lines longer than 75 octets are folded with CRLF + space, without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const compact = (iso: string) => iso.replace(/-/g, '');

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function toICalendar(name: string, events: CalendarEvent[], host: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Negotiation tracker//Deadlines//EN', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${escapeText(name)}`];
  for (const e of events) {
    const classification = classOf(e.marking);
    const description = classification ? `Handling: ${e.marking!.trim()}\n${e.description}` : e.description;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}@${host}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(e.date)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(e.until && e.until > e.date ? e.until : e.date))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      ...(classification ? [`CLASS:${classification}`] : []),
      ...(e.url ? [`URL:${e.url}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
