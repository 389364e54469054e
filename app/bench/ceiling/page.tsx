import type { Metadata } from 'next';

// The benchmark's ceiling for pages (bench/run.mjs, BENCHMARKS.md): the cheapest dynamic page this
// build can render, through the same proxy, layout and React pipeline as every page, but with no
// database and, as the benchmark asks for it without a session, no sign-in. Each page's throughput is
// reported as a ratio to it, measured side by side in the same run. It reveals nothing.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Benchmark ceiling', robots: { index: false } };

export default function BenchCeilingPage() {
  return <p>Rendered at {new Date().toISOString()}.</p>;
}
