import type { Metadata } from 'next';
import Link from 'next/link';

// The benchmark's rendering reference (bench/run.mjs, BENCHMARKS.md): a table of 200 rows, the size
// of a dashboard page, with no database and no session. Set beside the pages, it shows how much of
// their time is React rendering that much HTML rather than our reads. It reveals nothing.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Benchmark rendering reference', robots: { index: false } };

const ROWS = Array.from({ length: 200 }, (_, i) => i + 1);

export default function BenchRowsPage() {
  return (
    <div className="table-wrap">
      <table>
        <caption>200 rows rendered at {new Date().toISOString()}</caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Status</th>
            <th scope="col">Party</th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((n) => (
            <tr key={n}>
              <th scope="row">
                <Link href={`/bench/rows#row-${n}`}>Issue number {n}</Link>
              </th>
              <td>
                <span className="badge status">under discussion</span>
              </td>
              <td>Party {n % 12}</td>
              <td>{`${1 + (n % 28)} Mar 2026`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
