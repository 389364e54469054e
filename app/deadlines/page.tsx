import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/server/db';
import { listDeadlines } from '@/db/queries/deadlines';
import { requireReader } from '@/server/auth/reader';
import { readerToday } from '@/server/reader-time';
import { DeadlineList } from '@/components/DeadlineList';

export const metadata: Metadata = { title: 'Deadlines' };
export const dynamic = 'force-dynamic';

export default async function DeadlinesPage({ searchParams }: { searchParams: Promise<{ past?: string }> }) {
  const { scope } = await requireReader();
  const today = await readerToday();
  const showPast = (await searchParams).past === '1';
  const deadlines = listDeadlines(getDb(), scope, showPast ? undefined : today);
  return (
    <>
      <div className="spread">
        <h1>Deadlines</h1>
        <p className="small">
          {showPast ? <Link href="/deadlines">Hide past dates</Link> : <Link href="/deadlines?past=1">Show past dates too</Link>}
          {' · '}
          <a href="/api/deadlines.ics">Calendar feed (.ics)</a> — for a calendar client, add <code>?token=</code> with a read-only API token.
        </p>
      </div>
      <section className="panel" aria-label="Key dates, planned rounds and homework due across all negotiations">
        <DeadlineList deadlines={deadlines} today={today} />
      </section>
    </>
  );
}
