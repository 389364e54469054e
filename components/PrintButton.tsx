'use client';

/** Opens the browser's print dialog; the print stylesheet leaves only the document. */
export function PrintButton({ label = 'Print' }: { label?: string }) {
  return (
    <button type="button" className="no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
