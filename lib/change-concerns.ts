import { InvalidInputError } from '@/lib/errors';
import type { FieldErrors } from '@/lib/validation/fields';

// A position or status change is about the party and issue the update is about: asked once. A change that
// leaves them out takes the update's; an update that names none takes the change's; a change about another
// party or issue than the ones the update names is refused, not quietly added to them.

type Concerns = { issueIds: number[]; partyIds: number[] };
type Which = { party: 'partyIds'; issue: 'issueIds' };
type Field = keyof Which;

const WORDS: Record<Field, { one: string; many: string }> = {
  party: { one: 'party', many: 'parties' },
  issue: { one: 'issue', many: 'issues' },
};

/** One change's party or issue, given (an id) or left out (null), against the update's own list. */
function settle(given: number | null, own: number[], field: Field, change: string, errors: FieldErrors, key: string): number | null {
  const w = WORDS[field];
  if (given === null) {
    if (own.length === 1) return own[0];
    errors[key] = [
      own.length === 0 ? `Choose the ${w.one} of the ${change}, or tick it among the update's ${w.many}.` : `The update concerns several ${w.many}: choose the ${w.one} of the ${change}.`,
    ];
    return null;
  }
  if (own.length > 0 && !own.includes(given)) {
    errors[key] = [`The ${change} is about another ${w.one} than the update: tick it among the update's ${w.many} too, or choose one of theirs here.`];
    return null;
  }
  return given;
}

type PositionPart = { partyId: number | null; issueId: number | null };
type StatusPart = { issueId: number | null };
type Settled<P, S> = {
  position: (Omit<P, 'partyId' | 'issueId'> & { partyId: number; issueId: number }) | null;
  statusChange: (Omit<S, 'issueId'> & { issueId: number }) | null;
  issueIds: number[];
  partyIds: number[];
};

/**
 * The position and status changes with their party and issue settled, and the update's issues and parties with
 * the changes' added; refused with a message beside each field that contradicts the update or cannot be chosen.
 */
export function settleConcerns<P extends PositionPart, S extends StatusPart>(update: Concerns, position: P | null, statusChange: S | null): Settled<P, S> {
  const errors: FieldErrors = {};
  const issueIds = [...update.issueIds];
  const partyIds = [...update.partyIds];
  const add = (list: number[], id: number) => {
    if (!list.includes(id)) list.push(id);
  };
  let settledPosition: Settled<P, S>['position'] = null;
  if (position) {
    const partyId = settle(position.partyId, update.partyIds, 'party', 'new position', errors, 'position.partyId');
    const issueId = settle(position.issueId, update.issueIds, 'issue', 'new position', errors, 'position.issueId');
    if (partyId !== null && issueId !== null) {
      settledPosition = { ...position, partyId, issueId };
      add(partyIds, partyId);
      add(issueIds, issueId);
    }
  }
  let settledStatus: Settled<P, S>['statusChange'] = null;
  if (statusChange) {
    const issueId = settle(statusChange.issueId, update.issueIds, 'issue', 'status change', errors, 'statusChange.issueId');
    if (issueId !== null) {
      settledStatus = { ...statusChange, issueId };
      add(issueIds, issueId);
    }
  }
  if (Object.keys(errors).length) throw new InvalidInputError('A change is about another party or issue than the update, or does not say which.', errors);
  return { position: settledPosition, statusChange: settledStatus, issueIds, partyIds };
}
