import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getIssue } from '@/db/queries/issues';
import { requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { MarkingBanner } from '@/components/MarkingBanner';
import { hasRole } from '@/lib/roles';
import { parseId } from '@/lib/ids';
import { Refusal } from '@/components/Refusal';
import { StatusBadge } from '@/components/Badges';
import { IssueForm } from '@/components/forms/IssueForm';
import { updateIssueAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit issue' };

export default async function EditIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const { scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const found = getIssue(getDb(), scope, id);
  if (!found) notFound();
  if (!hasRole(roleIn(scope, found.issue.negotiationId)!, 'analyst')) return <Refusal needed="analyst" what="Editing an issue" />;
  const { issue, negotiationName, marking } = found;
  return (
    <>
      <MarkingBanner marking={marking} />
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
