import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { getNegotiation, listIssuesOf, listNegotiations, listRoundsOf, listSeatedParties } from '@/db/queries/negotiations';
import { requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { hasRole } from '@/lib/roles';
import { HomeworkForm } from '@/components/forms/HomeworkForm';
import { roundChoices } from '@/components/rounds/round-choices';
import { SelectField } from '@/components/ui/Field';
import { createHomeworkAction } from '@/app/homework/actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New homework' };

type Search = Record<string, string | string[] | undefined>;
const idParam = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export default async function NewHomeworkPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { user, scope } = await requireReader();
  if (!hasRole(user.role, 'analyst')) redirect('/homework');
  const search = await searchParams;
  const db = getDb();
  // Only where the reader may write: a member who is a viewer there is offered the others.
  const writable = (id: number) => hasRole(roleIn(scope, id) ?? 'viewer', 'analyst');
  const negotiationId = idParam(search.negotiation);
  const negotiation = negotiationId && writable(negotiationId) ? getNegotiation(db, scope, negotiationId) : undefined;

  if (!negotiation) {
    const negotiations = listNegotiations(db, scope).filter((n) => writable(n.id));
    return (
      <>
        <h1>New homework</h1>
        <form method="get" action="/homework/new" className="panel stack" aria-label="Choose a negotiation">
          <SelectField label="Negotiation" name="negotiation" options={negotiations.map((n) => ({ value: String(n.id), label: n.name }))} required />
          <div>
            <button type="submit">Continue</button>
          </div>
        </form>
      </>
    );
  }

  const rounds = listRoundsOf(db, scope, negotiation.id);
  const roundIds = new Set(rounds.map((r) => r.id));
  const assigned = idParam(search.assigned);
  return (
    <>
      <p className="small">
        <Link href={`/negotiations/${negotiation.id}`}>{negotiation.name}</Link>
      </p>
      <h1>New homework</h1>
      <section className="panel">
        <HomeworkForm
          action={createHomeworkAction}
          negotiationId={negotiation.id}
          parties={listSeatedParties(db, scope, negotiation.id).map((p) => ({ value: String(p.id), label: p.name }))}
          issues={listIssuesOf(db, scope, negotiation.id).map((i) => ({ value: String(i.id), label: i.title }))}
          rounds={roundChoices(rounds)}
          preset={{ assignedRoundId: assigned && roundIds.has(assigned) ? assigned : undefined }}
        />
      </section>
    </>
  );
}
