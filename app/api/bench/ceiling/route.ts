// The benchmark's ceiling (bench/run.mjs, BENCHMARKS.md): the cheapest dynamic response this build
// can give, with no database, no session and no rendering. Every page's throughput is reported as a
// ratio to it, measured side by side in the same run, because absolute figures on a shared machine
// move with its load while the ratios hold. It reveals nothing and changes nothing.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ ok: true, at: Date.now() }, { headers: { 'Cache-Control': 'no-store' } });
}
