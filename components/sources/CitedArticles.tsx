import Link from 'next/link';
import { groupBy } from '@/lib/group-by';
import { formatStoredDate } from '@/lib/partial-date';
import type { Citation } from '@/components/SourceCitation';

type Cited = Citation & { sourceOutletId: number; sourceArticleId: number };

/** The sources a record cites as analysts think of them: each outlet, the articles of it, the quotes taken from each. */
export function CitedArticles({ citations }: { citations: Cited[] }) {
  return (
    <ul className="plain-list">
      {[...groupBy(citations, (c) => c.sourceOutletId)].map(([outletId, ofOutlet]) => (
        <li key={outletId} className="citation">
          <Link href={`/outlets/${outletId}`}>{ofOutlet[0].sourceOutlet}</Link>
          <ul className="plain-list">
            {[...groupBy(ofOutlet, (c) => c.sourceArticleId)].map(([articleId, quotes]) => {
              const a = quotes[0];
              const title = a.sourceTitle || a.sourceUrl || 'Untitled';
              return (
                <li key={articleId}>
                  {a.sourceUrl ? (
                    <a href={a.sourceUrl} rel="noopener noreferrer nofollow" target="_blank">
                      “{title}”
                    </a>
                  ) : (
                    `“${title}”`
                  )}
                  {a.sourcePublishedOn ? `, ${formatStoredDate(a.sourcePublishedOn, a.sourcePublishedOnPrecision, a.sourcePublishedOnLabel)}` : ''}{' '}
                  {/* The tracker's own page of the article: its quotes, and the copy kept when the page moves or changes. */}
                  <Link href={`/articles/${articleId}`} className="small">
                    article in the tracker<span className="visually-hidden">: {title}</span>
                  </Link>
                  <ul className="plain-list">
                    {quotes.map((q) => (
                      <li key={q.sourceId}>
                        {q.sourceQuote ? <blockquote>“{q.sourceQuote}”</blockquote> : <span className="muted">The article as a whole</span>}{' '}
                        <abbr title="Admiralty grading: source reliability A–F, claim credibility 1–6">
                          ({q.sourceReliability ?? 'F'}
                          {q.sourceCredibility ?? ''})
                        </abbr>
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
