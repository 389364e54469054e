import * as chrono from 'chrono-node';
import { isRealDay } from '@/lib/partial-date';
import type { PageMeta } from './html-text';
import type { ArticleInput, ProposedSource } from './types';

// The source an article is: what the analyst typed wins; then what the page says of itself (HTML
// metadata); then the address (ft.com is the Financial Times); then the text's own lines: a short
// first line is its headline, a dateline or a copyright line gives the date or the outlet. Outlets the
// text only cites ("according to Axios") are never taken for the article's own.

const OUTLETS_BY_HOST: Record<string, string> = {
  'ft.com': 'Financial Times',
  'elpais.com': 'El País',
  'reuters.com': 'Reuters',
  'apnews.com': 'Associated Press',
  'bbc.co.uk': 'BBC',
  'bbc.com': 'BBC',
  'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post',
  'theguardian.com': 'The Guardian',
  'axios.com': 'Axios',
  'tass.com': 'TASS',
  'tass.ru': 'TASS',
  'politico.com': 'Politico',
  'politico.eu': 'Politico Europe',
  'bloomberg.com': 'Bloomberg',
  'aljazeera.com': 'Al Jazeera',
  'kyivindependent.com': 'The Kyiv Independent',
  'meduza.io': 'Meduza',
  'interfax.ru': 'Interfax',
  'kommersant.ru': 'Kommersant',
  'pravda.com.ua': 'Ukrainska Pravda',
  'economist.com': 'The Economist',
  'wsj.com': 'The Wall Street Journal',
  'lemonde.fr': 'Le Monde',
  'spiegel.de': 'Der Spiegel',
  'dw.com': 'Deutsche Welle',
  'france24.com': 'France 24',
  'rferl.org': 'Radio Free Europe/Radio Liberty',
  'carbonbrief.org': 'Carbon Brief',
};

/** The host of an address without "www." and the like; null for anything that is not an http(s) URL. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.toLowerCase().replace(/^(?:www|english|edition|amp|m)\./, '');
  } catch {
    return null;
  }
}

export function outletOfHost(host: string | null): string | null {
  if (!host) return null;
  const known = Object.keys(OUTLETS_BY_HOST).find((h) => host === h || host.endsWith(`.${h}`));
  return known ? OUTLETS_BY_HOST[known] : host;
}

const COPYRIGHT = /(?:©|\(c\)|copyright)\s*(?:\d{4}\s+)?(?:the\s+)?([A-Z][\w&.’' -]{1,60}?)(?:\s+(?:Ltd|Limited|Inc|LLC|plc|S\.L)\b|[.,;\n]|$)/im;

/** A headline: the first line, when it is short and does not end like a sentence. */
function headline(text: string): string | null {
  const first = text.split('\n', 1)[0].trim();
  if (!first || first.length > 200 || text.length <= first.length + 1) return null;
  return /[.!?:;,]$/.test(first) ? null : first;
}

/** A full date (day, month and year) among the first lines: the dateline. */
function dateline(text: string): string | null {
  const head = text.split('\n').slice(0, 6).join('\n').slice(0, 600);
  let results: chrono.ParsedResult[];
  try {
    results = chrono.en.parse(head);
  } catch {
    return null;
  }
  for (const r of results) {
    const c = r.start;
    if (!c.isCertain('day') || !c.isCertain('month') || !c.isCertain('year')) continue;
    const iso = `${c.get('year')}-${String(c.get('month')).padStart(2, '0')}-${String(c.get('day')).padStart(2, '0')}`;
    if (isRealDay(iso)) return iso;
  }
  return null;
}

const given = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

export function proposedSource(input: ArticleInput, text: string, meta: PageMeta): ProposedSource {
  const url = given(input.url);
  const copyright = COPYRIGHT.exec(text.slice(-2000))?.[1]?.trim() ?? null;
  const publishedOn = given(input.publishedOn) ?? meta.publishedOn ?? dateline(text);
  return {
    outlet: given(input.outlet) ?? meta.outlet ?? outletOfHost(hostOf(url)) ?? copyright ?? '',
    title: given(input.title) ?? meta.title ?? headline(text) ?? '',
    url: hostOf(url) ? url : null,
    publishedOn: publishedOn && isRealDay(publishedOn) ? publishedOn : null,
  };
}
