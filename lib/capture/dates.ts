import * as chrono from 'chrono-node';
import { APPROXIMATE_PHRASES, isRealDay, normalise, type PartialDate } from '@/lib/partial-date';

// When a statement's event happened, read from its sentence against the article's publication date, as
// precisely as the words say and never more (lib/partial-date.ts's precisions): "on Thursday" is a
// day, "in October" a month, "in 2021" a year, "last autumn" late 2025, "in the coming weeks" the
// approximate window that module counts from the report's day. Days and months come from chrono-node
// (README: why); the phrases chrono does not know, and the parts of a year, are read here. A sentence
// that dates nothing is dated "about" the publication day: the statement was reported then.

type Found = { at: number; value: PartialDate };

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number): PartialDate => ({ date: `${y}-${pad(m)}-${pad(d)}`, precision: 'day', label: '' });
const month = (y: number, m: number): PartialDate => ({ date: `${y}-${pad(m)}-01`, precision: 'month', label: '' });
const year = (y: number): PartialDate => ({ date: `${y}-01-01`, precision: 'year', label: '' });

// The part of the year holding most of each season (lib/partial-date.ts: early Jan–Apr, mid May–Aug, late Sep–Dec).
const SEASONS: Record<string, { part: 'early' | 'mid' | 'late'; endMonth: number }> = {
  spring: { part: 'early', endMonth: 5 },
  summer: { part: 'mid', endMonth: 8 },
  autumn: { part: 'late', endMonth: 11 },
  fall: { part: 'late', endMonth: 11 },
  winter: { part: 'early', endMonth: 2 },
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PHRASE = new RegExp(`\\b(${APPROXIMATE_PHRASES.map(escape).join('|')})\\b`, 'gi');
const SEASON = /\b(?:(last|this|next)\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}))?\b/gi;
const PART = /\b(early|mid|late)[\s-]+(?:(\d{4})|(last|this|next) year)\b/gi;
const YEAR = /\b(?:in|since|by|from|until|of|during)\s+((?:19|20|21)\d{2})\b(?![-–/]\d)/gi;
const RELATIVE = /\b(last|this) (month|year)\b/gi;
const DURATION = /^(?:in|within|for|over|after)\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|the next)\b/i;
const THIS_DAY = /^(?:today|tonight|this (?:morning|afternoon|evening))$/i;
const CYRILLIC = /\p{Script=Cyrillic}/u;

function parts(published: string | null) {
  if (!published) return null;
  return { y: Number(published.slice(0, 4)), m: Number(published.slice(5, 7)) };
}

function fromWords(sentence: string, published: string | null): Found[] {
  const found: Found[] = [];
  const pub = parts(published);
  for (const m of sentence.matchAll(PHRASE)) {
    if (published) found.push({ at: m.index, value: normalise({ date: published, precision: 'approx', label: m[1] }) });
  }
  for (const m of sentence.matchAll(SEASON)) {
    const season = SEASONS[m[2].toLowerCase()];
    let y: number | null = m[3] ? Number(m[3]) : null;
    if (y === null && pub && m[1]) {
      const which = m[1].toLowerCase();
      // "last autumn" is the latest one already over when the report was written.
      y = which === 'this' ? pub.y : which === 'next' ? pub.y + 1 : season.endMonth < pub.m ? pub.y : pub.y - 1;
    }
    if (y !== null) found.push({ at: m.index, value: normalise({ date: `${y}-01-01`, precision: season.part, label: '' }) });
  }
  for (const m of sentence.matchAll(PART)) {
    const rel = m[3]?.toLowerCase();
    const y = m[2] ? Number(m[2]) : pub ? pub.y + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0) : null;
    if (y !== null) found.push({ at: m.index, value: normalise({ date: `${y}-01-01`, precision: m[1].toLowerCase() as 'early', label: '' }) });
  }
  for (const m of sentence.matchAll(YEAR)) found.push({ at: m.index, value: year(Number(m[1])) });
  if (pub) {
    for (const m of sentence.matchAll(RELATIVE)) {
      const last = m[1].toLowerCase() === 'last';
      if (m[2].toLowerCase() === 'year') found.push({ at: m.index, value: year(pub.y - (last ? 1 : 0)) });
      else {
        const total = pub.y * 12 + pub.m - 1 - (last ? 1 : 0);
        found.push({ at: m.index, value: month(Math.floor(total / 12), (total % 12) + 1) });
      }
    }
  }
  return found;
}

function fromChrono(sentence: string, published: string | null): Found[] {
  const parser = CYRILLIC.test(sentence) ? (/[іїєґ]/i.test(sentence) ? chrono.uk : chrono.ru) : chrono.en;
  const instant = published ? new Date(`${published}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  let results: chrono.ParsedResult[];
  try {
    results = parser.parse(sentence, { instant, timezone: 0 }, { forwardDate: false });
  } catch {
    return [];
  }
  const found: Found[] = [];
  for (const r of results) {
    const text = r.text.trim().replace(/[,.;]+$/, '');
    // Durations ("in five months"), weeks and "now" name no day of an event.
    if (DURATION.test(text) || /\bweeks?\b/i.test(text) || /^(?:for |right |just )?now$/i.test(text)) continue;
    const c = r.start;
    const relative = !c.isCertain('year');
    if (relative && !published) continue;
    const y = c.get('year') ?? 0;
    const mo = c.get('month') ?? 1;
    const d = c.get('day') ?? 1;
    let value: PartialDate | null = null;
    if (c.isCertain('day') || c.isCertain('weekday') || THIS_DAY.test(text.replace(/^(?:on|at)\s+/i, ''))) {
      value = day(y, mo, d);
      // News is written in the past tense: a bare "on Saturday" is the one before the report, not after.
      if (published && c.isCertain('weekday') && !c.isCertain('day') && !/\bnext\b/i.test(text) && value.date > published) {
        const back = new Date(`${value.date}T00:00:00Z`);
        back.setUTCDate(back.getUTCDate() - 7);
        value = { date: back.toISOString().slice(0, 10), precision: 'day', label: '' };
      }
    } else if (c.isCertain('month')) value = month(y, mo);
    if (value && isRealDay(value.date)) found.push({ at: r.index, value });
  }
  return found;
}

/** The event date of a sentence, or null when it names none and there is no publication date to fall back on. */
export function eventDateOf(sentence: string, published: string | null): PartialDate | null {
  const found = [...fromWords(sentence, published), ...fromChrono(sentence, published)].sort((a, b) => a.at - b.at);
  if (found.length) return found[0].value;
  return published ? { date: published, precision: 'approx', label: '' } : null;
}

/** Whether a sentence dates its event by words only the publication date can resolve ("on Thursday"). */
export function needsPublicationDate(sentence: string): boolean {
  return fromWords(sentence, '2000-06-15').length > fromWords(sentence, null).length || fromChrono(sentence, '2000-06-15').length > fromChrono(sentence, null).length;
}
