import type { Verdict } from '@/lib/corroboration';

const WORDS: Record<Verdict, string> = {
  consistent: 'consistent',
  differ: 'sources differ',
  agree: 'sources agree',
};

/** The group's verdict: marked consistent by an analyst, differing (marked or figures differ), or agreeing. */
export function VerdictBadge({ verdict, marked }: { verdict: Verdict; marked: boolean }) {
  return (
    <span className={`badge verdict-${verdict}`}>
      {WORDS[verdict]}
      {marked ? ' (analyst)' : verdict === 'differ' ? ' (figures)' : ''}
    </span>
  );
}
