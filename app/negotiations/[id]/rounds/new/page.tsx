import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { getNegotiation } from '@/db/queries/negotiations';
import { requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { MarkingBanner } from '@/components/MarkingBanner';
import { hasRole } from '@/lib/roles';
import { parseId } from '@/lib/ids';
import { RoundForm } from '@/components/forms/RoundForm';
import { createRoundAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New round' };

export default async function NewRoundPage({ params }: { params: Promise<{ id: string }> }) {
  const { scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const negotiation = getNegotiation(getDb(), scope, id);
  if (!negotiation) notFound();
  if (!hasRole(roleIn(scope, id)!, 'analyst')) redirect(`/negotiations/${id}`);
  return (
    <>
      <MarkingBanner marking={negotiation.marking} />
      <p className="small">
        <Link href={`/negotiations/${id}`}>{negotiation.name}</Link>
      </p>
      <h1>New round</h1>
      <section className="panel">
        <RoundForm action={createRoundAction} negotiationId={id} />
      </section>
    </>
  );
}
