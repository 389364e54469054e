import Link from 'next/link';
import type { Role } from '@/lib/domain';

/** The calm page a signed-in user sees when their role does not allow what they opened. */
export function Refusal({ needed, what }: { needed: Role; what: string }) {
  return (
    <section className="panel" aria-labelledby="refusal">
      <h1 id="refusal">Not available to your role</h1>
      <p>
        {what} needs the {needed} role. {needed === 'admin' ? 'Ask an admin if you need this.' : 'Your role can read everything but change nothing; ask an admin for the analyst role if you need it.'}
      </p>
      <p>
        <Link href="/">Back to the dashboard</Link>
      </p>
    </section>
  );
}
