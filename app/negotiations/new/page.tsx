import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/server/auth/current-user';
import { hasRole } from '@/lib/roles';
import { Refusal } from '@/components/Refusal';
import { NegotiationForm } from '@/components/forms/NegotiationForm';
import { createNegotiationAction } from '@/app/negotiations/actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New negotiation' };

export default async function NewNegotiationPage() {
  const user = await requireUser();
  if (!hasRole(user.role, 'analyst')) return <Refusal needed="analyst" what="Creating a negotiation" />;
  return (
    <>
      <p className="small">
        <Link href="/negotiations">Negotiations</Link>
      </p>
      <h1>New negotiation</h1>
      <section className="panel">
        <NegotiationForm action={createNegotiationAction} submitLabel="Create negotiation" />
        <p className="muted small">Next you seat its parties and add its issues.</p>
      </section>
    </>
  );
}
