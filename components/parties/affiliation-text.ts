import { formatDate } from '@/lib/dates';

/** When someone held an affiliation, as far as it is known: "from 20 Jan 2025", "until …", "… – …". */
export function affiliationSpan(startsOn: string | null, endsOn: string | null): string {
  if (startsOn && endsOn) return `${formatDate(startsOn)} – ${formatDate(endsOn)}`;
  if (startsOn) return `from ${formatDate(startsOn)}`;
  if (endsOn) return `until ${formatDate(endsOn)}`;
  return '';
}

/** "Russia, Russian foreign minister (from 9 Mar 2004)": whom someone speaks for, as what and when. */
export function affiliationText(f: { party?: string | null; title: string; startsOn: string | null; endsOn: string | null }): string {
  const span = affiliationSpan(f.startsOn, f.endsOn);
  const what = [f.party, f.title].filter(Boolean).join(', ');
  return [what, span && `(${span})`].filter(Boolean).join(' ');
}
