import Link from 'next/link';

/** Previous / next links between the pages of a long list; nothing when everything fits on one page. */
export function Pager({ label, page, pageCount, href, summary }: { label: string; page: number; pageCount: number; href: (page: number) => string; summary?: string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="row pager">
      {page > 1 ? <Link href={href(page - 1)}>← Previous</Link> : <span className="muted">← Previous</span>}
      <span aria-current="page">
        Page {page} of {pageCount}
        {summary && <span className="muted small"> ({summary})</span>}
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>Next →</Link> : <span className="muted">Next →</span>}
    </nav>
  );
}
