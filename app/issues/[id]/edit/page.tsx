import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getIssue } from '@/db/queries/issues';
import { requireUser } from '@/server/auth/current-user';
import { hasRole } from '@/lib/roles';
import { parseId } from '@/lib/ids';
import { Refusal } from '@/components/Refusal';
import { StatusBadge } from '@/components/Badges';
import { IssueForm } from '@/components/forms/IssueForm';
import { updateIssueAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit issue' };

export default async function EditIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = parseId((await params).id) ?? notFound();
  const found = getIssue(getDb(), id);
  if (!found) notFound();
  if (!hasRole(user.role, 'analyst')) return <Refusal needed="analyst" what="Editing an issue" />;
  const { issue, negotiationName } = found;
  return (
    <>
      <p className="small">
        <Link href={`/negotiations/${issue.negotiationId}`}>{negotiationName}</Link> › <Link href={`/issues/${issue.id}`}>{issue.title}</Link>
      </p>
      <h1>Edit {issue.title}</h1>
      <section className="panel">
        <p className="small">
          Status: <StatusBadge status={issue.status} />. Change it on <Link href={`/issues/${issue.id}#status-form`}>the issue page</Link>, where each change is
          dated and sourced.
        </p>
        <IssueForm action={updateIssueAction} issue={issue} />
      </section>
    </>
  );
}
