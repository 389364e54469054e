import { z } from 'zod';
import {
  FLEXIBILITIES,
  HOMEWORK_STATUSES,
  ISSUE_STATUSES,
  PARTY_ROLES,
  PRIORITIES,
  RELIABILITIES,
  ROUND_FORMATS,
  ROUND_STATUSES,
  STANCES,
  DATE_PRECISIONS,
} from '@/lib/domain';
import { normalise, type PartialDate } from '@/lib/partial-date';

// The JSON interchange document, version 4. This zod schema is the one source of truth:
// the published JSON Schemas (public/schema/negotiation-v4.schema.json, collection-v4.schema.json,
// and those of versions 3, 2 and 1 from ./schema-v3.ts, ./schema-v2.ts and ./schema-v1.ts) are generated
// from it (`npm run schema:generate`) and a test checks that they agree.
//
// Version 4 lists the outlets its sources come from, each with its current grade (the default for its new
// articles) and its dated grading history (docs/decisions/0023). A source still names its outlet, article
// (title, URL, date, the article's grade) and quote; the sources that share all but their quote and credibility
// are quotes of one article. Version 3 is still read, as the version 4 it means (./upgrade-v3.ts).
//
// Version 3 dates things as precisely as reports do (lib/partial-date.ts): a round's start, an
// update's day, a homework item's due date and a source's publication may be a day ("2025-05-05")
// or { date, precision, label? } ("May 2025", "late 2025", "in the coming weeks" counted from the
// report's day). Version 2 is still read, as the version 3 it means (./upgrade-v2.ts).
//
// Version 2 says what a document's negotiation says of each party (its description there) and who
// speaks for whom in it (each actor's affiliations); version 1 knew one description and one title
// for all negotiations. Version 1 is still read, as the version 2 it means (./upgrade-v1.ts).
//
// References between records use local keys ("party:US", "issue:3"), never database ids,
// so the same document can be imported anywhere and an export of the import is identical.
//
// A collection holds several documents imported together; their keys name records across the
// whole file, so one negotiation's records can cite another's round, issue or source (docs/decisions/0010).

export const INTERCHANGE_FORMAT = 'negotiation-tracker/negotiation';
export const INTERCHANGE_VERSION = 4;
export const SCHEMA_URL = '/schema/negotiation-v4.schema.json';
export const COLLECTION_FORMAT = 'negotiation-tracker/collection';
export const COLLECTION_VERSION = 4;
export const COLLECTION_SCHEMA_URL = '/schema/collection-v4.schema.json';

// One message a field: a date that is not even YYYY-MM-DD is not also said to be no calendar date.
export const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Expected a date as YYYY-MM-DD.', abort: true })
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'Expected a real calendar date.');
/**
 * A date as precisely as a report gives it: a day, or { date, precision, label? }, where date is the first
 * day of its window ("May 2025": { "date": "2025-05-01", "precision": "month" }) or, for "approx", the
 * day of the report its label is counted from. Kept as written; readWhen reads it.
 */
export const when = z.union([
  date,
  z.strictObject({
    date,
    precision: z.enum(DATE_PRECISIONS),
    label: z.string().max(200).optional(),
  }),
]);
export type When = z.infer<typeof when>;

/** A document's date as the tracker reads it (lib/partial-date.ts), normalised; null stays null. */
export function readWhen(value: When | null): PartialDate | null {
  if (value === null) return null;
  return normalise(typeof value === 'string' ? { date: value, precision: 'day', label: '' } : { date: value.date, precision: value.precision, label: value.label ?? '' });
}

/** A date as a document writes it: a day as "YYYY-MM-DD", anything vaguer as { date, precision, label? }. */
export function writeWhen(value: PartialDate | null): When | null {
  if (value === null) return null;
  const v = normalise(value);
  if (v.precision === 'day') return v.date;
  return v.label ? { date: v.date, precision: v.precision, label: v.label } : { date: v.date, precision: v.precision };
}

export const key = (kind: string) => z.string().regex(new RegExp(`^${kind}:[^\\s]+$`), `Expected a key like "${kind}:1".`);
export const ref = (kind: string) => key(kind).nullable();
export const text = (max: number) => z.string().max(max);
export const name = (max: number) => z.string().trim().min(1, 'Must not be empty.').max(max);
// What a writer may leave out, and what it then means: no text, no link, no list, nothing known.
const optionalText = (max: number) => text(max).default('');
const none = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);
const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);
const httpUrl = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/\S+$/i, 'Expected an http:// or https:// address.');

// A party as this negotiation sees it: name and short name are the party's own (one party, whatever
// the negotiation), description, role and note are this negotiation's.
export const PartyRecord = z.strictObject({
  key: key('party'),
  name: name(200),
  shortName: name(40),
  description: optionalText(5000),
  // null: referenced by the negotiation (an actor, an update) but not seated at its table. Left out: seated as a party.
  role: z.enum(PARTY_ROLES).nullable().default('party'),
  note: optionalText(5000),
});

/** Whom an actor speaks for in this negotiation (party null: for none), as what, and when, if known. */
export const AffiliationRecord = z.strictObject({
  party: ref('party').default(null),
  title: optionalText(500),
  from: none(date),
  to: none(date),
});

export const ActorRecord = z.strictObject({
  key: key('actor'),
  name: name(200),
  affiliations: list(AffiliationRecord),
});

/** One grading of an outlet: the grade, from when (null: not known), and why. */
export const GradingRecord = z.strictObject({
  reliability: z.enum(RELIABILITIES),
  on: none(date),
  note: optionalText(2000),
});

/**
 * An outlet the sources name (by its name, whatever its case): its current grade, the default for its new articles,
 * and its gradings, oldest first. An outlet the importing instance knows already keeps its own grade and history.
 */
export const OutletRecord = z.strictObject({
  name: name(200),
  reliability: z.enum(RELIABILITIES).default('F'),
  gradings: list(GradingRecord),
});

export const SourceRecord = z.strictObject({
  key: key('source'),
  outlet: name(200),
  title: optionalText(500),
  url: none(httpUrl),
  publishedOn: none(when),
  quote: optionalText(5000),
  // Left out: the Admiralty scale's "cannot be judged", F and 6.
  reliability: z.enum(RELIABILITIES).default('F'),
  credibility: z.int().min(1).max(6).default(6),
  cites: ref('source').default(null),
  // The article's archived copy (the capture keeps one), on the first quote of that article only: evidence an
  // export must not lose. Its SHA-256 is checked on import.
  archive: z
    .strictObject({
      text: z.string().min(1).max(1_000_000),
      capturedAt: z.iso.datetime({ offset: true }),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hexadecimal'),
    })
    .optional(),
});

export const IssueRecord = z.strictObject({
  key: key('issue'),
  title: name(300),
  description: optionalText(10000),
  status: z.enum(ISSUE_STATUSES),
  priority: z.enum(PRIORITIES).default('medium'),
  keyDate: none(date),
  keyDateLabel: optionalText(300),
  // Left out: none. The words and aliases an article may use for the issue, which the capture matches.
  keywords: z.array(name(100)).max(100).optional(),
  // Left out: listed in the order of the document.
  sortOrder: z.int().default(0),
});

export const OutcomeRecord = z.strictObject({
  issue: ref('issue').default(null),
  text: name(5000),
  source: ref('source').default(null),
});

export const RoundRecord = z.strictObject({
  key: key('round'),
  sequence: z.int().min(0),
  name: name(200),
  venue: optionalText(300),
  startsOn: none(when),
  endsOn: none(date),
  // What reports said of the dates, beside them ("dates approximate").
  approxDate: optionalText(200),
  format: z.enum(ROUND_FORMATS).default('direct'),
  status: z.enum(ROUND_STATUSES),
  summary: optionalText(20000),
  agenda: list(key('issue')),
  delegations: list(z.strictObject({ party: key('party'), head: name(300) })),
  outcomes: list(OutcomeRecord),
  // A cancelled round's: when it was called off, why, and the source reporting it. Optional, so that a document
  // written before they existed (version 1 included) still reads.
  cancelledOn: date.nullable().optional(),
  cancellationReason: text(2000).optional(),
  cancellationSource: ref('source').optional(),
});

export const UpdateRecord = z.strictObject({
  key: key('update'),
  occurredOn: when,
  occurredTime: z
    .string()
    .regex(/^\d{2}:\d{2}(:\d{2})?$/, 'Expected a time as HH:MM.')
    .nullable()
    .default(null),
  body: name(20000),
  round: ref('round').default(null),
  issues: list(key('issue')),
  parties: list(key('party')),
  actors: list(key('actor')),
  sources: list(key('source')),
  // Logged without a source, the analyst saying it has none yet (lib/update-sourcing.ts). Optional, so that a
  // document written before it still reads: an update it gives no source is unsourced all the same.
  unsourced: z.literal(true).optional(),
});

export const PositionRecord = z.strictObject({
  key: key('position'),
  issue: key('issue'),
  party: key('party'),
  summary: name(5000),
  stance: z.enum(STANCES),
  redLines: optionalText(5000),
  flexibility: z.enum(FLEXIBILITIES).default('unknown'),
  asOf: date,
  source: ref('source').default(null),
  round: ref('round').default(null),
  update: ref('update').default(null),
  // The earlier position this one replaced: the history of a party's position on an issue.
  supersedes: ref('position').default(null),
  // Left out: the one position of its party on its issue, so the current one; in a longer history the validator says which must be false.
  isCurrent: z.boolean().default(true),
});

export const StatusChangeRecord = z.strictObject({
  issue: key('issue'),
  from: none(z.enum(ISSUE_STATUSES)),
  to: z.enum(ISSUE_STATUSES),
  changedOn: date,
  note: optionalText(5000),
  round: ref('round').default(null),
  update: ref('update').default(null),
  source: ref('source').default(null),
});

export const HomeworkRecord = z.strictObject({
  title: name(500),
  description: optionalText(10000),
  issue: ref('issue').default(null),
  assignedRound: ref('round').default(null),
  dueRound: ref('round').default(null),
  dueOn: none(when),
  status: z.enum(HOMEWORK_STATUSES).default('open'),
  resolution: optionalText(10000),
  vague: z.boolean().default(false),
  owners: list(key('party')),
});

export const CorroborationRecord = z.strictObject({
  label: name(300),
  consistent: none(z.boolean()),
  note: optionalText(5000),
  updates: list(key('update')),
});

export const ConvergenceRecord = z.strictObject({
  issue: key('issue'),
  round: key('round'),
  distance: z.int(),
  note: optionalText(5000),
});

export const NegotiationDocumentShape = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(INTERCHANGE_FORMAT),
  version: z.literal(INTERCHANGE_VERSION),
  exportedAt: z.string().optional(),
  negotiation: z.strictObject({
    name: name(200),
    description: optionalText(10000),
    // How the material may be handled (TLP:AMBER…): it travels with the document. Who may read the negotiation
    // does not: that is a matter of the instance that holds it (docs/decisions/0017).
    marking: text(120).optional(),
  }),
  parties: list(PartyRecord),
  actors: list(ActorRecord),
  outlets: list(OutletRecord),
  sources: list(SourceRecord),
  issues: list(IssueRecord),
  rounds: list(RoundRecord),
  updates: list(UpdateRecord),
  positions: list(PositionRecord),
  statusChanges: list(StatusChangeRecord),
  homework: list(HomeworkRecord),
  corroborations: list(CorroborationRecord),
  convergence: list(ConvergenceRecord),
});

export type NegotiationDocument = z.infer<typeof NegotiationDocumentShape>;

export const CollectionShape = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(COLLECTION_FORMAT),
  version: z.literal(COLLECTION_VERSION),
  exportedAt: z.string().optional(),
  negotiations: z.array(NegotiationDocumentShape).min(1, 'A collection holds at least one negotiation.'),
});

export type NegotiationCollection = z.infer<typeof CollectionShape>;
