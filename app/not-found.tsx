import type { Metadata } from 'next';
import Link from 'next/link';
import { NOT_FOUND_TITLE } from './not-found-title';
import { DocumentTitle } from '@/components/DocumentTitle';

export const metadata: Metadata = { title: NOT_FOUND_TITLE };

/** Any page, record or file that does not exist, or that the reader may not see (need to know): the same words for both. */
export default function NotFound() {
  return (
    <section className="panel" aria-labelledby="not-found">
      <DocumentTitle title={`${NOT_FOUND_TITLE} · Negotiation tracker`} />
      <h1 id="not-found">Not found</h1>
      <p>There is nothing here: the address may be mistyped, or the record was deleted or is not one you can see.</p>
      <p>
        <Link href="/">Back to the dashboard</Link> · <Link href="/search">Search</Link>
      </p>
    </section>
  );
}
