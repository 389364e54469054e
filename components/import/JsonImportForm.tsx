'use client';

import { FileUpload } from './FileUpload';

export function JsonImportForm({ limitBytes, limitLabel }: { limitBytes: number; limitLabel: string }) {
  return (
    <FileUpload
      endpoint="/api/negotiations/import"
      accept="application/json,.json"
      contentType="application/json"
      limitBytes={limitBytes}
      limitLabel={limitLabel}
      fileLabel="Negotiation file (JSON)"
      fileHint="An export of this or another tracker (format version 1)."
      submitLabel="Import negotiation"
      withName
      describeSuccess={(body) => ({
        message: `Imported as “${String(body.name)}”.`,
        href: typeof body.url === 'string' ? body.url : undefined,
        hrefLabel: 'Open the negotiation',
      })}
    />
  );
}
