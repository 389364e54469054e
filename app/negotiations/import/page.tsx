import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/server/auth/current-user';
import { hasRole } from '@/lib/roles';
import { JSON_IMPORT_LIMIT, formatBytes } from '@/lib/interchange/parse';
import { SCHEMA_URL } from '@/lib/interchange/schema';
import { JsonImportForm } from '@/components/import/JsonImportForm';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Import a negotiation' };

export default async function ImportNegotiationPage() {
  const user = await requireUser();
  return (
    <>
      <h1>Import a negotiation</h1>
      <p>
        Upload a negotiation exported as JSON (from <code>/api/negotiations/{'{id}'}/export.json</code> of this or another tracker). It becomes a{' '}
        <strong>new</strong> negotiation with its parties, actors, issues, positions and their history, rounds, outcomes, homework, updates and sources.
        Parties and actors that already exist here are reused by name, and the result names each one; what the file says of them (descriptions,
        titles) is kept for the new negotiation only. The file is checked against the <a href={SCHEMA_URL}>published JSON Schema</a>{' '}
        first; if anything is wrong, every error is listed with its place in the file, references and shape together, and nothing is written. A
        field that may be left out takes the default the schema gives it (no text, no list, priority medium, format direct…).
      </p>
      <p className="small">Only you and the admins can read the new negotiation at first: open it to everyone on its edit page, or ask an admin to add members.</p>
      {hasRole(user.role, 'analyst') ? (
        <section className="panel" aria-label="Upload">
          <JsonImportForm limitBytes={JSON_IMPORT_LIMIT} limitLabel={formatBytes(JSON_IMPORT_LIMIT)} />
        </section>
      ) : (
        <p className="alert error">Your role can read but not change anything: only analysts and admins can import.</p>
      )}
      <p className="small muted">
        From the shell: <code>npm run import -- file.json [--name &quot;New name&quot;] [--as analyst@example.org]</code>. Scripts can also{' '}
        <code>POST</code> the file to <code>/api/negotiations/import</code> with an <Link href="/settings/tokens">API token</Link>.
      </p>
    </>
  );
}
