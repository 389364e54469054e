import { label } from './domain';

type Version = { stance: string; summary: string; redLines: string; flexibility: string };

/** What differs between two versions, each as a phrase ("stance opposes → conditional"); empty when restated unchanged. */
function changesBetween(previous: Version, next: Version): string[] {
  const changes: string[] = [];
  if (previous.stance !== next.stance) changes.push(`stance ${label(previous.stance)} → ${label(next.stance)}`);
  if (previous.flexibility !== next.flexibility) changes.push(`flexibility ${label(previous.flexibility)} → ${label(next.flexibility)}`);
  if (previous.summary !== next.summary) changes.push('summary revised');
  if (previous.redLines !== next.redLines) changes.push('red lines revised');
  return changes;
}

/** In words, what a position version changed against the one it replaced: a line of its own ("Changed: …"). */
export function describePositionChange(previous: Version | undefined, next: Version): string {
  if (!previous) return 'First recorded position.';
  const changes = changesBetween(previous, next);
  return changes.length ? `Changed: ${changes.join('; ')}.` : 'Restated without change.';
}

/** The same, to follow a "What changed:" label, which already says it is a change ("Stance opposes → conditional."). */
export function whatChanged(previous: Version | undefined, next: Version): string {
  if (!previous) return 'First recorded position.';
  const changes = changesBetween(previous, next).join('; ');
  return changes ? `${changes[0].toUpperCase()}${changes.slice(1)}.` : 'Restated without change.';
}
