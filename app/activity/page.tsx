import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/server/db';
import { recentActivity } from '@/db/queries/activity';
import { listNegotiations } from '@/db/queries/negotiations';
import { requireReader } from '@/server/auth/reader';
import { readerTimeZone } from '@/server/reader-time';
import { formatTimestamp } from '@/lib/dates';
import { activityHref, summarizeActivity } from '@/lib/activity';

export const metadata: Metadata = { title: 'Activity' };
export const dynamic = 'force-dynamic';

export default async function ActivityPage() {
  const { scope } = await requireReader();
  const db = getDb();
  const rows = recentActivity(db, scope, 100);
  const negotiations = listNegotiations(db, scope);
  const timeZone = await readerTimeZone();
  const zone = formatTimestamp(new Date(0).toISOString(), timeZone).zone;
  return (
    <>
      <h1>Activity</h1>
      <p className="muted">
        The latest 100 changes by every analyst, newest first (times in {zone === 'UTC' ? 'UTC' : `your time zone, ${zone}`}).
      </p>
      {rows.length === 0 ? (
        <p className="panel">Nothing has changed yet.</p>
      ) : (
        <ol className="history panel" aria-label="Recent changes">
          {rows.map((r) => {
            const href = activityHref(r);
            const summary = summarizeActivity(r);
            return (
              <li key={r.id}>
                <div className="row small muted">
                  <time dateTime={r.at}>{formatTimestamp(r.at, timeZone).text}</time>
                  <span>{r.entity.replace(/_/g, ' ')}</span>
                </div>
                <div>
                  <strong>{r.userName ?? 'The system'}</strong> {href ? <Link href={href}>{summary}</Link> : summary}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <section className="panel" aria-labelledby="feeds">
        <h2 id="feeds" style={{ marginTop: 0 }}>
          Feeds for readers outside the tool
        </h2>
        <p className="small">
          Each negotiation&apos;s 50 latest updates as an Atom feed. A feed reader cannot sign in: add <code>?token=</code> and one of your read-only API
          tokens to the address (a link takes no other kind).
        </p>
        <ul>
          {negotiations.map((n) => (
            <li key={n.id}>
              {n.name}: <a href={`/api/negotiations/${n.id}/updates.atom`}>{`/api/negotiations/${n.id}/updates.atom`}</a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
