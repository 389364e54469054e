import { sql } from 'drizzle-orm';
import {
  sqliteTable,
  sqliteView,
  integer,
  text,
  index,
  uniqueIndex,
  primaryKey,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import {
  ROLES,
  PARTY_ROLES,
  ISSUE_STATUSES,
  PRIORITIES,
  STANCES,
  FLEXIBILITIES,
  RELIABILITIES,
  ROUND_FORMATS,
  ROUND_STATUSES,
  HOMEWORK_STATUSES,
  NEGOTIATION_ACCESS,
  MEMBER_ROLES,
  TOKEN_SCOPES,
  DATE_PRECISIONS,
} from '@/lib/domain';

// Timestamps are ISO-8601 strings (UTC); calendar dates are 'YYYY-MM-DD'.
const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const userRef = (name: string) => integer(name).references(() => users.id);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  passwordHash: text('password_hash').notNull(),
  // Bumped on logout, password change and disabling: older JWTs stop working.
  sessionVersion: integer('session_version').notNull().default(1),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  // The account as the admin's forms show it (role, access, password): see `version` on issues.
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    address: text('address').notNull(),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
    at: createdAt(),
  },
  (t) => [index('login_attempts_email_at').on(t.email, t.at), index('login_attempts_address_at').on(t.address, t.at)],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    // 'read' tokens only read (the only kind a feed link takes); 'full' ones act with the owner's role.
    scope: text('scope', { enum: TOKEN_SCOPES }).notNull().default('read'),
    // Chosen at creation; a token past it is refused like a revoked one.
    // The default only fills rows made before expiry existed (the migration gives those one): a row without one is already expired.
    expiresAt: text('expires_at').notNull().default('1970-01-01T00:00:00.000Z'),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
    // Why it ended: its owner or an admin revoked it, or the account's clean-up ended it (db/mutations/credentials.ts).
    revokedReason: text('revoked_reason'),
    createdAt: createdAt(),
  },
  (t) => [index('api_tokens_user').on(t.userId)],
);

export const negotiations = sqliteTable('negotiations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  description: text('description').notNull().default(''),
  // Need to know (docs/decisions/0017): a new negotiation is its creator's until they open it or add members.
  access: text('access', { enum: NEGOTIATION_ACCESS }).notNull().default('restricted'),
  // How its material may be handled (TLP:AMBER, "RESTRICTED — team only"); '' is none. Shown on its pages and exports.
  marking: text('marking').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  createdBy: userRef('created_by'),
  updatedAt: text('updated_at'),
  updatedBy: userRef('updated_by'),
});

/** Who may read a restricted negotiation, and with which role there (never above their own: lib/access.ts). */
export const negotiationMembers = sqliteTable(
  'negotiation_members',
  {
    negotiationId: integer('negotiation_id')
      .notNull()
      .references(() => negotiations.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
    createdAt: createdAt(),
    createdBy: userRef('created_by'),
  },
  (t) => [primaryKey({ columns: [t.negotiationId, t.userId] }), index('negotiation_members_user').on(t.userId)],
);

// A party is one identity across negotiations; what is said of it and who speaks for it belong to
// each negotiation (party_descriptions, negotiation_parties, affiliations; docs/decisions/0014).
export const parties = sqliteTable('parties', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  shortName: text('short_name').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  createdBy: userRef('created_by'),
});

export const negotiationParties = sqliteTable(
  'negotiation_parties',
  {
    negotiationId: integer('negotiation_id')
      .notNull()
      .references(() => negotiations.id, { onDelete: 'cascade' }),
    partyId: integer('party_id')
      .notNull()
      .references(() => parties.id),
    role: text('role', { enum: PARTY_ROLES }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.negotiationId, t.partyId] }), index('negotiation_parties_party').on(t.partyId)],
);

// What a negotiation says of a party, whether the party is seated at its table or only named by its
// records (an update, a position, a person's affiliation): a seat cannot hold it for the latter.
export const partyDescriptions = sqliteTable(
  'party_descriptions',
  {
    negotiationId: integer('negotiation_id')
      .notNull()
      .references(() => negotiations.id, { onDelete: 'cascade' }),
    partyId: integer('party_id')
      .notNull()
      .references(() => parties.id),
    description: text('description').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.negotiationId, t.partyId] }), index('party_descriptions_party').on(t.partyId)],
);

// A person, one identity across negotiations; who they speak for, and as what, is an affiliation.
export const actors = sqliteTable('actors', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

// An actor speaking for a party (or for none: party null) within one negotiation, with a title,
// from and to a date when known. One person may hold several over time, or in several negotiations.
export const affiliations = sqliteTable(
  'affiliations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    negotiationId: integer('negotiation_id')
      .notNull()
      .references(() => negotiations.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    partyId: integer('party_id').references(() => parties.id),
    title: text('title').notNull().default(''),
    startsOn: text('starts_on'),
    endsOn: text('ends_on'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    createdBy: userRef('created_by'),
  },
  (t) => [
    index('affiliations_negotiation_actor').on(t.negotiationId, t.actorId),
    index('affiliations_actor').on(t.actorId),
    index('affiliations_party').on(t.partyId),
  ],
);

export const issues = sqliteTable(
  'issues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    negotiationId: integer('negotiation_id')
      .notNull()
      .references(() => negotiations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status', { enum: ISSUE_STATUSES }).notNull(),
    priority: text('priority', { enum: PRIORITIES }).notNull().default('medium'),
    keyDate: text('key_date'),
    keyDateLabel: text('key_date_label').notNull().default(''),
    // The words and aliases an article may use for the issue ("POWs", "swap"), one a line: the capture matches them.
    keywords: text('keywords').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    // Optimistic concurrency: every edit bumps it; an edit based on an older one is refused.
    version: integer('version').notNull().default(1),
    lastActivityAt: text('last_activity_at'),
    createdAt: createdAt(),
    createdBy: userRef('created_by'),
    updatedAt: text('updated_at'),
    updatedBy: userRef('updated_by'),
  },
  (t) => [index('issues_negotiation').on(t.negotiationId, t.sortOrder), index('issues_key_date').on(t.keyDate)],
);

// Sources as analysts think of them (docs/decisions/0023): an outlet, graded A–F with a dated history; the
// articles it published, each graded when cited (by default its outlet's grade then); the quotes taken from
// them, each with its credibility 1–6. A quote keeps the table name `sources`: it is what updates, positions,
// status changes, outcomes and cancellations cite. `citedSources` reads a quote with its article and outlet.
export const outlets = sqliteTable(
  'outlets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    // The current grade, and the default for its next articles; each grading is kept in outlet_gradings.
    reliability: text('reliability', { enum: RELIABILITIES }).notNull().default('F'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    createdBy: userRef('created_by'),
  },
  (t) => [uniqueIndex('outlets_name').on(sql`lower(${t.name})`)],
);

export const outletGradings = sqliteTable(
  'outlet_gradings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    outletId: integer('outlet_id')
      .notNull()
      .references(() => outlets.id, { onDelete: 'cascade' }),
    reliability: text('reliability', { enum: RELIABILITIES }).notNull(),
    // Null: when it was graded is not known (an older document's undated article).
    gradedOn: text('graded_on'),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    createdBy: userRef('created_by'),
  },
  (t) => [index('outlet_gradings_outlet').on(t.outletId, t.gradedOn)],
);

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    outletId: integer('outlet_id')
      .notNull()
      .references(() => outlets.id),
    title: text('title').notNull().default(''),
    url: text('url'),
    publishedOn: text('published_on'),
    // How precisely the date is known (lib/partial-date.ts); published_on is its window's first day.
    publishedOnPrecision: text('published_on_precision', { enum: DATE_PRECISIONS }).notNull().default('day'),
    publishedOnLabel: text('published_on_label').notNull().default(''),
    // The grade given to this article: its outlet's when it was entered, unless the analyst judged otherwise.
    reliability: text('reliability', { enum: RELIABILITIES }).notNull().default('F'),
    // The analyst's archived copy of the page, when they keep one (issue 18's capture writes these).
    archivedText: text('archived_text'),
    archivedAt: text('archived_at'),
    archivedSha256: text('archived_sha256'),
    createdAt: createdAt(),
    createdBy: userRef('created_by'),
  },
  (t) => [index('articles_outlet').on(t.outletId), index('articles_url').on(t.url)],
);

export const sources = sqliteTable(
  'sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    quote: text('quote').notNull().default(''),
    credibility: integer('credibility').notNull().default(6),
    // A source that reports another (TASS as cited by El País).
    citesSourceId: integer('cites_source_id').references((): AnySQLiteColumn => sources.id),
    createdAt: createdAt(),
    createdBy: userRef('created_by'),
  },
  (t) => [index('sources_article').on(t.articleId), index('sources_cites').on(t.citesSourceId)],
);

/** A quote with its article and outlet, under the names a source had before it was split (migrations 0013 and 0016). */
export const citedSources = sqliteView('cited_sources', {
  id: integer('id').notNull(),
  articleId: integer('article_id').notNull(),
  outletId: integer('outlet_id').notNull(),
  outlet: text('outlet').notNull(),
  title: text('title').notNull(),
  url: text('url'),
  publishedOn: text('published_on'),
  publishedOnPrecision: text('published_on_precision', { enum: DATE_PRECISIONS }).notNull(),
  publishedOnLabel: text('published_on_label').notNull(),
  quote: text('quote').notNull(),
  reliability: text('reliability', { enum: RELIABILITIES }).notNull(),
  credibility: integer('credibility').notNull(),
  citesSourceId: integer('cites_source_id'),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by'),
}).existing();

export const rounds = sqliteTable(
  'rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    negotiationId: integer('negotiation_id')
      .notNull()
      .references(() => negotiations.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    name: text('name').notNull(),
    venue: text('venue').notNull().default(''),
    // A round can be planned before it has dates: "May 2025", or "in the coming weeks" counted from the
    // report's day (lib/partial-date.ts). starts_on is the window's first day, starts_on_until its last,
    // what a vague round is sorted by and what makes homework due at it overdue (estimated).
    startsOn: text('starts_on'),
    startsOnPrecision: text('starts_on_precision', { enum: DATE_PRECISIONS }).notNull().default('day'),
    startsOnLabel: text('starts_on_label').notNull().default(''),
    startsOnUntil: text('starts_on_until'),
    endsOn: text('ends_on'),
    // What reports said of the dates, beside them ("late January 2026 (dates approximate)").
    approxDate: text('approx_date').notNull().default(''),
    format: text('format', { enum: ROUND_FORMATS }).notNull(),
    status: text('status', { enum: ROUND_STATUSES }).notNull(),
    summary: text('summary').notNull().default(''),
    // A cancelled round says when it was called off, why, and who reported it; empty for any other status.
    cancelledOn: text('cancelled_on'),
    cancellationReason: text('cancellation_reason').notNull().default(''),
    cancellationSourceId: integer('cancellation_source_id').references(() => sources.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    createdBy: userRef('created_by'),
    updatedAt: text('updated_at'),
    updatedBy: userRef('updated_by'),
  },
  (t) => [uniqueIndex('rounds_negotiation_sequence').on(t.negotiationId, t.sequence), index('rounds_cancellation_source').on(t.cancellationSourceId)],
);

export const roundDelegations = sqliteTable(
  'round_delegations',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    partyId: integer('party_id')
      .notNull()
      .references(() => parties.id),
    head: text('head').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.partyId] })],
);

export const roundAgenda = sqliteTable(
  'round_agenda',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.issueId] }), index('round_agenda_issue').on(t.issueId)],
);

export const outcomes = sqliteTable(
  'outcomes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: integer('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    issueId: integer('issue_id').references(() => issues.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    sourceId: integer('source_id').references(() => sources.id),
    createdAt: createdAt(),
    createdBy: userRef('created_by'),
  },
  // By source too: whether a reader may see a source is asked by what cites it (db/queries/access.ts).
  (t) => [index('outcomes_round').on(t.roundId), index('outcomes_source').on(t.sourceId)],
);

export const updates = sqliteTable(
  'updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    negotiationId: integer('negotiation_id')
      .notNull()
      .references(() => negotiations.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    // When it happened, which is not when it was logged.
    occurredOn: text('occurred_on').notNull(),
    occurredOnPrecision: text('occurred_on_precision', { enum: DATE_PRECISIONS }).notNull().default('day'),
    occurredOnLabel: text('occurred_on_label').notNull().default(''),
    occurredTime: text('occurred_time'),
    roundId: integer('round_id').references(() => rounds.id, { onDelete: 'set null' }),
    // Logged without a source because the analyst said it has none yet (lib/update-sourcing.ts): what the
    // weak-sources panel counts. An update with a source is never unsourced.
    unsourced: integer('unsourced', { mode: 'boolean' }).notNull().default(false),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    editedAt: text('edited_at'),
    editedBy: userRef('edited_by'),
  },
  (t) => [
    index('updates_negotiation_occurred').on(t.negotiationId, t.occurredOn),
    index('updates_round').on(t.roundId),
    index('updates_author').on(t.authorId),
    // The dashboard counts the unsourced on every render: a few rows among many.
    index('updates_unsourced').on(t.negotiationId, t.occurredOn).where(sql`${t.unsourced} = 1`),
  ],
);

export const updateRevisions = sqliteTable(
  'update_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    updateId: integer('update_id')
      .notNull()
      .references(() => updates.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    occurredOn: text('occurred_on').notNull(),
    editedBy: integer('edited_by')
      .notNull()
      .references(() => users.id),
    replacedAt: createdAt(),
  },
  (t) => [index('update_revisions_update').on(t.updateId)],
);

const updateLink = <T extends string>(table: string, column: T, target: () => AnySQLiteColumn) =>
  sqliteTable(
    table,
    {
      updateId: integer('update_id')
        .notNull()
        .references(() => updates.id, { onDelete: 'cascade' }),
      targetId: integer(column).notNull().references(target, { onDelete: 'cascade' }),
    },
    (t) => [primaryKey({ columns: [t.updateId, t.targetId] }), index(`${table}_target`).on(t.targetId)],
  );

export const updateIssues = updateLink('update_issues', 'issue_id', () => issues.id);
export const updateParties = updateLink('update_parties', 'party_id', () => parties.id);
export const updateActors = updateLink('update_actors', 'actor_id', () => actors.id);
export const updateSources = updateLink('update_sources', 'source_id', () => sources.id);

export const positions = sqliteTable(
  'positions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    partyId: integer('party_id')
      .notNull()
      .references(() => parties.id),
    summary: text('summary').notNull(),
    stance: text('stance', { enum: STANCES }).notNull(),
    redLines: text('red_lines').notNull().default(''),
    flexibility: text('flexibility', { enum: FLEXIBILITIES }).notNull().default('unknown'),
    asOf: text('as_of').notNull(),
    sourceId: integer('source_id').references(() => sources.id),
    roundId: integer('round_id').references(() => rounds.id, { onDelete: 'set null' }),
    updateId: integer('update_id').references(() => updates.id, { onDelete: 'set null' }),
    supersedesId: integer('supersedes_id').references((): AnySQLiteColumn => positions.id),
    isCurrent: integer('is_current', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    createdBy: userRef('created_by'),
  },
  (t) => [
    uniqueIndex('positions_one_current')
      .on(t.issueId, t.partyId)
      .where(sql`${t.isCurrent} = 1`),
    index('positions_issue_party_asof').on(t.issueId, t.partyId, t.asOf),
    index('positions_update').on(t.updateId),
    index('positions_source').on(t.sourceId),
  ],
);

export const statusChanges = sqliteTable(
  'status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: ISSUE_STATUSES }),
    toStatus: text('to_status', { enum: ISSUE_STATUSES }).notNull(),
    changedOn: text('changed_on').notNull(),
    note: text('note').notNull().default(''),
    roundId: integer('round_id').references(() => rounds.id, { onDelete: 'set null' }),
    updateId: integer('update_id').references(() => updates.id, { onDelete: 'set null' }),
    sourceId: integer('source_id').references(() => sources.id),
    createdAt: createdAt(),
    createdBy: userRef('created_by'),
  },
  (t) => [index('status_changes_issue').on(t.issueId, t.changedOn), index('status_changes_source').on(t.sourceId)],
);

export const homework = sqliteTable(
  'homework',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    negotiationId: integer('negotiation_id')
      .notNull()
      .references(() => negotiations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    issueId: integer('issue_id').references(() => issues.id, { onDelete: 'set null' }),
    assignedRoundId: integer('assigned_round_id').references(() => rounds.id, { onDelete: 'set null' }),
    dueRoundId: integer('due_round_id').references(() => rounds.id, { onDelete: 'set null' }),
    dueOn: text('due_on'),
    dueOnPrecision: text('due_on_precision', { enum: DATE_PRECISIONS }).notNull().default('day'),
    dueOnLabel: text('due_on_label').notNull().default(''),
    // The last day of the due date's window: the day after it, the item is overdue.
    dueOnUntil: text('due_on_until'),
    status: text('status', { enum: HOMEWORK_STATUSES }).notNull().default('open'),
    resolution: text('resolution').notNull().default(''),
    // Logged as reported ("a list of homework"), refined later.
    vague: integer('vague', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    createdBy: userRef('created_by'),
    updatedAt: text('updated_at'),
    updatedBy: userRef('updated_by'),
  },
  (t) => [
    index('homework_negotiation_status').on(t.negotiationId, t.status),
    index('homework_due_round').on(t.dueRoundId),
    index('homework_assigned_round').on(t.assignedRoundId),
    index('homework_due_on').on(t.dueOn),
    index('homework_issue').on(t.issueId),
  ],
);

export const homeworkOwners = sqliteTable(
  'homework_owners',
  {
    homeworkId: integer('homework_id')
      .notNull()
      .references(() => homework.id, { onDelete: 'cascade' }),
    partyId: integer('party_id')
      .notNull()
      .references(() => parties.id),
  },
  (t) => [primaryKey({ columns: [t.homeworkId, t.partyId] }), index('homework_owners_party').on(t.partyId)],
);

export const homeworkRevisions = sqliteTable(
  'homework_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    homeworkId: integer('homework_id')
      .notNull()
      .references(() => homework.id, { onDelete: 'cascade' }),
    // The item as it was before this change, as JSON.
    snapshot: text('snapshot').notNull(),
    updateId: integer('update_id').references(() => updates.id, { onDelete: 'set null' }),
    changedBy: integer('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: createdAt(),
  },
  (t) => [index('homework_revisions_homework').on(t.homeworkId)],
);

// An analyst's judgement of how far apart the parties are on an issue at a round.
export const convergence = sqliteTable(
  'convergence',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    roundId: integer('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    distance: integer('distance').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    assessedBy: userRef('assessed_by'),
    assessedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.roundId] })],
);

// Updates that report the same event, linked by an analyst.
export const corroborations = sqliteTable(
  'corroborations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    label: text('label').notNull(),
    // An analyst can mark differing figures as consistent (314 in all, 157 per side).
    consistent: integer('consistent', { mode: 'boolean' }),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    createdBy: userRef('created_by'),
  },
);

export const corroborationUpdates = sqliteTable(
  'corroboration_updates',
  {
    corroborationId: integer('corroboration_id')
      .notNull()
      .references(() => corroborations.id, { onDelete: 'cascade' }),
    updateId: integer('update_id')
      .notNull()
      .references(() => updates.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.corroborationId, t.updateId] }), index('corroboration_updates_update').on(t.updateId)],
);

export const savedViews = sqliteTable(
  'saved_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    page: text('page').notNull(),
    query: text('query').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('saved_views_user_page_name').on(t.userId, t.page, t.name)],
);

// Append-only: the app only ever inserts here (a trigger refuses UPDATE and DELETE).
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: createdAt(),
    userId: integer('user_id').references(() => users.id),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    // The negotiation the change was made in, so the activity feed shows a reader only what they may see.
    negotiationId: integer('negotiation_id'),
    before: text('before'),
    after: text('after'),
  },
  (t) => [
    index('audit_log_entity').on(t.entity, t.entityId),
    index('audit_log_user').on(t.userId),
    index('audit_log_at').on(t.at),
    index('audit_log_negotiation').on(t.negotiationId, t.id),
  ],
);

// How many times what the pages show has changed: db/read-cache.ts names its state by it. Triggers (migration
// 0008, docs/decisions/0018) count every write of a content table; bookkeeping (login attempts, token use,
// saved views, sign-in and sign-out) leaves it alone.
export const contentVersion = sqliteTable('content_version', {
  id: integer('id').primaryKey(),
  changes: integer('changes').notNull().default(0),
});
