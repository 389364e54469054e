import { label } from './domain';

// "What changed since the last round" opens with one line per issue, the bottom line a principal reads first
// ("Donbas status: under discussion → deadlocked; Russia hardened (supports → opposes)"); the evidence follows,
// folded. A party's first recorded position is news but not a move: it is said, and not counted as movement.

type State = { stance: string; summary: string } | null;

export type Movement = 'first_recorded' | 'hardened' | 'softened' | 'shifted' | 'restated';

/** How far a stance goes towards agreeing: a move down this scale hardens, a move up softens. */
const TOWARDS_AGREEMENT: Record<string, number> = { opposes: 0, conditional: 1, supports: 2 };

/** What a party's position did between two points, given that a version of it is dated between them. */
export function movementOf(before: State, after: State): Movement {
  if (!before) return 'first_recorded';
  if (!after || before.stance === after.stance) return 'restated';
  const [was, is] = [TOWARDS_AGREEMENT[before.stance], TOWARDS_AGREEMENT[after.stance]];
  if (was === undefined || is === undefined) return 'shifted';
  return is < was ? 'hardened' : 'softened';
}

/** Whether a party's change counts as movement: everything but a first recording. */
export const isMove = (movement: Movement | null): boolean => movement !== null && movement !== 'first_recorded';

export type IssueChanges = {
  title: string;
  statusBefore: string | null;
  statusAfter: string | null;
  statusChanged: boolean;
  parties: { partyName: string; before: State; after: State; movement: Movement | null }[];
};

function movePhrase(party: IssueChanges['parties'][number]): string {
  const stances = `${label(party.before?.stance ?? '')} → ${label(party.after?.stance ?? '')}`;
  if (party.movement === 'hardened') return `${party.partyName} hardened (${stances})`;
  if (party.movement === 'softened') return `${party.partyName} softened (${stances})`;
  if (party.movement === 'shifted') return `${party.partyName} shifted (${stances})`;
  return `${party.partyName} restated its position (${label(party.after?.stance ?? '')})`;
}

/** The issue's bottom line, without its title: the status move first, then each party that moved, then the first recordings in one phrase. */
export function bottomLine(issue: IssueChanges): string {
  const parts: string[] = [];
  if (issue.statusChanged) parts.push(issue.statusBefore ? `${label(issue.statusBefore)} → ${label(issue.statusAfter ?? '')}` : `status first recorded: ${label(issue.statusAfter ?? '')}`);
  parts.push(...issue.parties.filter((p) => isMove(p.movement)).map(movePhrase));
  const first = issue.parties.filter((p) => p.movement === 'first_recorded');
  if (first.length) parts.push(`position first recorded for ${first.map((p) => `${p.partyName} (${label(p.after?.stance ?? '')})`).join(', ')}`);
  return parts.length ? parts.join('; ') : 'no change';
}

/** Whether the issue moved: its status went from one to another, or a party's position moved; a first recording alone is not a move. */
export const issueMoved = (issue: Pick<IssueChanges, 'statusChanged' | 'statusBefore' | 'parties'>): boolean =>
  (issue.statusChanged && issue.statusBefore !== null) || issue.parties.some((p) => isMove(p.movement));
