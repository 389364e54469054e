import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getNegotiation, listIssuesOf, listSeatedParties } from '@/db/queries/negotiations';
import { listParties } from '@/db/queries/parties';
import { currentReader, requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { MarkingBanner } from '@/components/MarkingBanner';
import { hasRole } from '@/lib/roles';
import { label } from '@/lib/domain';
import { parseId } from '@/lib/ids';
import { Refusal } from '@/components/Refusal';
import { StatusBadge } from '@/components/Badges';
import { NegotiationForm } from '@/components/forms/NegotiationForm';
import { SeatPartyForm } from '@/components/forms/SeatPartyForm';
import { seatPartyAction, updateNegotiationAction } from '@/app/negotiations/actions';
import { NOT_FOUND_TITLE } from '@/app/not-found-title';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = parseId((await params).id);
  const reader = await currentReader();
  const negotiation = id !== null && reader ? getNegotiation(getDb(), reader.scope, id) : undefined;
  return { title: negotiation ? `Edit ${negotiation.name}` : NOT_FOUND_TITLE };
}

export default async function EditNegotiationPage({ params, searchParams }: Params) {
  const { scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const negotiation = getNegotiation(db, scope, id);
  if (!negotiation) notFound();
  if (!hasRole(roleIn(scope, id)!, 'analyst')) return <Refusal needed="analyst" what="Editing a negotiation" />;
  const { created } = await searchParams;
  const seated = listSeatedParties(db, scope, id);
  const seatedIds = new Set(seated.map((p) => p.id));
  const choices = listParties(db, scope)
    .filter((p) => !seatedIds.has(p.id))
    .map((p) => ({ value: String(p.id), label: `${p.name} (${p.shortName})` }));
  const issues = listIssuesOf(db, scope, id);

  return (
    <>
      <MarkingBanner marking={negotiation.marking} />
      <p className="small">
        <Link href="/negotiations">Negotiations</Link> › <Link href={`/negotiations/${id}`}>{negotiation.name}</Link>
      </p>
      <h1>Edit {negotiation.name}</h1>
      {created && (
        <p className="alert success" role="status">
          Negotiation created. Only you and the admins can read it until you open it to every user below, or an admin adds members. Seat its
          parties and add its issues below.
        </p>
      )}

      <section className="panel" aria-labelledby="details">
        <h2 id="details">Name, description and handling</h2>
        <NegotiationForm action={updateNegotiationAction.bind(null, id)} negotiation={negotiation} submitLabel="Save negotiation" />
      </section>

      <section className="panel" aria-labelledby="seats">
        <h2 id="seats">Parties at the table</h2>
        {seated.length === 0 ? (
          <p className="muted">No party is seated yet.</p>
        ) : (
          <ul className="plain-list">
            {seated.map((p) => (
              <li key={p.id}>
                <h3>
                  <Link href={`/parties/${p.id}`}>{p.name}</Link> <span className="muted small">({label(p.role)})</span>
                </h3>
                <SeatPartyForm action={seatPartyAction} negotiationId={id} seated={p} />
              </li>
            ))}
          </ul>
        )}
        <h3>Seat another party</h3>
        {choices.length === 0 ? (
          <p className="muted">
            Every party is seated. <Link href="/parties">Add a party</Link> first.
          </p>
        ) : (
          <SeatPartyForm action={seatPartyAction} negotiationId={id} choices={choices} />
        )}
        <p className="small">
          A party missing from the list? <Link href="/parties">Add it on the parties page</Link>.
        </p>
      </section>

      <section className="panel" aria-labelledby="issues">
        <div className="spread">
          <h2 id="issues">Issues</h2>
          <Link className="button secondary" href={`/negotiations/${id}/issues/new`}>
            New issue
          </Link>
        </div>
        {issues.length === 0 ? (
          <p className="muted">No issues yet.</p>
        ) : (
          <ul>
            {issues.map((i) => (
              <li key={i.id}>
                <Link href={`/issues/${i.id}`}>{i.title}</Link> <StatusBadge status={i.status} />{' '}
                <Link className="small" href={`/issues/${i.id}/edit`} aria-label={`Edit ${i.title}`}>
                  edit
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
