/** Today's calendar date where the reader is ('YYYY-MM-DD'); UTC when the time zone is unknown or invalid. */
export function todayIso(now = new Date(), timeZone = 'UTC'): string {
  try {
    return isoDateFormat(timeZone).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

// Building an Intl.DateTimeFormat costs ~0.1 ms; there are a few hundred time zones, so keep one per zone.
const isoDateFormats = new Map<string, Intl.DateTimeFormat>();
function isoDateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = isoDateFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD. An unknown zone throws here, before anything is stored.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    isoDateFormats.set(timeZone, format);
  }
  return format;
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` has passed. */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

// One formatter for the whole process: toLocaleDateString builds a new one on every call (~0.1 ms),
// which was the largest single cost of rendering the dashboard.
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

// Pages and summaries format the same few thousand days over and over: keep each text once.
const formattedDates = new Map<string, string>();
const FORMATTED_DATES_MAX = 20_000;

/** How many texts formatDate holds: a bounded number, so a long-running server's memory does not grow with every day it shows. */
export const formatDateMemorySize = () => formattedDates.size;

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const known = formattedDates.get(iso);
  if (known !== undefined) return known;
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  const text = Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
  if (formattedDates.size >= FORMATTED_DATES_MAX) formattedDates.clear();
  formattedDates.set(iso, text);
  return text;
}

// One formatter per time zone, as for todayIso.
const timestampFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment (an ISO timestamp) as the reader's clock shows it: "5 Feb 2026, 09:30". An unknown or invalid
 * zone reads as UTC; `zone` in the result says which one was used.
 */
export function formatTimestamp(iso: string, timeZone = 'UTC'): { text: string; zone: string } {
  let zone = timeZone;
  let format = timestampFormats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone });
      timestampFormats.set(zone, format);
    } catch {
      zone = 'UTC';
      format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    }
  }
  const d = new Date(iso);
  return { text: Number.isNaN(d.getTime()) ? iso : format.format(d), zone };
}
