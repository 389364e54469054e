import { label } from './domain';

type Version = { stance: string; summary: string; redLines: string; flexibility: string };

/** In words, what a position version changed against the one it replaced. */
export function describePositionChange(previous: Version | undefined, next: Version): string {
  if (!previous) return 'First recorded position.';
  const changes: string[] = [];
  if (previous.stance !== next.stance) changes.push(`stance ${label(previous.stance)} → ${label(next.stance)}`);
  if (previous.flexibility !== next.flexibility) changes.push(`flexibility ${label(previous.flexibility)} → ${label(next.flexibility)}`);
  if (previous.summary !== next.summary) changes.push('summary revised');
  if (previous.redLines !== next.redLines) changes.push('red lines revised');
  return changes.length ? `Changed: ${changes.join('; ')}.` : 'Restated without change.';
}
