import { InvalidInputError } from '@/lib/errors';

// Every claim carries its source (DOMAIN.md). An update with none is refused, unless the analyst says it has
// none yet: then it is stored as unsourced and the weak-sources panel counts it until a source is added.
// Every writer of updates asks this one rule (tests/update-writers.ts lists them).

/** The box an analyst ticks to log an update without a source. */
export const UNSOURCED_LABEL = 'Unsourced (no source yet)';

export const NO_SOURCE = `Cite a source or add one, or tick “${UNSOURCED_LABEL}”: an update needs its source.`;
/** The headline of the refusal, above the message beside the sources. */
export const UNSAVED_WITHOUT_SOURCE = 'The update has no source; nothing was saved.';

/**
 * Whether an update citing `sourceCount` sources is stored as unsourced. A source outweighs the tick: once an
 * update cites one, it is no longer "no source yet". Neither a source nor the tick is refused beside the sources.
 */
export function unsourcedFlag(sourceCount: number, saidUnsourced: boolean): boolean {
  if (sourceCount > 0) return false;
  if (saidUnsourced) return true;
  throw new InvalidInputError(UNSAVED_WITHOUT_SOURCE, { sourceIds: [NO_SOURCE] });
}
