'use client';

import { FileUpload } from './FileUpload';

export function CsvImportForm({ negotiationId, limitBytes, limitLabel }: { negotiationId: number; limitBytes: number; limitLabel: string }) {
  return (
    <FileUpload
      endpoint={`/api/negotiations/${negotiationId}/import-updates`}
      accept="text/csv,.csv"
      contentType="text/csv"
      limitBytes={limitBytes}
      limitLabel={limitLabel}
      fileLabel="Spreadsheet of updates (CSV)"
      fileHint="Save the spreadsheet as CSV (UTF-8), with the header row below."
      submitLabel="Import updates"
      describeSuccess={(body) => ({
        message: `${String(body.imported)} updates imported, each with its source.`,
        href: `/negotiations/${negotiationId}`,
        hrefLabel: 'Back to the negotiation',
      })}
    />
  );
}
