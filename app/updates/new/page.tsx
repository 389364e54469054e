import type { Metadata } from 'next';
import { getDb } from '@/server/db';
import { updateFormChoices } from '@/db/queries/updates';
import { getIssue } from '@/db/queries/issues';
import { requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { hasRole } from '@/lib/roles';
import { todayIso } from '@/lib/dates';
import { UpdateForm } from '@/components/forms/UpdateForm';
import { logUpdateAction } from '@/app/updates/actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Log an update' };

type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const num = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n > 0 ? n : null;
};

/** The update form, pre-filled from `?negotiation=&issue=&round=` (what the "n" shortcut passes). */
export default async function NewUpdatePage({ searchParams }: Search) {
  const { user, scope } = await requireReader();
  if (!hasRole(user.role, 'analyst')) {
    return (
      <>
        <h1>Log an update</h1>
        <p className="panel">Your role can read but not change anything: only analysts and admins log updates.</p>
      </>
    );
  }
  const params = await searchParams;
  const db = getDb();
  const all = updateFormChoices(db, scope);
  // Only where the reader may write: a member who is a viewer there is offered the others.
  const choices = { ...all, negotiations: all.negotiations.filter((n) => hasRole(roleIn(scope, n.id) ?? 'viewer', 'analyst')) };
  if (choices.negotiations.length === 0) {
    return (
      <>
        <h1>Log an update</h1>
        <p className="panel">There is no negotiation yet to log an update for.</p>
      </>
    );
  }
  const issueId = num(params.issue);
  const issueNegotiation = issueId ? getIssue(db, scope, issueId)?.issue.negotiationId : undefined;
  const wanted = num(params.negotiation) ?? issueNegotiation ?? null;
  const negotiation = choices.negotiations.find((n) => n.id === wanted) ?? choices.negotiations[0];
  const roundId = num(params.round);
  return (
    <>
      <h1>Log an update</h1>
      <section className="panel">
        <UpdateForm
          action={logUpdateAction}
          negotiations={choices.negotiations}
          start={{
            negotiationId: negotiation.id,
            occurredOn: todayIso(),
            issueIds: issueId && negotiation.issues.some((i) => i.id === issueId) ? [issueId] : [],
            roundId: roundId && negotiation.rounds.some((r) => r.id === roundId) ? roundId : null,
          }}
        />
      </section>
    </>
  );
}
