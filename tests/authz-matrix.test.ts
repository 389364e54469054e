import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, ROUTES, isScoped, type Method } from './authz-matrix';

const ROOT = path.resolve(__dirname, '..');
const METHODS: Method[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(full);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(e.name) ? [full] : [];
  });
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const sourceFiles = ['app', 'server', 'lib', 'components', 'db'].flatMap((d) => walk(path.join(ROOT, d)));
const withoutComments = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** The HTTP methods a route file exports, however it spells them. */
export function exportedMethods(src: string): Method[] {
  const found = new Set<Method>();
  for (const m of src.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) found.add(m[1] as Method);
  for (const m of src.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()!.trim();
      found.add(name as Method);
    }
  }
  return [...found].filter((m) => METHODS.includes(m)).sort();
}

/** The functions a 'use server' file exports. */
export function exportedActions(src: string): string[] {
  const names = new Set<string>();
  for (const m of src.matchAll(/export\s+(?:async\s+)?(?:function\s*\*?\s*|const\s+|let\s+)([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  for (const m of src.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(',')) if (part.trim()) names.add(part.trim().split(/\s+as\s+/).pop()!.trim());
  }
  if (/export\s+default/.test(src)) names.add('default');
  return [...names].sort();
}

const isServerFile = (src: string) => /^\s*['"]use server['"]/.test(withoutComments(src));

const routeFiles = sourceFiles.filter((f) => /\/route\.(ts|tsx|js|mjs)$/.test(rel(f)) && rel(f).startsWith('app/'));
const serverFiles = sourceFiles.filter((f) => isServerFile(fs.readFileSync(f, 'utf8')));

describe('authorization matrix', () => {
  it('finds the routes and actions it should (the scanner works)', () => {
    expect(routeFiles.map(rel)).toContain('app/api/health/route.ts');
    expect(serverFiles.map(rel)).toContain('app/issues/[id]/actions.ts');
    expect(exportedMethods(`export { handler as GET, handler as POST };`)).toEqual(['GET', 'POST']);
    expect(exportedActions(`'use server';\nexport async function a() {}\nexport const b = async () => {};`)).toEqual(['a', 'b']);
  });

  it('lists every route handler method with its least role', () => {
    const missing: string[] = [];
    for (const file of routeFiles) {
      const entry = ROUTES.find((r) => r.file === rel(file));
      const methods = exportedMethods(fs.readFileSync(file, 'utf8'));
      for (const method of methods) {
        if (!entry?.methods[method]) missing.push(`${method} ${rel(file)}`);
      }
      for (const method of Object.keys(entry?.methods ?? {}) as Method[]) {
        if (!methods.includes(method)) missing.push(`${rel(file)} no longer exports ${method}: remove it from tests/authz-matrix.ts`);
      }
    }
    expect(missing, `Add these to ROUTES in tests/authz-matrix.ts:\n${missing.join('\n')}`).toEqual([]);
  });

  it('has no entry for a route that does not exist', () => {
    const stale = ROUTES.filter((r) => !fs.existsSync(path.join(ROOT, r.file))).map((r) => r.file);
    expect(stale).toEqual([]);
  });

  it('lists every server action with its least role', () => {
    const missing: string[] = [];
    for (const file of serverFiles) {
      for (const name of exportedActions(fs.readFileSync(file, 'utf8'))) {
        if (!ACTIONS.some((a) => a.file === rel(file) && a.name === name)) missing.push(`${rel(file)}#${name}`);
      }
    }
    expect(missing, `Add these to ACTIONS in tests/authz-matrix.ts:\n${missing.join('\n')}`).toEqual([]);
    const stale = ACTIONS.filter((a) => {
      const file = path.join(ROOT, a.file);
      return !fs.existsSync(file) || !exportedActions(fs.readFileSync(file, 'utf8')).includes(a.name);
    });
    expect(stale.map((a) => `${a.file}#${a.name}`)).toEqual([]);
  });

  it('gives every server action a form that really writes, and says how success shows, or why the e2e skips it', () => {
    const incomplete = ACTIONS.filter((a) => !a.skipE2E?.trim()).flatMap((a) => {
      const id = `${a.file}#${a.name}`;
      if (!a.form || Object.keys(a.form).length === 0) return [`${id} has no form`];
      if (!a.says === !a.redirectsTo) return [`${id} needs one of says (its success message) or redirectsTo`];
      return [];
    });
    expect(incomplete, 'Give these a valid form in ACTIONS (or a skipE2E saying where they are tested)').toEqual([]);
  });

  it('names each bound argument an action takes before its form', () => {
    // `updatePartyAction(id, prevState, formData)`: the page binds the id, and the probe must send it.
    const missing = ACTIONS.filter((a) => {
      const src = withoutComments(fs.readFileSync(path.join(ROOT, a.file), 'utf8'));
      const params = new RegExp(`export\\s+async\\s+function\\s+${a.name}\\s*\\(([^)]*)\\)`).exec(src)?.[1] ?? '';
      const count = params.split(',').filter((p) => p.trim()).length;
      return Math.max(0, count - 2) !== (a.bound?.length ?? 0);
    });
    expect(missing.map((a) => `${a.file}#${a.name}`)).toEqual([]);
  });

  it('keeps server actions in "use server" files, where this matrix can see them', () => {
    const inline = sourceFiles
      .filter((f) => !serverFiles.includes(f))
      .filter((f) => /['"]use server['"]/.test(withoutComments(fs.readFileSync(f, 'utf8'))))
      .map(rel);
    expect(inline, 'Move inline server actions into an actions.ts file').toEqual([]);
  });

  it('checks in each action the same role the matrix names', () => {
    const wrong: string[] = [];
    for (const action of ACTIONS) {
      const src = withoutComments(fs.readFileSync(path.join(ROOT, action.file), 'utf8'));
      const start = src.search(new RegExp(`export\\s+(?:async\\s+)?(?:function\\s+|const\\s+)${action.name}\\b`));
      const next = src.slice(start + 1).search(/\nexport\s/);
      const body = src.slice(start, next === -1 ? undefined : start + 1 + next);
      const roles = [...body.matchAll(/(?:handleForm|requireRole|assertRole)\(\s*(?:[\w.]+,\s*)?'(viewer|analyst|admin)'/g)].map((m) => m[1]);
      if (roles.length === 0) wrong.push(`${action.file}#${action.name} checks no role (start it with handleForm or requireRole)`);
      else if (!roles.includes(action.role)) wrong.push(`${action.file}#${action.name} checks ${roles.join('/')} but the matrix says ${action.role}`);
    }
    expect(wrong).toEqual([]);
  });

  it('knows which entries name a negotiation’s records, which the outsider must be refused (need to know)', () => {
    const route = (file: string, extra: Partial<(typeof ROUTES)[number]> = {}) => isScoped({ file, methods: { GET: 'viewer' }, ...extra });
    expect(route('app/api/negotiations/[id]/export.json/route.ts')).toBe(true);
    expect(route('app/api/rounds/[id]/[file]/route.ts', { url: '/api/rounds/{round}/summary.md' })).toBe(true);
    expect(route('app/api/updates/route.ts', { body: { negotiationId: '{negotiation}' } })).toBe(true);
    expect(route('app/api/search/route.ts', { url: '/api/search?q=prisoners' })).toBe(false);
    expect(route('app/api/auth/[...nextauth]/route.ts')).toBe(false);
    const action = (form: Record<string, string>, bound?: string[]) => isScoped({ file: 'x', name: 'y', role: 'analyst', kind: 'edit', form, bound });
    expect(action({ name: 'Token of {caller}' })).toBe(false);
    expect(action({ tokenId: '{ownToken}' })).toBe(false);
    expect(action({ issueId: '{sandboxIssue}' })).toBe(true);
    expect(action({ name: 'x' }, ['{sandboxParty}'])).toBe(true);
    // The matrix as it stands: every action on the sandbox is scoped (the sandbox's outlet too), the user, token and own-view ones are not.
    expect(ACTIONS.filter((a) => !isScoped(a)).map((a) => a.name).sort()).toEqual(
      ['changeRoleAction', 'createNegotiationAction', 'createPartyAction', 'createTokenAction', 'createUserAction', 'deleteViewAction', 'resetPasswordAction', 'revokeAnyTokenAction', 'revokeTokenAction', 'setDisabledAction'],
    );
  });

  it('has every non-public route authenticate its caller', () => {
    const open: string[] = [];
    for (const route of ROUTES) {
      if (Object.values(route.methods).every((a) => a === 'public')) continue;
      const src = fs.readFileSync(path.join(ROOT, route.file), 'utf8');
      if (!/apiRoute[<(]|requireRole\(|requestUser\(/.test(src)) open.push(route.file);
    }
    expect(open).toEqual([]);
  });
});
