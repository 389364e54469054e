// Who may call what: every route handler method and every server action, with the least role it needs.
// tests/authz-matrix.test.ts fails when a route or action exists without an entry here (or an entry
// names something that no longer exists); e2e/security-authz.spec.ts calls each one as anonymous,
// viewer, analyst and admin, checks the refusals and that a refused write wrote nothing, and that an
// allowed write really wrote (an audit row by that caller).
//
// The outsider (a signed-in analyst who is no member of the restricted negotiation: docs/decisions/0017) is driven
// too: an entry that names one negotiation's records (`isScoped`, derived from its path, body or form) is called
// with the restricted negotiation's ids, and must answer 404 (a route) or refuse (an action), writing nothing; the
// others as for any analyst.
//
// Adding a route or an action? Add its line here. Ids in a route's path are filled from the demo data
// (`{issue}`, `{party}`…, see e2e/security-authz.spec.ts); a segment without a sample becomes 1.
// An action's form targets the sandbox negotiation the spec imports first (e2e/authz-sandbox.ts), so
// the probes' writes never touch the demo records other specs read: `{sandboxIssue}`, `{ownToken}`…
// are looked up just before each call, the way a form is filled from the page the caller has open.

export type Access = 'public' | 'viewer' | 'analyst' | 'admin';
export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export type RouteEntry = {
  /** The route file, relative to the project root. */
  file: string;
  /** Least role per exported method. */
  methods: Partial<Record<Method, Access>>;
  /** The URL the e2e calls; defaults to the file's path with each [segment] replaced by a sample id. */
  url?: string;
  /** A valid body for writes, so an allowed role really writes (and a refused one demonstrably does not). */
  body?: Record<string, unknown>;
  /** Why the e2e does not drive this entry (it is tested elsewhere). */
  skipE2E?: string;
  /** A POST that writes nothing (the capture only proposes): an allowed caller gets its answer and no audit row. */
  readsOnly?: true;
};

/**
 * What an action does to a record:
 *   create  makes a new one (a saved view saved again under its name replaces its owner's own, by choice);
 *   edit    changes an existing one: its form carries the version it was opened on, and a save from an older
 *           one is refused (tests/edit-versions.test.ts drives every edit action this way);
 *   delete  removes or revokes one: nothing anyone typed is saved over, and a second removal finds nothing;
 *   link    adds or removes one member of a set (an update in a group): it names the one member it changes,
 *           so it cannot undo another analyst's change; the set's version moves on.
 */
export type ActionKind = 'create' | 'edit' | 'delete' | 'link';

export type ActionEntry = {
  /** The 'use server' file, relative to the project root. */
  file: string;
  /** The exported function. */
  name: string;
  /** Least role. */
  role: Exclude<Access, 'public'>;
  kind: ActionKind;
  /** An edit's form field that carries the version, when it is not `version` (a position's is `basedOn`). */
  versionField?: string;
  /** Arguments the page binds before the form's own (`updatePartyAction.bind(null, id)`). */
  bound?: string[];
  /** The fields of a valid form, so an allowed caller really writes and a refused one demonstrably does not. */
  form?: Record<string, string>;
  /** What an allowed caller is told when the write is done… */
  says?: string;
  /** …or where a successful write sends them (the start of the path). */
  redirectsTo?: string;
  /** Why the e2e does not drive this entry (and where it is tested instead). */
  skipE2E?: string;
};

export const ROUTES: RouteEntry[] = [
  { file: 'app/api/health/route.ts', methods: { GET: 'public' } },
  {
    file: 'app/api/auth/[...nextauth]/route.ts',
    methods: { GET: 'public', POST: 'public' },
    skipE2E: "next-auth's own sign-in and sign-out: e2e/security-session.spec.ts",
  },
  {
    file: 'app/api/issues/[id]/positions/route.ts',
    methods: { POST: 'analyst' },
    url: '/api/issues/{issue}/positions',
    body: { partyId: '{party}', basedOn: '{current}', summary: 'Matrix probe', stance: 'ambiguous', flexibility: 'unknown', asOf: '2026-02-10' },
  },
  {
    file: 'app/api/updates/route.ts',
    methods: { POST: 'analyst' },
    body: { negotiationId: '{negotiation}', body: 'Matrix probe update', occurredOn: '2026-02-10', unsourced: true },
  },
  {
    file: 'app/api/capture/route.ts',
    methods: { POST: 'analyst' },
    readsOnly: true,
    body: { negotiationId: '{negotiation}', text: 'Lavrov said the guarantees were “nonsense”.', publishedOn: '2026-02-05' },
  },
  // The benchmark's ceiling: a trivial dynamic route with no data behind it (bench/run.mjs).
  { file: 'app/api/bench/ceiling/route.ts', methods: { GET: 'public' } },
  { file: 'app/api/negotiations/[id]/updates.atom/route.ts', methods: { GET: 'viewer' } },
  { file: 'app/api/search/route.ts', methods: { GET: 'viewer' }, url: '/api/search?q=prisoners' },
  { file: 'app/api/sources/choices/route.ts', methods: { GET: 'analyst' } },
  { file: 'app/api/sources/search/route.ts', methods: { GET: 'analyst' }, url: '/api/sources/search?q=New%20START&negotiation={negotiation}' },
  { file: 'app/api/outlets/route.ts', methods: { GET: 'analyst' } },
  { file: 'app/api/deadlines.ics/route.ts', methods: { GET: 'viewer' } },
  { file: 'app/api/negotiations/route.ts', methods: { GET: 'viewer' } },
  { file: 'app/api/negotiations/[id]/export.json/route.ts', methods: { GET: 'viewer' } },
  { file: 'app/api/rounds/[id]/[file]/route.ts', methods: { GET: 'viewer' }, url: '/api/rounds/{round}/summary.md' },
  { file: 'app/api/dashboard/[file]/route.ts', methods: { GET: 'viewer' }, url: '/api/dashboard/matrix.csv' },
  { file: 'app/api/homework/[file]/route.ts', methods: { GET: 'viewer' }, url: '/api/homework/board.csv' },
  // Allowed callers get 400 for the probe's empty JSON body; the real imports are in e2e/api-tokens.spec.ts.
  { file: 'app/api/negotiations/import/route.ts', methods: { POST: 'analyst' } },
  { file: 'app/api/negotiations/[id]/import-updates/route.ts', methods: { POST: 'analyst' } },
];

// One password for the throw-away accounts; it meets lib/validation/password.ts.
export const MATRIX_PASSWORD = 'matrix-probe-2026';

export const ACTIONS: ActionEntry[] = [
  {
    file: 'app/outlets/actions.ts',
    name: 'regradeOutletAction',
    role: 'analyst', kind: 'edit',
    form: { outletId: '{matrixOutlet}', version: '{matrixOutletVersion}', reliability: 'C', gradedOn: '2026-02-10', note: 'Regraded by {caller}' },
    says: 'Regraded C — fairly reliable.',
  },
  {
    file: 'app/issues/[id]/actions.ts',
    name: 'recordPositionAction',
    role: 'analyst', kind: 'edit', versionField: 'basedOn',
    form: {
      issueId: '{sandboxIssue}',
      partyId: '{sandboxParty}',
      basedOn: '{sandboxPosition}',
      summary: 'Position recorded by {caller}',
      stance: 'conditional',
      flexibility: 'moderate',
      asOf: '2026-02-10',
    },
    says: 'New position recorded',
  },
  {
    file: 'app/issues/[id]/actions.ts',
    name: 'changeStatusAction',
    role: 'analyst', kind: 'edit',
    form: { issueId: '{sandboxIssue}', version: '{sandboxIssueVersion}', status: 'narrowing', changedOn: '2026-02-10', note: 'Moved by {caller}' },
    says: 'Status changed.',
  },
  {
    file: 'app/issues/[id]/edit/actions.ts',
    name: 'updateIssueAction',
    role: 'analyst', kind: 'edit',
    form: { issueId: '{sandboxIssue}', version: '{sandboxIssueVersion}', title: 'Matrix issue', description: 'Edited by {caller}', priority: 'high' },
    redirectsTo: '/issues/{sandboxIssue}',
  },
  {
    file: 'app/negotiations/actions.ts',
    name: 'createNegotiationAction',
    role: 'analyst', kind: 'create',
    form: { name: 'Matrix negotiation by {caller}', description: 'Created by the authorization probe.' },
    redirectsTo: '/negotiations/',
  },
  {
    file: 'app/negotiations/actions.ts',
    name: 'updateNegotiationAction',
    role: 'analyst', kind: 'edit',
    bound: ['{sandboxNegotiation}'],
    form: { version: '{sandboxNegotiationVersion}', name: 'Authorization matrix sandbox', description: 'Edited by {caller}' },
    says: 'Negotiation saved.',
  },
  {
    file: 'app/negotiations/actions.ts',
    name: 'seatPartyAction',
    role: 'analyst', kind: 'edit',
    form: { negotiationId: '{sandboxNegotiation}', partyId: '{sandboxParty}', version: '{sandboxSeatVersion}', role: 'party', description: 'Described by {caller}', note: 'Seated by {caller}' },
    says: 'Seat saved.',
  },
  {
    file: 'app/negotiations/[id]/issues/new/actions.ts',
    name: 'createIssueAction',
    role: 'analyst', kind: 'create',
    form: { negotiationId: '{sandboxNegotiation}', title: 'Issue raised by {caller}', status: 'proposed', priority: 'low' },
    redirectsTo: '/issues/',
  },
  {
    file: 'app/negotiations/[id]/rounds/new/actions.ts',
    name: 'createRoundAction',
    role: 'analyst', kind: 'create',
    form: { negotiationId: '{sandboxNegotiation}', name: 'Round planned by {caller}', approxDate: 'in the coming weeks', format: 'direct', status: 'planned' },
    redirectsTo: '/rounds/',
  },
  {
    file: 'app/parties/actions.ts',
    name: 'createPartyAction',
    role: 'analyst', kind: 'create',
    form: { name: 'Matrix party of {caller}', shortName: 'MP-{caller}' },
    says: 'Matrix party of {caller} added.',
  },
  {
    file: 'app/parties/actions.ts',
    name: 'updatePartyAction',
    role: 'analyst', kind: 'edit',
    bound: ['{sandboxParty}'],
    form: { version: '{sandboxPartyVersion}', name: 'Matrix party Alpha', shortName: 'MPA' },
    says: 'Party saved.',
  },
  {
    file: 'app/parties/actions.ts',
    name: 'createActorAction',
    role: 'analyst', kind: 'create',
    form: { name: 'Envoy named by {caller}', title: 'Special envoy', negotiationId: '{sandboxNegotiation}', partyId: '{sandboxParty}' },
    says: 'Envoy named by {caller} added.',
  },
  {
    file: 'app/parties/actions.ts',
    name: 'updateAffiliationAction',
    role: 'analyst', kind: 'edit',
    bound: ['{sandboxAffiliation}'],
    form: { version: '{sandboxAffiliationVersion}', title: 'Envoy, retitled by {caller}', startsOn: '2026-01-01' },
    says: 'Saved.',
  },
  {
    file: 'app/rounds/[id]/actions.ts',
    name: 'editRoundAction',
    role: 'analyst', kind: 'edit',
    form: {
      roundId: '{sandboxRound}',
      version: '{sandboxRoundVersion}',
      negotiationId: '{sandboxNegotiation}',
      name: 'Round edited by {caller}',
      venue: 'Geneva',
      format: 'direct',
      status: 'planned',
    },
    says: 'Round saved.',
  },
  // Always the first round, moved later: each allowed caller swaps a pair.
  { file: 'app/rounds/[id]/actions.ts', name: 'moveRoundAction', role: 'analyst', kind: 'edit', form: { roundId: '{sandboxRound}', version: '{sandboxRoundVersion}', direction: 'later' },
    says: 'Round moved.',
  },
  {
    file: 'app/rounds/[id]/actions.ts',
    name: 'delegationsAction',
    role: 'analyst', kind: 'edit',
    form: { roundId: '{sandboxRound}', version: '{sandboxRoundVersion}', 'head.{sandboxParty}': 'Head named by {caller}' },
    says: 'Delegation heads saved.',
  },
  {
    file: 'app/rounds/[id]/actions.ts',
    name: 'agendaAction',
    role: 'analyst', kind: 'edit',
    form: { roundId: '{sandboxRound}', version: '{sandboxRoundVersion}', issueIds: '{sandboxIssue}' },
    says: 'Agenda saved.',
  },
  {
    file: 'app/rounds/[id]/actions.ts',
    name: 'addOutcomeAction',
    role: 'analyst', kind: 'create',
    form: { roundId: '{sandboxRound}', text: 'Outcome noted by {caller}', issueId: '{sandboxIssue}' },
    says: 'Outcome added.',
  },
  { file: 'app/rounds/[id]/actions.ts', name: 'removeOutcomeAction', role: 'analyst', kind: 'delete', form: { outcomeId: '{sandboxOutcome}' }, says: 'Outcome removed.' },
  {
    file: 'app/homework/actions.ts',
    name: 'createHomeworkAction',
    role: 'analyst', kind: 'create',
    form: { negotiationId: '{sandboxNegotiation}', title: 'Homework set by {caller}', ownerPartyIds: '{sandboxParty}', status: 'open' },
    redirectsTo: '/homework/',
  },
  {
    file: 'app/homework/actions.ts',
    name: 'editHomeworkAction',
    role: 'analyst', kind: 'edit',
    form: {
      homeworkId: '{sandboxHomework}',
      version: '{sandboxHomeworkVersion}',
      negotiationId: '{sandboxNegotiation}',
      title: 'Matrix homework, refined by {caller}',
      ownerPartyIds: '{sandboxParty}',
      status: 'open',
    },
    says: 'Homework saved',
  },
  {
    file: 'app/homework/actions.ts',
    name: 'changeHomeworkStatusAction',
    role: 'analyst', kind: 'edit',
    form: { homeworkId: '{sandboxHomework}', version: '{sandboxHomeworkVersion}', status: 'in_progress', resolution: 'Started, says {caller}' },
    says: 'Status changed.',
  },
  {
    file: 'app/updates/actions.ts',
    name: 'logUpdateAction',
    role: 'analyst', kind: 'create',
    form: { negotiationId: '{sandboxNegotiation}', body: 'Update logged by {caller}', occurredOn: '2026-02-10', issueIds: '{sandboxIssue}', unsourced: 'on' },
    redirectsTo: '/updates/',
  },
  {
    file: 'app/updates/capture/actions.ts',
    name: 'confirmCaptureAction',
    role: 'analyst', kind: 'create',
    form: {
      negotiationId: '{sandboxNegotiation}',
      'article.outlet': 'Matrix Gazette', 'article.title': 'Captured by {caller}', 'article.reliability': 'C', 'article.credibility': '3',
      'article.text': 'The minister said “we are ready” on Monday.',
      proposal: '0', 'p0.accepted': 'yes', 'p0.quote': 'we are ready', 'p0.body': 'Update captured by {caller}', 'p0.occurredOn': '2026-02-10', 'p0.issueIds': '{sandboxIssue}',
    },
    redirectsTo: '/negotiations/',
  },
  {
    file: 'app/updates/actions.ts',
    name: 'editUpdateAction',
    role: 'analyst', kind: 'edit',
    form: { updateId: '{sandboxUpdate}', version: '{sandboxUpdateVersion}', body: 'Matrix update, edited by {caller}', occurredOn: '2026-01-05', unsourced: 'on' },
    redirectsTo: '/updates/{sandboxUpdate}',
  },
  {
    file: 'app/settings/tokens/actions.ts',
    name: 'createTokenAction',
    role: 'viewer',
    kind: 'create',
    form: { name: 'Matrix token of {caller}', scope: 'read', days: '30' },
    says: 'Token “Matrix token of {caller}” created: read-only',
  },
  { file: 'app/settings/tokens/actions.ts', name: 'revokeTokenAction', role: 'viewer', kind: 'delete', form: { tokenId: '{ownToken}' }, says: 'Token revoked' },
  // An admin ends anyone's token: here the viewer's, made for it before the probes run.
  { file: 'app/admin/tokens/actions.ts', name: 'revokeAnyTokenAction', role: 'admin', kind: 'delete', form: { tokenId: '{othersToken}' }, says: 'Token revoked' },
  {
    file: 'app/corroborations/actions.ts',
    name: 'createCorroborationAction',
    role: 'analyst', kind: 'create',
    form: { label: 'Group made by {caller}', updateIds: '{looseUpdate}, {looseUpdate2}' },
    says: 'Group “Group made by {caller}” created.',
  },
  {
    file: 'app/corroborations/actions.ts',
    name: 'groupPairAction',
    role: 'analyst', kind: 'link',
    form: { updateA: '{looseUpdate}', updateB: '{looseUpdate2}', label: 'Pair grouped by {caller}' },
    says: 'Grouped.',
  },
  {
    file: 'app/corroborations/actions.ts',
    name: 'addMemberAction',
    role: 'analyst', kind: 'link',
    form: { corroborationId: '{sandboxGroup}', updateId: '{looseUpdate}' },
    says: 'added to the group.',
  },
  {
    file: 'app/corroborations/actions.ts',
    name: 'removeMemberAction',
    role: 'analyst', kind: 'link',
    form: { corroborationId: '{sandboxGroup}', updateId: '{groupMember}' },
    says: 'removed from the group.',
  },
  {
    file: 'app/corroborations/actions.ts',
    name: 'markAction',
    role: 'analyst', kind: 'edit',
    form: { corroborationId: '{sandboxGroup}', version: '{sandboxGroupVersion}', mark: 'consistent', note: 'Judged by {caller}' },
    says: 'Verdict saved.',
  },
  {
    file: 'app/issues/[id]/convergence/actions.ts',
    name: 'recordConvergenceAction',
    role: 'analyst', kind: 'edit', versionField: 'version.{sandboxRound}',
    // The form carries each round's judgement version; the chosen round's is checked (0: none yet).
    form: { issueId: '{sandboxIssue}', roundId: '{sandboxRound}', 'version.{sandboxRound}': '{sandboxJudgementVersion}', distance: '2', note: 'Judged by {caller}' },
    says: 'Judgement recorded',
  },
  // Saved views are personal: a viewer may keep their own.
  {
    file: 'app/saved-views/actions.ts',
    name: 'saveViewAction',
    role: 'viewer', kind: 'create',
    form: { page: 'timeline', name: 'Matrix view of {caller}', query: 'negotiation={sandboxNegotiation}' },
    says: 'View “Matrix view of {caller}” saved.',
  },
  { file: 'app/saved-views/actions.ts', name: 'deleteViewAction', role: 'viewer', kind: 'delete', form: { viewId: '{ownView}' }, says: 'View deleted.' },
  // Membership is managed by admins; the probes add and remove the throw-away account on the sandbox.
  {
    file: 'app/negotiations/[id]/members/actions.ts',
    name: 'setNegotiationMemberAction',
    role: 'admin', kind: 'link',
    form: { negotiationId: '{sandboxNegotiation}', userId: '{throwawayUser}', role: 'viewer' },
    says: 'it applies from their next request.',
  },
  {
    file: 'app/negotiations/[id]/members/actions.ts',
    name: 'removeNegotiationMemberAction',
    role: 'admin', kind: 'delete',
    form: { negotiationId: '{sandboxNegotiation}', userId: '{throwawayUser}' },
    says: 'Member removed',
  },
  // The user actions change a throw-away account the spec creates first, never a demo login other specs use.
  {
    file: 'app/admin/users/actions.ts',
    name: 'createUserAction',
    role: 'admin', kind: 'create',
    form: { email: 'matrix-created@example.org', name: 'Matrix created user', role: 'viewer', password: MATRIX_PASSWORD },
    says: 'Created viewer matrix-created@example.org.',
  },
  {
    file: 'app/admin/users/actions.ts',
    name: 'changeRoleAction',
    role: 'admin', kind: 'edit',
    form: { userId: '{throwawayUser}', version: '{throwawayUserVersion}', role: 'analyst' },
    says: 'Role changed to analyst',
  },
  {
    file: 'app/admin/users/actions.ts',
    name: 'setDisabledAction',
    role: 'admin', kind: 'edit',
    form: { userId: '{throwawayUser}', version: '{throwawayUserVersion}', disabled: 'true' },
    says: 'Disabled; their sessions and API tokens have ended.',
  },
  {
    file: 'app/admin/users/actions.ts',
    name: 'resetPasswordAction',
    role: 'admin', kind: 'edit',
    form: { userId: '{throwawayUser}', version: '{throwawayUserVersion}', password: MATRIX_PASSWORD },
    says: 'Password reset',
  },
];

const RANK: Record<Access, number> = { public: -1, viewer: 0, analyst: 1, admin: 2 };

/** Whether a caller (null: anonymous) may use something that needs `access`. */
export function allowed(caller: Exclude<Access, 'public'> | null, access: Access): boolean {
  if (access === 'public') return true;
  return caller !== null && RANK[caller] >= RANK[access];
}

/** Placeholders for the caller's own records or none in particular: naming only these, an entry is no negotiation's. */
const UNSCOPED_SAMPLES = new Set(['caller', 'ownToken', 'ownView', 'throwawayUser', 'throwawayUserVersion', 'othersToken']);

/**
 * Whether an entry reads or writes records of one negotiation: a route with an id in its path or a sample in its
 * URL or body, an action whose form or bound arguments name one. Derived, so no entry can leave it out.
 */
export function isScoped(entry: RouteEntry | ActionEntry): boolean {
  const texts =
    'methods' in entry
      ? [entry.url ?? entry.file.replace(/\[\.\.\.[^\]]+\]/g, ''), ...Object.values(entry.body ?? {}).map(String)]
      : [...(entry.bound ?? []), ...Object.entries(entry.form ?? {}).flat()];
  if ('methods' in entry && !entry.url && /\[(?!\.\.\.)[^\]]+\]/.test(entry.file)) return true;
  return texts.some((t) => [...t.matchAll(/\{(\w+)\}/g)].some((m) => !UNSCOPED_SAMPLES.has(m[1])));
}
