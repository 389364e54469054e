import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/server/db';
import { updateFormChoices } from '@/db/queries/updates';
import { getIssue } from '@/db/queries/issues';
import { requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { hasRole } from '@/lib/roles';
import { todayIso } from '@/lib/dates';
import { CaptureWorkspace } from '@/components/capture/CaptureWorkspace';
import { confirmCaptureAction } from '@/app/updates/capture/actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Capture from an article' };

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const num = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n > 0 ? n : null;
};

/** Paste an article, review its proposed updates beside it, log the accepted ones (`?negotiation=` or `?issue=` picks the negotiation). */
export default async function CapturePage({ searchParams }: Search) {
  const { user, scope } = await requireReader();
  const heading = <h1>Capture from an article</h1>;
  if (!hasRole(user.role, 'analyst')) {
    return (
      <>
        {heading}
        <p className="panel">Your role can read but not change anything: only analysts and admins log updates.</p>
      </>
    );
  }
  const params = await searchParams;
  const db = getDb();
  // Only where the reader may write: a member who is a viewer there is offered the others.
  const negotiations = updateFormChoices(db, scope).negotiations.filter((n) => hasRole(roleIn(scope, n.id) ?? 'viewer', 'analyst'));
  if (negotiations.length === 0) {
    return (
      <>
        {heading}
        <p className="panel">There is no negotiation yet to log an update for.</p>
      </>
    );
  }
  const issueId = num(params.issue);
  const wanted = num(params.negotiation) ?? (issueId ? getIssue(db, scope, issueId)?.issue.negotiationId : undefined) ?? null;
  const start = negotiations.find((n) => n.id === wanted) ?? negotiations[0];
  return (
    <>
      {heading}
      <p className="muted">
        Paste an article: its quoted statements are proposed as updates, each with its speaker, issues, parties and date, beside the text. Accept, edit or drop each;
        nothing is saved until you confirm. <Link href="/updates/new">Log an update by hand</Link> instead.
      </p>
      <CaptureWorkspace negotiations={negotiations} startNegotiationId={start.id} today={todayIso()} action={confirmCaptureAction} />
    </>
  );
}
