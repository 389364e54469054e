import type { z } from 'zod';
import { COLLECTION_VERSION, CollectionShape, NegotiationDocumentShape, type NegotiationCollection, type NegotiationDocument } from './schema';
import { CollectionV1Shape, NegotiationDocumentV1Shape } from './schema-v1';
import { readableCollection, readableDocument } from './readable';
import type { NegotiationDocumentV1 } from './schema-v1';
import { listActorsWhereTheySpeak, pathInVersion1, upgradeDocument } from './upgrade-v1';
import { CollectionV2Shape, NegotiationDocumentV2Shape } from './schema-v2';
import { upgradeDocumentV2 } from './upgrade-v2';
import { CollectionV3Shape, NegotiationDocumentV3Shape, type NegotiationDocumentV3 } from './schema-v3';
import { upgradeDocumentV3 } from './upgrade-v3';

export type DocumentError = { path: string; message: string };
export type Validation = { ok: true; document: NegotiationDocument } | { ok: false; errors: DocumentError[] };
export type CollectionValidation = { ok: true; collection: NegotiationCollection } | { ok: false; errors: DocumentError[] };

/** A zod issue path as a JSON Pointer: ['issues', 0, 'status'] → '/issues/0/status'. */
export function pointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('') || '/';
}

const MAX_ERRORS = 200;

const NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value === 'string' ? 'text' : typeof value === 'boolean' ? 'true or false' : `a ${typeof value}`);

/**
 * zod's own words for what the schema does not word itself, in an analyst's: one sentence a field,
 * saying what is missing or what was expected instead of what was found.
 */
function message(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'Required: this field is missing.';
    return `Expected ${NOUNS[issue.expected] ?? issue.expected}, not ${kindOf(issue.input)}.`;
  }
  if (issue.code === 'invalid_value') return `Expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
  if (issue.code === 'unrecognized_keys') return `Not part of the format: ${issue.keys.map((k) => `"${k}"`).join(', ')}. Check the spelling, or remove ${issue.keys.length === 1 ? 'it' : 'them'}.`;
  return undefined;
}
const WORDED = { error: message };

/**
 * A version 1 file is read as the version 2 it means (./upgrade-v1.ts), a version 2 one as the version 3 it
 * means (./upgrade-v2.ts), and a version 3 one as the version 4 it means (./upgrade-v3.ts); any other is taken
 * for version 4.
 */
const versionOf = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined);

// What can be read of a broken older document, for its reference checks only: they read no dates, which is all
// the versions after 1 changed.
const readableV1 = (value: unknown) => upgradeDocumentV3(upgradeDocument(readableDocument(value, true) as NegotiationDocumentV1) as unknown as NegotiationDocumentV3);
// A version 2 or 3 one lists no outlets: they are read from its sources, as its upgrade does.
const readableV3 = (value: unknown) => upgradeDocumentV3(readableDocument(value, false) as unknown as NegotiationDocumentV3);
const readable = (value: unknown, version: unknown) => (version === 2 || version === 3 ? readableV3(value) : (readableDocument(value, false) as NegotiationDocument));
/** A version 2 or 3 document as the version 4 it means. */
const upgradeOlder = (doc: z.infer<typeof NegotiationDocumentV2Shape> | z.infer<typeof NegotiationDocumentV3Shape> | NegotiationDocument): NegotiationDocument =>
  doc.version === 2 ? upgradeDocumentV3(upgradeDocumentV2(doc)) : doc.version === 3 ? upgradeDocumentV3(doc) : doc;
const documentShape = (version: unknown) => (version === 2 ? NegotiationDocumentV2Shape : version === 3 ? NegotiationDocumentV3Shape : NegotiationDocumentShape);
const collectionShape = (version: unknown) => (version === 2 ? CollectionV2Shape : version === 3 ? CollectionV3Shape : CollectionShape);

/**
 * Checks a parsed JSON value against the schema, then what a JSON Schema cannot say:
 * keys are unique, every reference points at a record of the document, and the positions of
 * each party on each issue form one chain. The document comes back in version 4.
 */
export function validateDocument(value: unknown): Validation {
  const version = versionOf(value);
  if (version === 1) {
    const parsed = NegotiationDocumentV1Shape.safeParse(value, WORDED);
    if (!parsed.success) {
      return { ok: false, errors: together(parsed.error, checkReferences([{ doc: readableV1(value), at: '' }], 'document').map((e) => ({ ...e, path: pathInVersion1(e.path) }))) };
    }
    const doc = upgradeDocumentV3(upgradeDocumentV2(upgradeDocument(parsed.data)));
    const errors = checkReferences([{ doc, at: '' }], 'document').map((e) => ({ ...e, path: pathInVersion1(e.path) }));
    return errors.length ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, document: doc };
  }
  const parsed = documentShape(version).safeParse(value, WORDED);
  if (!parsed.success) return { ok: false, errors: together(parsed.error, checkReferences([{ doc: readable(value, version), at: '' }], 'document')) };
  const doc = upgradeOlder(parsed.data);
  const errors = checkReferences([{ doc, at: '' }], 'document');
  return errors.length ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, document: doc };
}

/** The same checks over a collection, whose keys and references span all its documents. */
export function validateCollection(value: unknown): CollectionValidation {
  const version = versionOf(value);
  if (version === 1) {
    const parsed = CollectionV1Shape.safeParse(value, WORDED);
    if (!parsed.success) {
      const readable = readableCollection(value, true).map((doc, n) => ({
        doc: upgradeDocumentV3(upgradeDocument(doc as NegotiationDocumentV1) as unknown as NegotiationDocumentV3),
        at: `/negotiations/${n}`,
      }));
      return { ok: false, errors: together(parsed.error, checkReferences(readable, 'file').map((e) => ({ ...e, path: pathInVersion1(e.path) }))) };
    }
    const docs = parsed.data.negotiations.map((doc) => upgradeDocumentV3(upgradeDocumentV2(upgradeDocument(doc))));
    const errors = checkReferences(docs.map((doc, n) => ({ doc, at: `/negotiations/${n}` })), 'file').map((e) => ({ ...e, path: pathInVersion1(e.path) }));
    if (errors.length) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
    return { ok: true, collection: { ...parsed.data, version: COLLECTION_VERSION, negotiations: listActorsWhereTheySpeak(docs) } };
  }
  const parsed = collectionShape(version).safeParse(value, WORDED);
  if (!parsed.success) {
    const members = readableCollection(value, false).map((doc, n) => ({ doc: readable(doc, version), at: `/negotiations/${n}` }));
    return { ok: false, errors: together(parsed.error, checkReferences(members, 'file')) };
  }
  const negotiations = (parsed.data.negotiations as Parameters<typeof upgradeOlder>[0][]).map(upgradeOlder);
  const members = negotiations.map((doc, n) => ({ doc, at: `/negotiations/${n}` }));
  const errors = checkReferences(members, 'file');
  return errors.length ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, collection: { ...parsed.data, version: COLLECTION_VERSION, negotiations } };
}

function toErrors(error: z.ZodError): DocumentError[] {
  return error.issues.slice(0, MAX_ERRORS).map((i) => ({ path: pointer(i.path), message: i.message }));
}

/**
 * The shape's errors, then the references' of what could be read (./readable.ts), in one list: a
 * field whose shape is wrong is not also said to refer to nothing.
 */
function together(error: z.ZodError, references: DocumentError[]): DocumentError[] {
  const shape = toErrors(error);
  const wrong = new Set(shape.map((e) => e.path));
  return [...shape, ...references.filter((e) => !wrong.has(e.path))].slice(0, MAX_ERRORS);
}

/** One document of the file, with the JSON Pointer of where it sits ('' for a lone document). */
type Member = { doc: NegotiationDocument; at: string };
type Listed = 'sources' | 'issues' | 'rounds' | 'updates' | 'positions';
type Fail = (path: string, message: string) => void;

function checkReferences(members: Member[], scope: 'document' | 'file'): DocumentError[] {
  const errors: DocumentError[] = [];
  const fail: Fail = (path, message) => errors.push({ path, message });

  // Every record but a party or an actor is listed once in the whole file.
  const keysOf = (list: Listed) => {
    const seen = new Set<string>();
    for (const m of members) {
      (m.doc[list] as { key: string }[]).forEach((r, i) => {
        if (r.key === undefined) return;
        if (seen.has(r.key)) fail(`${m.at}/${list}/${i}/key`, `Duplicate key "${r.key}".`);
        seen.add(r.key);
      });
    }
    return seen;
  };
  const party = partyKeys(members, fail);
  const actor = actorKeys(members, fail);
  const source = keysOf('sources');
  const issue = keysOf('issues');
  const round = keysOf('rounds');
  const update = keysOf('updates');
  const position = keysOf('positions');

  // Undefined: a field whose shape is wrong, already reported (./readable.ts); nothing to check.
  const resolves = (set: Set<string>, value: string | null) => value === null || value === undefined || set.has(value);
  const check = (set: Set<string>, value: string | null, path: string) => {
    if (!resolves(set, value)) fail(path, `"${value}" is not a key of this ${scope}.`);
  };
  const unique = <T>(values: T[], path: (i: number) => string, what: string) => {
    const seen = new Set<T>();
    values.forEach((v, i) => {
      if (v === undefined) return;
      if (seen.has(v)) fail(path(i), `Duplicate ${what}.`);
      seen.add(v);
    });
  };

  unique(members.map((m) => m.doc.negotiation.name), (n) => `${members[n].at}/negotiation/name`, 'negotiation name');
  for (const { doc, at } of members) {
    unique(doc.parties.map((p) => p.name), (i) => `${at}/parties/${i}/name`, 'party name');
    // The importer finds an outlet by its name, whatever its case: one name, one outlet.
    unique((doc.outlets ?? []).map((o) => o.name?.trim().toLowerCase()), (i) => `${at}/outlets/${i}/name`, 'outlet name');
    unique(doc.rounds.map((r) => r.sequence), (i) => `${at}/rounds/${i}/sequence`, 'round sequence');
    doc.actors.forEach((a, i) =>
      a.affiliations.forEach((f, j) => {
        check(party, f.party, `${at}/actors/${i}/affiliations/${j}/party`);
        if (f.from && f.to && f.to < f.from) fail(`${at}/actors/${i}/affiliations/${j}/to`, `Expected a date on or after "from" (${f.from}).`);
      }),
    );
    doc.sources.forEach((s, i) => check(source, s.cites, `${at}/sources/${i}/cites`));
    doc.rounds.forEach((r, i) => {
      r.agenda.forEach((k, j) => check(issue, k, `${at}/rounds/${i}/agenda/${j}`));
      r.delegations.forEach((d, j) => check(party, d.party, `${at}/rounds/${i}/delegations/${j}/party`));
      unique(r.delegations.map((d) => d.party), (j) => `${at}/rounds/${i}/delegations/${j}/party`, 'delegation');
      unique(r.agenda, (j) => `${at}/rounds/${i}/agenda/${j}`, 'agenda item');
      r.outcomes.forEach((o, j) => {
        check(issue, o.issue, `${at}/rounds/${i}/outcomes/${j}/issue`);
        check(source, o.source, `${at}/rounds/${i}/outcomes/${j}/source`);
      });
      check(source, r.cancellationSource ?? null, `${at}/rounds/${i}/cancellationSource`);
      const cancellation = (['cancelledOn', 'cancellationReason', 'cancellationSource'] as const).find((f) => r[f]);
      if (cancellation && r.status !== 'cancelled') fail(`${at}/rounds/${i}/${cancellation}`, 'Only a cancelled round says when, why or by whose report it was cancelled.');
    });
    doc.updates.forEach((u, i) => {
      check(round, u.round, `${at}/updates/${i}/round`);
      for (const [list, set] of [
        ['issues', issue],
        ['parties', party],
        ['actors', actor],
        ['sources', source],
      ] as const) {
        u[list].forEach((k, j) => check(set, k, `${at}/updates/${i}/${list}/${j}`));
        unique(u[list], (j) => `${at}/updates/${i}/${list}/${j}`, 'link');
      }
    });
    doc.positions.forEach((p, i) => {
      check(issue, p.issue, `${at}/positions/${i}/issue`);
      check(party, p.party, `${at}/positions/${i}/party`);
      check(source, p.source, `${at}/positions/${i}/source`);
      check(round, p.round, `${at}/positions/${i}/round`);
      check(update, p.update, `${at}/positions/${i}/update`);
      check(position, p.supersedes, `${at}/positions/${i}/supersedes`);
    });
    doc.statusChanges.forEach((s, i) => {
      check(issue, s.issue, `${at}/statusChanges/${i}/issue`);
      check(round, s.round, `${at}/statusChanges/${i}/round`);
      check(update, s.update, `${at}/statusChanges/${i}/update`);
      check(source, s.source, `${at}/statusChanges/${i}/source`);
    });
    doc.homework.forEach((h, i) => {
      check(issue, h.issue, `${at}/homework/${i}/issue`);
      check(round, h.assignedRound, `${at}/homework/${i}/assignedRound`);
      check(round, h.dueRound, `${at}/homework/${i}/dueRound`);
      h.owners.forEach((k, j) => check(party, k, `${at}/homework/${i}/owners/${j}`));
      unique(h.owners, (j) => `${at}/homework/${i}/owners/${j}`, 'owner');
    });
    doc.corroborations.forEach((c, i) => {
      c.updates.forEach((k, j) => check(update, k, `${at}/corroborations/${i}/updates/${j}`));
      unique(c.updates, (j) => `${at}/corroborations/${i}/updates/${j}`, 'update');
    });
    doc.convergence.forEach((c, i) => {
      check(issue, c.issue, `${at}/convergence/${i}/issue`);
      check(round, c.round, `${at}/convergence/${i}/round`);
    });
  }
  const judgements = members.flatMap(({ doc, at }) =>
    doc.convergence.map((c, i) => ({ pair: c.issue === undefined || c.round === undefined ? undefined : `${c.issue} ${c.round}`, path: `${at}/convergence/${i}` })),
  );
  unique(judgements.map((j) => j.pair), (i) => judgements[i].path, 'assessment of an issue at a round');

  checkPositionChains(members, { issue, party, position }, fail);
  return errors;
}

/**
 * The importer appends each party's positions on an issue in the order listed (db/mutations/position-chain.ts),
 * so that order must be the chain itself: each supersedes the one before it, and only the last is current.
 */
function checkPositionChains(
  members: Member[],
  keys: { issue: Set<string>; party: Set<string>; position: Set<string> },
  fail: Fail,
): void {
  const chains = new Map<string, { key: string; supersedes: string | null; isCurrent: boolean; path: string }[]>();
  for (const { doc, at } of members) {
    doc.positions.forEach((p, i) => {
      if (!keys.issue.has(p.issue) || !keys.party.has(p.party)) return;
      const pair = `${p.party} on ${p.issue}`;
      const chain = chains.get(pair) ?? [];
      chain.push({ key: p.key, supersedes: p.supersedes, isCurrent: p.isCurrent, path: `${at}/positions/${i}` });
      chains.set(pair, chain);
    });
  }
  for (const [pair, chain] of chains) {
    chain.forEach((p, j) => {
      const previous = j === 0 ? null : chain[j - 1].key;
      if (p.supersedes !== previous && (p.supersedes === null || keys.position.has(p.supersedes))) {
        fail(
          `${p.path}/supersedes`,
          previous === null
            ? `Expected null: this is the first position of ${pair} listed, so it supersedes none.`
            : `Expected "${previous}": each position of ${pair} supersedes the one listed before it.`,
        );
      }
      const next = chain[j + 1];
      if (p.isCurrent !== !next) {
        fail(
          `${p.path}/isCurrent`,
          next ? `Expected false: "${next.key}", listed after it, supersedes it.` : `Expected true: the last position of ${pair} listed is the current one.`,
        );
      }
    });
  }
}

/**
 * Party keys, which may repeat across the documents of a collection: a party in several negotiations
 * is listed in each, with its role and description there. All its listings must name the same party,
 * and one party has one key, since the importer matches parties by name.
 */
function partyKeys(members: Member[], fail: Fail): Set<string> {
  const first = new Map<string, { at: string; member: Member; name: string; shortName: string }>();
  const keyOfName = new Map<string, { key: string; at: string; member: Member }>();
  for (const member of members) {
    const own = new Set<string>();
    member.doc.parties.forEach((p, i) => {
      const at = `${member.at}/parties/${i}`;
      if (p.key === undefined) return;
      if (own.has(p.key)) return fail(`${at}/key`, `Duplicate key "${p.key}".`);
      own.add(p.key);
      const listed = first.get(p.key);
      if (!listed) first.set(p.key, { at, member, ...p });
      else if (listed.name !== p.name || listed.shortName !== p.shortName) {
        fail(`${at}/key`, `"${p.key}" is listed at ${listed.at} with another name or short name: one key names one party.`);
      }
      const named = keyOfName.get(p.name);
      if (!named) keyOfName.set(p.name, { key: p.key, at, member });
      else if (named.member !== member && named.key !== p.key) fail(`${at}/key`, `"${p.name}" is listed at ${named.at} as "${named.key}": one party has one key.`);
    });
  }
  return new Set(first.keys());
}

/**
 * Actor keys, which may repeat across the documents of a collection like party keys: a person who
 * speaks in several negotiations is listed in each, with their affiliations there, under one name.
 * Two people may share a name; each has a key of their own.
 */
function actorKeys(members: Member[], fail: Fail): Set<string> {
  const first = new Map<string, { at: string; name: string }>();
  for (const member of members) {
    const own = new Set<string>();
    member.doc.actors.forEach((a, i) => {
      const at = `${member.at}/actors/${i}`;
      if (a.key === undefined) return;
      if (own.has(a.key)) return fail(`${at}/key`, `Duplicate key "${a.key}".`);
      own.add(a.key);
      const listed = first.get(a.key);
      if (!listed) first.set(a.key, { at, name: a.name });
      else if (listed.name !== a.name) fail(`${at}/key`, `"${a.key}" is listed at ${listed.at} with another name: one key names one person.`);
    });
  }
  return new Set(first.keys());
}
