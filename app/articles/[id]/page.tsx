import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getArticle } from '@/db/queries/outlets';
import { requireReader } from '@/server/auth/reader';
import { readerTimeZone } from '@/server/reader-time';
import { parseId } from '@/lib/ids';
import { CREDIBILITY_LABELS, RELIABILITY_LABELS } from '@/lib/domain';
import { formatTimestamp } from '@/lib/dates';
import { formatStoredDate } from '@/lib/partial-date';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Article' };

/** An article: its outlet, the quotes taken from it, and its archived copy (the text as captured, when, its SHA-256). */
export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const article = getArticle(getDb(), scope, id);
  if (!article) notFound();
  const kept = article.archivedAt ? formatTimestamp(article.archivedAt, await readerTimeZone()) : null;
  return (
    <>
      <p className="small">
        <Link href="/outlets">Outlets</Link> › <Link href={`/outlets/${article.outletId}`}>{article.outlet}</Link> › Article
      </p>
      <h1>{article.title || article.url || 'Untitled'}</h1>
      <p className="small muted">
        {article.outlet} · {article.publishedOn ? formatStoredDate(article.publishedOn, article.publishedOnPrecision, article.publishedOnLabel) : 'Undated'} · graded{' '}
        {RELIABILITY_LABELS[article.reliability]}
        {article.url && (
          <>
            {' '}
            ·{' '}
            <a href={article.url} rel="noopener noreferrer nofollow" target="_blank">
              the page
            </a>
          </>
        )}
      </p>
      <section className="panel" aria-labelledby="quotes">
        <h2 id="quotes">Quotes taken from it</h2>
        <ul className="plain-list">
          {article.quotes.map((q) => (
            <li key={q.id}>
              {q.quote ? <blockquote>“{q.quote}”</blockquote> : <span className="muted">The article as a whole.</span>}{' '}
              <abbr className="small" title={CREDIBILITY_LABELS[q.credibility]}>
                ({article.reliability}
                {q.credibility})
              </abbr>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="archived">
        <h2 id="archived">Archived copy</h2>
        {kept && article.archivedText !== null ? (
          <>
            <p className="small">
              Kept {kept.text} ({kept.zone}) · SHA-256 of the text <code className="break-anywhere">{article.archivedSha256}</code>
            </p>
            <div className="capture-article archived-text">{article.archivedText}</div>
          </>
        ) : (
          <p className="muted">No copy of this article was kept: only its quotes are stored. Capturing it from its text keeps one.</p>
        )}
      </section>
    </>
  );
}
