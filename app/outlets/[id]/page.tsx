import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getOutlet } from '@/db/queries/outlets';
import { requireReader } from '@/server/auth/reader';
import { readerToday } from '@/server/reader-time';
import { hasRole } from '@/lib/roles';
import { parseId } from '@/lib/ids';
import { RELIABILITY_LABELS, CREDIBILITY_LABELS } from '@/lib/domain';
import { formatStoredDate } from '@/lib/partial-date';
import { RegradeOutletForm } from '@/components/forms/OutletForm';
import { regradeOutletAction } from '@/app/outlets/actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Outlet' };

/** An outlet, its grading history, and the articles of it the reader sees, each with the quotes taken from it. */
export default async function OutletPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const outlet = getOutlet(getDb(), scope, id);
  if (!outlet) notFound();
  return (
    <>
      <p className="small">
        <Link href="/outlets">Outlets</Link> › {outlet.name}
      </p>
      <h1>{outlet.name}</h1>
      <p>
        Reliability now: <strong>{RELIABILITY_LABELS[outlet.reliability]}</strong>, the grade its next articles start from.
      </p>
      <section className="panel" aria-labelledby="gradings">
        <h2 id="gradings">Grading history</h2>
        <ol className="plain-list">
          {outlet.gradings.map((g) => (
            <li key={g.id}>
              <strong>{g.reliability}</strong> {g.gradedOn ? `from ${formatStoredDate(g.gradedOn)}` : '(date not known)'}
              {g.by ? `, by ${g.by}` : ''}
              {g.note ? `: ${g.note}` : ''}
            </li>
          ))}
        </ol>
        {hasRole(user.role, 'analyst') && <RegradeOutletForm action={regradeOutletAction} outlet={outlet} today={await readerToday()} />}
      </section>
      <section className="panel" aria-labelledby="articles">
        <h2 id="articles">Articles</h2>
        {outlet.articles.length === 0 && <p className="muted">None you can see.</p>}
        {outlet.articles.map((a) => (
          <article key={a.id} className="stack">
            <h3>
              {a.url ? (
                <a href={a.url} rel="noopener noreferrer nofollow" target="_blank">
                  {a.title || a.url}
                </a>
              ) : (
                a.title || 'Untitled'
              )}
            </h3>
            <p className="small muted">
              {a.publishedOn ? formatStoredDate(a.publishedOn, a.publishedOnPrecision, a.publishedOnLabel) : 'Undated'} · graded {a.reliability}
              {a.archivedAt ? ' · ' : ''}
              {a.archivedAt && <Link href={`/articles/${a.id}`}>archived copy kept</Link>}
            </p>
            <ul className="plain-list">
              {a.quotes.map((q) => (
                <li key={q.id}>
                  {q.quote ? <blockquote>“{q.quote}”</blockquote> : <span className="muted">The article as a whole.</span>}{' '}
                  <span className="small">
                    <abbr title={CREDIBILITY_LABELS[q.credibility]}>
                      ({a.reliability}
                      {q.credibility})
                    </abbr>
                  </span>
                </li>
              ))}
            </ul>
          </article>
        ))}
      </section>
    </>
  );
}
