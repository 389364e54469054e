import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getNegotiation } from '@/db/queries/negotiations';
import { requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { MarkingBanner } from '@/components/MarkingBanner';
import { hasRole } from '@/lib/roles';
import { parseId } from '@/lib/ids';
import { Refusal } from '@/components/Refusal';
import { IssueForm } from '@/components/forms/IssueForm';
import { createIssueAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New issue' };

export default async function NewIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const { scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const negotiation = getNegotiation(getDb(), scope, id);
  if (!negotiation) notFound();
  if (!hasRole(roleIn(scope, id)!, 'analyst')) return <Refusal needed="analyst" what="Adding an issue" />;
  return (
    <>
      <MarkingBanner marking={negotiation.marking} />
      <p className="small">
        <Link href="/negotiations">Negotiations</Link> › <Link href={`/negotiations/${id}`}>{negotiation.name}</Link>
      </p>
      <h1>New issue in {negotiation.name}</h1>
      <section className="panel">
        <IssueForm action={createIssueAction} negotiationId={id} />
      </section>
    </>
  );
}
