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
];

export const ACTIONS: ActionEntry[] = [
  { file: 'app/issues/[id]/actions.ts', name: 'recordPositionAction', role: 'analyst' },
  { file: 'app/issues/[id]/actions.ts', name: 'changeStatusAction', role: 'analyst' },
];

const RANK: Record<Access, number> = { public: -1, viewer: 0, analyst: 1, admin: 2 };

/** Whether a caller (null: anonymous) may use something that needs `access`. */
export function allowed(caller: Exclude<Access, 'public'> | null, access: Access): boolean {
  if (access === 'public') return true;
  return caller !== null && RANK[caller] >= RANK[access];
}
