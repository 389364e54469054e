import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES, type Method } from './authz-matrix';

// Every route handler that needs a caller goes through apiRoute (server/http/route.ts): one answer to who
// asks, may they, how big a body may be, which status an error gets and what a browser may keep. A route
// that starts on its own would quietly disagree again. The public ones (health, the benchmark's ceiling,
// next-auth's own handler) ask nobody anything: they stay plain, and this test says so by their matrix line.

const ROOT = path.resolve(__dirname, '..');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : /^route\.(ts|tsx|js|mjs)$/.test(e.name) ? [full] : [];
  });
}
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const withoutComments = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
const METHODS = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/;

/** The HTTP methods a route file exports, as a function, a const or a re-export (`export { handler as GET }`). */
function exportedMethods(src: string): Method[] {
  const direct = [...src.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)].map((m) => m[1]);
  const listed = [...src.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((part) => part.trim().split(/\s+as\s+/).pop()!.trim()));
  return [...new Set([...direct, ...listed])].filter((m) => METHODS.test(m)) as Method[];
}

/** What a route file does against the one helper, in words a reader can act on; empty when it complies. */
function helperViolations(src: string, methods: Partial<Record<Method, string>>): string[] {
  const code = withoutComments(src);
  const found: string[] = [];
  for (const method of exportedMethods(code)) {
    const start = code.search(new RegExp(`export\\s+const\\s+${method}\\s*=\\s*apiRoute\\s*[<(]`));
    if (start === -1) {
      found.push(`${method} is not \`export const ${method} = apiRoute(…)\``);
      continue;
    }
    const next = code.slice(start + 1).search(/\nexport\s/);
    const role = /role:\s*'(viewer|analyst|admin)'/.exec(code.slice(start, next === -1 ? undefined : start + 1 + next))?.[1];
    if (role !== methods[method]) found.push(`${method} asks for ${role ?? 'no role'} but tests/authz-matrix.ts says ${methods[method]}`);
  }
  if (/\b(?:request|req)\.(?:json|text|formData|arrayBuffer|blob)\s*\(|\.body\s*\.\s*getReader\s*\(/.test(code)) {
    found.push('reads the body itself: use the call’s json() or text(), which keep the size limit');
  }
  if (/@\/server\/auth\/(?:request-user|current-user)/.test(code)) found.push('asks who is calling itself: apiRoute does');
  if (/\bNumber\s*\(|parseInt\s*\(/.test(code)) found.push('reads a number itself: ids go through pathId (lib/ids.ts)');
  if (/cache-control/i.test(code)) found.push('sets Cache-Control itself: apiRoute sets private, no-store on every answer');
  return found;
}

const routeFiles = walk(path.join(ROOT, 'app')).map(rel);
const isPublic = (file: string) => Object.values(ROUTES.find((r) => r.file === file)?.methods ?? {}).every((a) => a === 'public');

describe('every route handler that needs a caller goes through apiRoute', () => {
  it('sees the routes it should, and its scanner bites', () => {
    expect(routeFiles).toContain('app/api/updates/route.ts');
    expect(routeFiles.filter((f) => !isPublic(f)).length).toBeGreaterThanOrEqual(11);
    const handWritten = `import { authorizeRequest } from '@/server/auth/request-user';
      export async function POST(request: Request) { const id = Number('1'); const b = await request.json(); return Response.json(b, { headers: { 'Cache-Control': 'no-store' } }); }`;
    expect(helperViolations(handWritten, { POST: 'analyst' })).toHaveLength(5);
    const wrongRole = `export const GET = apiRoute({ role: 'viewer' }, () => Response.json({}));`;
    expect(helperViolations(wrongRole, { GET: 'analyst' })).toEqual(['GET asks for viewer but tests/authz-matrix.ts says analyst']);
    expect(helperViolations(wrongRole, { GET: 'viewer' })).toEqual([]);
  });

  it('has no non-public route that starts on its own, and each asks for the role the matrix names', () => {
    const wrong: string[] = [];
    for (const file of routeFiles.filter((f) => !isPublic(f))) {
      const entry = ROUTES.find((r) => r.file === file)!;
      for (const problem of helperViolations(fs.readFileSync(path.join(ROOT, file), 'utf8'), entry.methods)) wrong.push(`${file}: ${problem}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the public routes public: none asks for a caller', () => {
    const publicFiles = routeFiles.filter(isPublic);
    expect(publicFiles.sort()).toEqual(['app/api/auth/[...nextauth]/route.ts', 'app/api/bench/ceiling/route.ts', 'app/api/health/route.ts']);
    for (const file of publicFiles) expect(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).not.toMatch(/apiRoute|request-user/);
  });
});
