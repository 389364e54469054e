'use client';

import Link from 'next/link';
import { DocumentTitle } from '@/components/DocumentTitle';

/** A page that failed to render: the site's own look, a way to try again, and nothing of the error's internals. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="panel" aria-labelledby="page-error">
      <DocumentTitle title="Something went wrong · Negotiation tracker" />
      <h1 id="page-error">Something went wrong</h1>
      <p>This page could not be shown. Try again, or go back to the dashboard.</p>
      {error.digest && <p className="small muted">Reference for the administrator: {error.digest}</p>}
      <p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>{' '}
        <Link href="/">Back to the dashboard</Link>
      </p>
    </section>
  );
}
