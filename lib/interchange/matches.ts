// What an import says of the parties and actors it found already here: the importer reuses them by
// name (a party is one identity across negotiations), and the analyst must be able to see which.

export type ImportMatch = {
  kind: 'party' | 'actor';
  name: string;
  /** The negotiations that already name this party or person, other than those the import creates. */
  otherNegotiations: number;
  /** A party keeps its own short name; set when the file gives it another. */
  shortNameKept?: { kept: string; inFile: string };
};

const usedIn = (n: number) => (n === 0 ? 'used in no other negotiation' : `used in ${n} other negotiation${n === 1 ? '' : 's'}`);

/** "United States: matched the existing party, used in 2 other negotiations". */
export function describeMatch(match: ImportMatch): string {
  const kept = match.shortNameKept ? ` (its short name ${match.shortNameKept.kept} kept; the file says ${match.shortNameKept.inFile})` : '';
  return `${match.name}: matched the existing ${match.kind}${kept}, ${usedIn(match.otherNegotiations)}`;
}
