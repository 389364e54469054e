// The figures a statement gives, with what they count ("314 prisoners", "24 hours", "six months"):
// what an analyst compares across reports (314 in all against 157 per side). A bare year is a date,
// not a figure.

const NUMBER_WORDS = 'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen';
const NUMBER = `(?:\\d{1,3}(?:[,\\u00a0]\\d{3})+|\\d+(?:\\.\\d+)?|(?:${NUMBER_WORDS}))`;
const FILLER = new Set(['and', 'or', 'of', 'the', 'a', 'to', 'in', 'on', 'per', 'than', 'more', 'at', 'for', 'with', 'from', 'by', 'during', 'that', 'which', 'is', 'was', 'were', 'are']);

const FIGURE = new RegExp(`(?<![\\p{L}\\p{N}.,])(${NUMBER})(?:\\s*(%)|(?:-|\\s+)([\\p{L}][\\p{L}-]*))?`, 'giu');

/** The figures of a text, each once, in the order they stand. */
export function figuresIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [, number, percent, next] = m;
    const isYear = /^(?:19|20|21)\d{2}$/.test(number);
    if (percent) found.push(`${number}%`);
    // "314 prisoners", "314 POWs"; not "157 Russian" (a name or an adjective of one starts the next phrase).
    else if (next && !FILLER.has(next.toLowerCase()) && !/^\p{Lu}\p{Ll}/u.test(next)) found.push(`${number} ${next}`);
    else if (/\d/.test(number) && !isYear) found.push(number);
  }
  return [...new Set(found)];
}
