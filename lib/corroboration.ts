// Pure helpers for "sources agree or differ": independent outlets, figures, word overlap.

/** Outlets compared without case or surrounding spaces, so "El País" and "el país " are one outlet. */
export const outletKey = (outlet: string) => outlet.trim().toLocaleLowerCase();

/**
 * Independent outlets behind a set of claims: each claim counts for the outlet at the root of its
 * citation chain (El País citing TASS counts as TASS), each outlet once.
 * `chains` are ordered from the citing source to the origin.
 */
export function independentOutlets(chains: { outlet: string }[][]): string[] {
  const roots = new Map<string, string>();
  for (const chain of chains) {
    const root = chain[chain.length - 1];
    if (root && !roots.has(outletKey(root.outlet))) roots.set(outletKey(root.outlet), root.outlet);
  }
  return [...roots.values()];
}

/** "TASS via El País": the origin first, then each outlet that relayed it. */
export function describeChain(chain: { outlet: string }[]): string {
  return [...chain]
    .reverse()
    .map((c) => c.outlet)
    .join(' via ');
}

/**
 * The figures a text reports: 314, 157, 1,000, 1,234.5. Four-digit numbers from 1900 to 2099 are read as
 * years ("suspended in 2021") and left out: two reports of the same event may date it differently
 * without disagreeing about it.
 */
export function extractNumbers(text: string): number[] {
  const found = new Set<number>();
  for (const match of text.matchAll(/(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\w.,])\d+(?:\.\d+)?(?![\d])/g)) {
    const value = Number(match[0].replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    if (/^\d{4}$/.test(match[0]) && value >= 1900 && value <= 2099) continue;
    found.add(value);
  }
  return [...found].sort((a, b) => a - b);
}

/** True when members that report figures do not all report the same ones (314 against 157). */
export function numbersDiffer(perMember: number[][]): boolean {
  const withNumbers = perMember.filter((n) => n.length > 0).map((n) => n.join(','));
  return new Set(withNumbers).size > 1;
}

export type Verdict = 'consistent' | 'differ' | 'agree';

/**
 * What the group shows: the analyst's mark wins ("consistent" even when the figures differ,
 * "differ" when they judged the reports inconsistent); unmarked, differing figures flag a difference.
 */
export function verdictOf(consistent: boolean | null, figuresDiffer: boolean): Verdict {
  if (consistent === true) return 'consistent';
  if (consistent === false) return 'differ';
  return figuresDiffer ? 'differ' : 'agree';
}

const STOP_WORDS = new Set(
  'that this with from have were will would their there they them than then what when which while also been into only over said says some such about after before more most other could should where these those being very just said'.split(
    ' ',
  ),
);

/** Significant words: lowercased, letters only, at least four of them, common function words left out. */
export function significantWords(text: string): Set<string> {
  const words = text.toLocaleLowerCase().match(/\p{L}{4,}/gu) ?? [];
  return new Set(words.filter((w) => !STOP_WORDS.has(w)));
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / (a.size + b.size - shared);
}
