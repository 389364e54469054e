import Link from 'next/link';
import type { Deadline } from '@/db/queries/deadlines';
import { DeadlineList } from '@/components/DeadlineList';

/** The dashboard's first panel: what falls due next, across negotiations. */
export function NextDeadlines({ deadlines, today }: { deadlines: Deadline[]; today: string }) {
  return (
    <section className="panel" aria-labelledby="next-deadlines">
      <div className="spread">
        <h2 id="next-deadlines" style={{ marginTop: 0 }}>
          Next deadlines
        </h2>
        <Link href="/deadlines">All deadlines</Link>
      </div>
      <DeadlineList deadlines={deadlines} today={today} />
    </section>
  );
}
