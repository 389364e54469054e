// Who may call what: every route handler method and every server action, with the least role it needs.
// tests/authz-matrix.test.ts fails when a route or action exists without an entry here (or an entry
// names something that no longer exists); e2e/security-authz.spec.ts calls each one as anonymous,
// viewer, analyst and admin and checks the refusals and that a refused write wrote nothing.
//
// Adding a route or an action? Add its line here. Ids in a path are filled from the demo data
// (`{issue}`, `{party}`…, see e2e/security-authz.spec.ts); a segment without a sample becomes 1.

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
};

export type ActionEntry = {
  /** The 'use server' file, relative to the project root. */
  file: string;
  /** The exported function. */
  name: string;
  /** Least role. */
  role: Exclude<Access, 'public'>;
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
    body: { negotiationId: '{negotiation}', body: 'Matrix probe update', occurredOn: '2026-02-10' },
  },
  // The benchmark's ceiling: a trivial dynamic route with no data behind it (bench/run.mjs).
  { file: 'app/api/bench/ceiling/route.ts', methods: { GET: 'public' } },
  { file: 'app/api/negotiations/[id]/updates.atom/route.ts', methods: { GET: 'viewer' } },
  { file: 'app/api/search/route.ts', methods: { GET: 'viewer' }, url: '/api/search?q=prisoners' },
  { file: 'app/api/sources/choices/route.ts', methods: { GET: 'analyst' } },
  { file: 'app/api/deadlines.ics/route.ts', methods: { GET: 'viewer' } },
  { file: 'app/api/negotiations/route.ts', methods: { GET: 'viewer' } },
  { file: 'app/api/negotiations/[id]/export.json/route.ts', methods: { GET: 'viewer' } },
  { file: 'app/api/rounds/[id]/[file]/route.ts', methods: { GET: 'viewer' }, url: '/api/rounds/{round}/summary.md' },
  // Allowed callers get 400 for the probe's empty JSON body; the real imports are in e2e/api-tokens.spec.ts.
  { file: 'app/api/negotiations/import/route.ts', methods: { POST: 'analyst' } },
  { file: 'app/api/negotiations/[id]/import-updates/route.ts', methods: { POST: 'analyst' } },
];

export const ACTIONS: ActionEntry[] = [
  { file: 'app/issues/[id]/actions.ts', name: 'recordPositionAction', role: 'analyst' },
  { file: 'app/issues/[id]/actions.ts', name: 'changeStatusAction', role: 'analyst' },
  { file: 'app/issues/[id]/edit/actions.ts', name: 'updateIssueAction', role: 'analyst' },
  { file: 'app/negotiations/actions.ts', name: 'createNegotiationAction', role: 'analyst' },
  { file: 'app/negotiations/actions.ts', name: 'updateNegotiationAction', role: 'analyst' },
  { file: 'app/negotiations/actions.ts', name: 'seatPartyAction', role: 'analyst' },
  { file: 'app/negotiations/[id]/issues/new/actions.ts', name: 'createIssueAction', role: 'analyst' },
  { file: 'app/negotiations/[id]/rounds/new/actions.ts', name: 'createRoundAction', role: 'analyst' },
  { file: 'app/parties/actions.ts', name: 'createPartyAction', role: 'analyst' },
  { file: 'app/parties/actions.ts', name: 'updatePartyAction', role: 'analyst' },
  { file: 'app/parties/actions.ts', name: 'createActorAction', role: 'analyst' },
  { file: 'app/rounds/[id]/actions.ts', name: 'editRoundAction', role: 'analyst' },
  { file: 'app/rounds/[id]/actions.ts', name: 'moveRoundAction', role: 'analyst' },
  { file: 'app/rounds/[id]/actions.ts', name: 'delegationsAction', role: 'analyst' },
  { file: 'app/rounds/[id]/actions.ts', name: 'agendaAction', role: 'analyst' },
  { file: 'app/rounds/[id]/actions.ts', name: 'addOutcomeAction', role: 'analyst' },
  { file: 'app/rounds/[id]/actions.ts', name: 'removeOutcomeAction', role: 'analyst' },
  { file: 'app/homework/actions.ts', name: 'createHomeworkAction', role: 'analyst' },
  { file: 'app/homework/actions.ts', name: 'editHomeworkAction', role: 'analyst' },
  { file: 'app/homework/actions.ts', name: 'changeHomeworkStatusAction', role: 'analyst' },
  { file: 'app/updates/actions.ts', name: 'logUpdateAction', role: 'analyst' },
  { file: 'app/updates/actions.ts', name: 'editUpdateAction', role: 'analyst' },
  { file: 'app/settings/tokens/actions.ts', name: 'createTokenAction', role: 'viewer' },
  { file: 'app/settings/tokens/actions.ts', name: 'revokeTokenAction', role: 'viewer' },
  { file: 'app/corroborations/actions.ts', name: 'createCorroborationAction', role: 'analyst' },
  { file: 'app/corroborations/actions.ts', name: 'groupPairAction', role: 'analyst' },
  { file: 'app/corroborations/actions.ts', name: 'addMemberAction', role: 'analyst' },
  { file: 'app/corroborations/actions.ts', name: 'removeMemberAction', role: 'analyst' },
  { file: 'app/corroborations/actions.ts', name: 'markAction', role: 'analyst' },
  { file: 'app/issues/[id]/convergence/actions.ts', name: 'recordConvergenceAction', role: 'analyst' },
  // Saved views are personal: a viewer may keep their own.
  { file: 'app/saved-views/actions.ts', name: 'saveViewAction', role: 'viewer' },
  { file: 'app/saved-views/actions.ts', name: 'deleteViewAction', role: 'viewer' },
  { file: 'app/admin/users/actions.ts', name: 'createUserAction', role: 'admin' },
  { file: 'app/admin/users/actions.ts', name: 'changeRoleAction', role: 'admin' },
  { file: 'app/admin/users/actions.ts', name: 'setDisabledAction', role: 'admin' },
  { file: 'app/admin/users/actions.ts', name: 'resetPasswordAction', role: 'admin' },
];

const RANK: Record<Access, number> = { public: -1, viewer: 0, analyst: 1, admin: 2 };

/** Whether a caller (null: anonymous) may use something that needs `access`. */
export function allowed(caller: Exclude<Access, 'public'> | null, access: Access): boolean {
  if (access === 'public') return true;
  return caller !== null && RANK[caller] >= RANK[access];
}
