// Every way an update is written, and what each does with one that has no source: an update cites a source,
// or the analyst says it has none yet (lib/update-sourcing.ts). tests/update-writers.test.ts fails when code
// writes the updates table from a file not listed here, or reaches a writer from a way in not listed here, and
// drives every way in with an update that has no source.
//
// Adding a writer or a way in? Add its line here and its case to DRIVEN in the test.

/** The functions that write rows of the updates table, by file. Each file asks unsourcedFlag. */
export const UPDATE_WRITERS: Record<string, string[]> = {
  'db/mutations/updates.ts': ['logUpdate', 'editUpdate'],
  'db/mutations/import-updates.ts': ['importUpdates'],
  'db/mutations/import-negotiation.ts': ['importNegotiation', 'importCollection'],
};

/** Writers of the updates table that are not the app's, and why they need not ask the rule. */
export const OUTSIDE_THE_APP: Record<string, string> = {
  'bench/generate.ts': 'benchmark data straight into SQLite: every generated update cites one to three sources (tests/bench-generate.test.ts)',
};

/**
 * What an update without a source comes to:
 *   refused    nothing is written, and the caller is told beside the sources;
 *   unsourced  written, marked unsourced: the way in brings records made elsewhere (an interchange document,
 *              older ones included), which must not fail for want of a flag they could not carry.
 */
export type Sourceless = 'refused' | 'unsourced';

export type WayIn = { file: string; name: string; what: string; sourceless: Sourceless };

/** Every file outside tests/ that calls a writer, by the function that does. */
export const WAYS_IN: WayIn[] = [
  { file: 'app/updates/actions.ts', name: 'logUpdateAction', what: 'the update form', sourceless: 'refused' },
  { file: 'app/updates/actions.ts', name: 'editUpdateAction', what: 'the update edit form', sourceless: 'refused' },
  { file: 'app/api/updates/route.ts', name: 'POST', what: 'POST /api/updates, with a session or a token', sourceless: 'refused' },
  { file: 'app/api/negotiations/[id]/import-updates/route.ts', name: 'POST', what: 'a CSV of updates', sourceless: 'refused' },
  { file: 'app/api/negotiations/import/route.ts', name: 'POST', what: 'an interchange document through the API', sourceless: 'unsourced' },
  { file: 'scripts/import.ts', name: 'main', what: 'an interchange document from the command line', sourceless: 'unsourced' },
  { file: 'db/demo/load.ts', name: 'loadDemoData', what: 'the demo data on a fresh start', sourceless: 'unsourced' },
];
