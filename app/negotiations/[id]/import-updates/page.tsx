import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getNegotiation, listIssuesOf, listSeatedParties } from '@/db/queries/negotiations';
import { requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { MarkingBanner } from '@/components/MarkingBanner';
import { hasRole } from '@/lib/roles';
import { CSV_IMPORT_LIMIT, formatBytes } from '@/lib/interchange/parse';
import { CSV_COLUMNS } from '@/lib/import/updates-csv';
import { parseId } from '@/lib/ids';
import { CsvImportForm } from '@/components/import/CsvImportForm';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Import updates from a spreadsheet' };

export default async function ImportUpdatesPage({ params }: { params: Promise<{ id: string }> }) {
  const { scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const negotiation = getNegotiation(db, scope, id);
  if (!negotiation) notFound();
  const issues = listIssuesOf(db, scope, id);
  const parties = listSeatedParties(db, scope, id);
  return (
    <>
      <MarkingBanner marking={negotiation.marking} />
      <p className="small">
        <Link href={`/negotiations/${id}`}>{negotiation.name}</Link>
      </p>
      <h1>Import updates from a spreadsheet</h1>
      <p>
        Every row becomes one update with its own source. All rows are checked first; if any row has an error, the errors are listed by row (the header is
        row 1) and nothing is written.
      </p>
      {hasRole(roleIn(scope, id)!, 'analyst') ? (
        <section className="panel" aria-label="Upload">
          <CsvImportForm negotiationId={id} limitBytes={CSV_IMPORT_LIMIT} limitLabel={formatBytes(CSV_IMPORT_LIMIT)} />
        </section>
      ) : (
        <p className="alert error">Your role can read but not change anything: only analysts and admins can import.</p>
      )}
      <h2>Columns</h2>
      <p>
        Header row: <code>{CSV_COLUMNS.join(',')}</code>, optionally followed by <code>reliability</code> (A–F, default F), <code>credibility</code> (1–6,
        default 6) and <code>source_title</code>.
      </p>
      <div className="table-wrap">
        <table aria-label="What each column holds">
          <thead>
            <tr>
              <th scope="col">column</th>
              <th scope="col">holds</th>
            </tr>
          </thead>
          <tbody>
            <tr><td><code>date</code></td><td>when it happened, YYYY-MM-DD (required)</td></tr>
            <tr><td><code>text</code></td><td>what happened (required; Markdown allowed)</td></tr>
            <tr><td><code>issue</code></td><td>the issue&apos;s title; several separated by <code>;</code>; may be empty</td></tr>
            <tr><td><code>party</code></td><td>the party&apos;s name or short name; several separated by <code>;</code>; may be empty</td></tr>
            <tr><td><code>source_outlet</code></td><td>where it was reported (required)</td></tr>
            <tr><td><code>source_url</code></td><td>an http:// or https:// address, or empty</td></tr>
            <tr><td><code>quote</code></td><td>the quoted text, or empty</td></tr>
          </tbody>
        </table>
      </div>
      <div className="grid-2">
        <section>
          <h3>Issues of this negotiation</h3>
          <ul>{issues.map((i) => <li key={i.id}>{i.title}</li>)}</ul>
        </section>
        <section>
          <h3>Parties at the table</h3>
          <ul>{parties.map((p) => <li key={p.id}>{p.name} ({p.shortName})</li>)}</ul>
        </section>
      </div>
    </>
  );
}
