import { label, type RoundStatus } from '@/lib/domain';

/** Rounds as the homework form offers them: a cancelled round says so, so nothing is moved onto it unawares. */
export function roundChoices(rounds: { id: number; name: string; status: RoundStatus }[]) {
  return rounds.map((r) => ({ value: String(r.id), label: r.status === 'cancelled' ? `${r.name} (${label(r.status)})` : r.name }));
}
