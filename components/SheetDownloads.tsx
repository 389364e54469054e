/** Links to a page's table as a spreadsheet, with the filters the page shows. */
export function SheetDownloads({ what, path, query }: { what: string; path: string; query: string }) {
  const href = (format: 'xlsx' | 'csv') => `${path}.${format}${query ? `?${query}` : ''}`;
  return (
    <p className="row small no-print">
      <span>Download {what}:</span>
      <a className="button secondary" href={href('xlsx')} download>
        Excel (.xlsx)
      </a>
      <a className="button secondary" href={href('csv')} download>
        CSV
      </a>
    </p>
  );
}
