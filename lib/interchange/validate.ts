import type { z } from 'zod';
import { NegotiationDocumentShape, type NegotiationDocument } from './schema';

export type DocumentError = { path: string; message: string };
export type Validation = { ok: true; document: NegotiationDocument } | { ok: false; errors: DocumentError[] };

/** A zod issue path as a JSON Pointer: ['issues', 0, 'status'] → '/issues/0/status'. */
export function pointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('') || '/';
}

const MAX_ERRORS = 200;

/**
 * Checks a parsed JSON value against the schema, then what a JSON Schema cannot say:
 * keys are unique and every reference points at a record of the document.
 */
export function validateDocument(value: unknown): Validation {
  const parsed = NegotiationDocumentShape.safeParse(value);
  if (!parsed.success) return { ok: false, errors: toErrors(parsed.error) };
  const errors = checkReferences(parsed.data);
  return errors.length ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, document: parsed.data };
}

function toErrors(error: z.ZodError): DocumentError[] {
  return error.issues.slice(0, MAX_ERRORS).map((i) => ({ path: pointer(i.path), message: i.message }));
}

function checkReferences(doc: NegotiationDocument): DocumentError[] {
  const errors: DocumentError[] = [];
  const keysOf = (list: { key: string }[], at: string) => {
    const seen = new Set<string>();
    list.forEach((r, i) => {
      if (seen.has(r.key)) errors.push({ path: `/${at}/${i}/key`, message: `Duplicate key "${r.key}".` });
      seen.add(r.key);
    });
    return seen;
  };
  const party = keysOf(doc.parties, 'parties');
  const actor = keysOf(doc.actors, 'actors');
  const source = keysOf(doc.sources, 'sources');
  const issue = keysOf(doc.issues, 'issues');
  const round = keysOf(doc.rounds, 'rounds');
  const update = keysOf(doc.updates, 'updates');
  const position = keysOf(doc.positions, 'positions');

  const check = (set: Set<string>, value: string | null, path: string) => {
    if (value !== null && !set.has(value)) errors.push({ path, message: `"${value}" is not a key of this document.` });
  };
  const unique = <T>(values: T[], path: (i: number) => string, what: string) => {
    const seen = new Set<T>();
    values.forEach((v, i) => {
      if (seen.has(v)) errors.push({ path: path(i), message: `Duplicate ${what}.` });
      seen.add(v);
    });
  };

  unique(doc.parties.map((p) => p.name), (i) => `/parties/${i}/name`, 'party name');
  unique(doc.rounds.map((r) => r.sequence), (i) => `/rounds/${i}/sequence`, 'round sequence');
  doc.actors.forEach((a, i) => check(party, a.party, `/actors/${i}/party`));
  doc.sources.forEach((s, i) => check(source, s.cites, `/sources/${i}/cites`));
  doc.rounds.forEach((r, i) => {
    r.agenda.forEach((k, j) => check(issue, k, `/rounds/${i}/agenda/${j}`));
    r.delegations.forEach((d, j) => check(party, d.party, `/rounds/${i}/delegations/${j}/party`));
    unique(r.delegations.map((d) => d.party), (j) => `/rounds/${i}/delegations/${j}/party`, 'delegation');
    unique(r.agenda, (j) => `/rounds/${i}/agenda/${j}`, 'agenda item');
    r.outcomes.forEach((o, j) => {
      check(issue, o.issue, `/rounds/${i}/outcomes/${j}/issue`);
      check(source, o.source, `/rounds/${i}/outcomes/${j}/source`);
    });
  });
  doc.updates.forEach((u, i) => {
    check(round, u.round, `/updates/${i}/round`);
    for (const [list, set] of [
      ['issues', issue],
      ['parties', party],
      ['actors', actor],
      ['sources', source],
    ] as const) {
      u[list].forEach((k, j) => check(set, k, `/updates/${i}/${list}/${j}`));
      unique(u[list], (j) => `/updates/${i}/${list}/${j}`, 'link');
    }
  });
  const current = new Set<string>();
  doc.positions.forEach((p, i) => {
    check(issue, p.issue, `/positions/${i}/issue`);
    check(party, p.party, `/positions/${i}/party`);
    check(source, p.source, `/positions/${i}/source`);
    check(round, p.round, `/positions/${i}/round`);
    check(update, p.update, `/positions/${i}/update`);
    check(position, p.supersedes, `/positions/${i}/supersedes`);
    if (p.supersedes === p.key) errors.push({ path: `/positions/${i}/supersedes`, message: 'A position cannot supersede itself.' });
    if (p.isCurrent) {
      const pair = `${p.issue} ${p.party}`;
      if (current.has(pair)) errors.push({ path: `/positions/${i}/isCurrent`, message: 'Only one position per issue and party can be current.' });
      current.add(pair);
    }
  });
  doc.statusChanges.forEach((s, i) => {
    check(issue, s.issue, `/statusChanges/${i}/issue`);
    check(round, s.round, `/statusChanges/${i}/round`);
    check(update, s.update, `/statusChanges/${i}/update`);
    check(source, s.source, `/statusChanges/${i}/source`);
  });
  doc.homework.forEach((h, i) => {
    check(issue, h.issue, `/homework/${i}/issue`);
    check(round, h.assignedRound, `/homework/${i}/assignedRound`);
    check(round, h.dueRound, `/homework/${i}/dueRound`);
    h.owners.forEach((k, j) => check(party, k, `/homework/${i}/owners/${j}`));
    unique(h.owners, (j) => `/homework/${i}/owners/${j}`, 'owner');
  });
  doc.corroborations.forEach((c, i) => {
    c.updates.forEach((k, j) => check(update, k, `/corroborations/${i}/updates/${j}`));
    unique(c.updates, (j) => `/corroborations/${i}/updates/${j}`, 'update');
  });
  doc.convergence.forEach((c, i) => {
    check(issue, c.issue, `/convergence/${i}/issue`);
    check(round, c.round, `/convergence/${i}/round`);
  });
  unique(doc.convergence.map((c) => `${c.issue} ${c.round}`), (i) => `/convergence/${i}`, 'assessment of an issue at a round');
  return errors;
}
