import { formatDate } from './dates';
import { DATE_PRECISIONS, type DatePrecision } from './domain';

// A date as precisely as a report gives it (DOMAIN.md, "date precision"), never with an invented day:
// a day, a month, a year, a part of a year ("late 2025"), or approximate: a phrase counted from the
// report's date ("in the coming weeks", said on 5 Feb 2026), or "about" a day. Every page, list,
// summary, export and the interchange words, sorts and ages dates through this module.
//
// `date` is always a real day: the first day of the window (for an approximate date, the report's
// date the phrase is counted from), so SQL that orders or compares the stored day keeps working.
// The window's last day is what a vague date is sorted by and what makes it overdue (estimated).

export { DATE_PRECISIONS, type DatePrecision };

export type PartialDate = {
  /** 'YYYY-MM-DD': the window's first day; for 'approx', the day the report said it. */
  date: string;
  precision: DatePrecision;
  /** For 'approx': what the report said ("in the coming weeks"); '' otherwise, or for "about a day". */
  label: string;
};

/** The phrases a window can be counted from, and the last day each reaches from the report's date. */
const PHRASES: Record<string, (from: string) => string> = {
  'in the coming days': (from) => addDays(from, 7),
  'in the coming weeks': (from) => addDays(from, 42),
  'in the coming months': (from) => lastDayOfMonth(addMonths(from, 3)),
  'by the end of the month': (from) => lastDayOfMonth(from),
  'next month': (from) => lastDayOfMonth(addMonths(from, 1)),
  'by the end of the year': (from) => `${from.slice(0, 4)}-12-31`,
  'next year': (from) => `${Number(from.slice(0, 4)) + 1}-12-31`,
};

/** The phrases an analyst may type for an approximate date, as the form's hint lists them. */
export const APPROXIMATE_PHRASES = Object.keys(PHRASES);

// A third of a year each: early January–April, mid May–August, late September–December.
const PARTS = { early: ['01-01', '04-30'], mid: ['05-01', '08-31'], late: ['09-01', '12-31'] } as const;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number) => String(n).padStart(2, '0');

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first day of the month `months` after `iso`'s. */
function addMonths(iso: string, months: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`;
}

function lastDayOfMonth(iso: string): string {
  return addDays(addMonths(iso, 1), -1);
}

export function isRealDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The value as stored: the day is moved to the start of its window, and only an approximate date keeps a label. */
export function normalise(value: PartialDate): PartialDate {
  const { date, precision } = value;
  const year = date.slice(0, 4);
  switch (precision) {
    case 'day':
      return { date, precision, label: '' };
    case 'approx':
      return { date, precision, label: phraseOf(value.label) ?? value.label.trim() };
    case 'month':
      return { date: `${date.slice(0, 7)}-01`, precision, label: '' };
    case 'year':
      return { date: `${year}-01-01`, precision, label: '' };
    default:
      return { date: `${year}-${PARTS[precision][0]}`, precision, label: '' };
  }
}

/** A known phrase, whatever its case and spacing, or null. */
function phraseOf(label: string): string | null {
  const key = label.trim().toLowerCase().replace(/\s+/g, ' ');
  return key in PHRASES ? key : null;
}

/** The window a date stands for: its first and last day ('YYYY-MM-DD'). */
export function windowOf(value: PartialDate): { from: string; to: string } {
  const { date, precision } = normalise(value);
  const year = date.slice(0, 4);
  switch (precision) {
    case 'day':
      return { from: date, to: date };
    case 'month':
      return { from: date, to: lastDayOfMonth(date) };
    case 'year':
      return { from: date, to: `${year}-12-31` };
    case 'approx': {
      const phrase = phraseOf(value.label);
      return { from: date, to: phrase ? PHRASES[phrase](date) : date };
    }
    default:
      return { from: date, to: `${year}-${PARTS[precision][1]}` };
  }
}

/** What a vague date is sorted by: the last day it may fall on ('YYYY-MM-DD'). */
export const sortKey = (value: PartialDate): string => windowOf(value).to;

/** Orders dates by the end of their window, then by its start; for Array.prototype.sort. */
export function compareDates(a: PartialDate, b: PartialDate): number {
  const x = windowOf(a);
  const y = windowOf(b);
  return x.to.localeCompare(y.to) || x.from.localeCompare(y.from);
}

/** A date that does not name a single day: its window is an estimate. */
export const isEstimated = (value: PartialDate): boolean => value.precision !== 'day';

/** The whole window has passed by `today` ('YYYY-MM-DD'). */
export const hasPassed = (value: PartialDate, today: string): boolean => windowOf(value).to < today;

/** The date as a reader is shown it: "5 May 2025", "May 2025", "2025", "late 2025", "in the coming weeks (est. by 19 Mar 2026)". */
export function formatPartialDate(value: PartialDate | null | undefined): string {
  if (!value) return '—';
  const { date, precision, label } = normalise(value);
  switch (precision) {
    case 'day':
      return formatDate(date);
    case 'month':
      return `${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
    case 'year':
      return date.slice(0, 4);
    case 'approx': {
      if (phraseOf(label)) return `${label} (est. by ${formatDate(windowOf(value).to)})`;
      return label ? `${label} (approx. ${formatDate(date)})` : `${formatDate(date)} (approx.)`;
    }
    default:
      return `${precision} ${date.slice(0, 4)}`;
  }
}

/**
 * The text an edit form starts from, which the parser reads back as the same date: the reader's wording,
 * except that a phrase keeps the day it was counted from ("in the coming weeks (from 5 Feb 2026)").
 */
export function partialDateInput(value: PartialDate | null | undefined): string {
  if (!value) return '';
  const v = normalise(value);
  if (v.precision === 'approx' && phraseOf(v.label)) return `${v.label} (from ${formatDate(v.date)})`;
  return formatPartialDate(v);
}

export const PARTIAL_DATE_HINT = 'a day (5 May 2025), a month (May 2025), a year (2025), early, mid or late 2025, or a phrase such as "in the coming weeks"';

export type ParsedPartialDate = { ok: true; value: PartialDate } | { ok: false; message: string };

const fail = (message: string): ParsedPartialDate => ({ ok: false, message });
const YEAR = /^(\d{4})$/;

function yearOf(text: string): number | null {
  const m = YEAR.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1900 && y <= 2199 ? y : null;
}

function monthOf(text: string): number | null {
  const word = text.toLowerCase().replace(/\.$/, '');
  if (word.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(word));
  return i < 0 ? null : i + 1;
}

/** A single day in any of the ways analysts write one, or null. */
function dayOf(text: string): string | null {
  const t = text.trim().replace(/,/g, ' ').replace(/\s+/g, ' ');
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isRealDay(t) ? t : null;
  const words = t.split(' ');
  if (words.length !== 3) return null;
  // "5 May 2025" or "May 5 2025"
  const [a, b, c] = words;
  const dayFirst = /^\d{1,2}$/.test(a) ? [a, b] : /^\d{1,2}$/.test(b) ? [b, a] : null;
  const year = yearOf(c);
  if (!dayFirst || year === null) return null;
  const month = monthOf(dayFirst[1]);
  if (month === null) return null;
  const iso = `${year}-${pad(month)}-${pad(Number(dayFirst[0]))}`;
  return isRealDay(iso) ? iso : null;
}

function dayPrecise(text: string): PartialDate | null {
  const day = dayOf(text);
  return day ? { date: day, precision: 'day', label: '' } : null;
}

function vague(text: string): PartialDate | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const iso = /^(\d{4})-(\d{2})$/.exec(t);
  if (iso) {
    const month = Number(iso[2]);
    return month >= 1 && month <= 12 && yearOf(iso[1]) !== null ? { date: `${iso[1]}-${iso[2]}-01`, precision: 'month', label: '' } : null;
  }
  const year = yearOf(t);
  if (year !== null) return { date: `${year}-01-01`, precision: 'year', label: '' };
  const words = t.toLowerCase().replace(/-/g, ' ').split(' ');
  if (words.length !== 2) return null;
  const y = yearOf(words[1]);
  if (y === null) return null;
  if (words[0] === 'early' || words[0] === 'mid' || words[0] === 'late') return normalise({ date: `${y}-01-01`, precision: words[0], label: '' });
  const month = monthOf(words[0]);
  return month === null ? null : { date: `${y}-${pad(month)}-01`, precision: 'month', label: '' };
}

/** "in the coming weeks", "in the coming weeks (from 5 Feb 2026)", "5 Feb 2026 (approx.)", "spring (approx. 5 Feb 2026)", "about 5 Feb 2026". */
function approximate(text: string, reportedOn: string | null): PartialDate | null | 'no-report-date' {
  const t = text.trim().replace(/\s+/g, ' ');
  const about = /^(?:about|around|approx\.?|c\.|circa) (.+)$/i.exec(t) ?? /^(.+?) \(approx\.\)$/i.exec(t);
  const aboutDay = about && dayOf(about[1]);
  if (aboutDay) return { date: aboutDay, precision: 'approx', label: '' };
  const counted = /^(.+?) \((?:from|approx\.) (.+)\)$/i.exec(t);
  if (counted) {
    const day = dayOf(counted[2]);
    return day ? { date: day, precision: 'approx', label: phraseOf(counted[1]) ?? counted[1].trim() } : null;
  }
  const phrase = phraseOf(t);
  if (!phrase) return null;
  return reportedOn ? { date: reportedOn, precision: 'approx', label: phrase } : 'no-report-date';
}

/**
 * What an analyst typed, read as a date. A phrase ("in the coming weeks") is counted from `reportedOn`,
 * the report's date ('YYYY-MM-DD'), unless the text names the day it is counted from.
 */
export function parsePartialDate(text: string, reportedOn: string | null = null): ParsedPartialDate {
  const t = text.trim();
  if (t === '') return fail('Give a date.');
  if (t.length > 200) return fail('At most 200 characters.');
  const value = dayPrecise(t) ?? vague(t);
  if (value) return { ok: true, value };
  const approx = approximate(t, reportedOn);
  if (approx === 'no-report-date') return fail(`Say when it was reported: "${t} (from 5 Feb 2026)".`);
  if (approx) return { ok: true, value: approx };
  return fail(`Not a date we can read. Write ${PARTIAL_DATE_HINT}.`);
}

/** A stored date from its columns (null when there is no day). Unknown precisions read as a day. */
export function storedDate(date: string | null | undefined, precision?: string | null, label?: string | null): PartialDate | null {
  if (!date) return null;
  const known = (DATE_PRECISIONS as readonly string[]).includes(precision ?? '') ? (precision as DatePrecision) : 'day';
  return { date, precision: known, label: known === 'approx' ? (label ?? '') : '' };
}

/** The columns a date is stored in: its window's first day, precision, label, and its window's last day. */
export function storedColumns(value: PartialDate | null): { date: string | null; precision: DatePrecision; label: string; until: string | null } {
  if (!value) return { date: null, precision: 'day', label: '', until: null };
  const v = normalise(value);
  return { date: v.date, precision: v.precision, label: v.label, until: windowOf(v).to };
}

/** A stored date's wording, straight from its columns: "May 2025"; '—' when there is no date. */
export const formatStoredDate = (date: string | null | undefined, precision?: string | null, label?: string | null): string =>
  formatPartialDate(storedDate(date, precision, label));
