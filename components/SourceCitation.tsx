import { formatStoredDate } from '@/lib/partial-date';

export type Citation = {
  sourceId: number | null;
  sourceOutlet: string | null;
  sourceTitle: string | null;
  sourceUrl: string | null;
  sourcePublishedOn: string | null;
  /** How precisely the publication date is known: "5 Feb 2026 (approx.)", as every export words it. */
  sourcePublishedOnPrecision?: string | null;
  sourcePublishedOnLabel?: string | null;
  sourceReliability: string | null;
  sourceCredibility?: number | null;
  sourceQuote: string | null;
};

/** A claim's source: outlet, title, date, Admiralty grading, and the quote. */
export function SourceCitation({ citation, showQuote = true }: { citation: Citation; showQuote?: boolean }) {
  if (!citation.sourceId) return <div className="citation">No source cited.</div>;
  const grade = `${citation.sourceReliability ?? 'F'}${citation.sourceCredibility ?? ''}`;
  return (
    <div className="citation">
      {showQuote && citation.sourceQuote && <blockquote>“{citation.sourceQuote}”</blockquote>}
      <span>
        Source:{' '}
        {citation.sourceUrl ? (
          <a href={citation.sourceUrl} rel="noopener noreferrer nofollow" target="_blank">
            {citation.sourceOutlet}
          </a>
        ) : (
          citation.sourceOutlet
        )}
        {citation.sourceTitle ? `, “${citation.sourceTitle}”` : ''}
        {citation.sourcePublishedOn ? `, ${formatStoredDate(citation.sourcePublishedOn, citation.sourcePublishedOnPrecision, citation.sourcePublishedOnLabel)}` : ''}{' '}
        <abbr title="Admiralty grading: source reliability A–F, claim credibility 1–6">({grade})</abbr>
      </span>
    </div>
  );
}
