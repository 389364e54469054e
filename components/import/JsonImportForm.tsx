'use client';

import { FileUpload } from './FileUpload';

/** The API's `matched` list (app/api/negotiations/import/route.ts): one sentence per party or actor reused. */
const matchMessages = (matched: unknown): string[] =>
  Array.isArray(matched) ? matched.map((m) => (m as { message?: unknown }).message).filter((m): m is string => typeof m === 'string') : [];

export function JsonImportForm({ limitBytes, limitLabel }: { limitBytes: number; limitLabel: string }) {
  return (
    <FileUpload
      endpoint="/api/negotiations/import"
      accept="application/json,.json"
      contentType="application/json"
      limitBytes={limitBytes}
      limitLabel={limitLabel}
      fileLabel="Negotiation file (JSON)"
      fileHint="An export of this or another tracker (format version 2, or 1)."
      submitLabel="Import negotiation"
      withName
      describeSuccess={(body) => ({
        message: `Imported as “${String(body.name)}”.`,
        href: typeof body.url === 'string' ? body.url : undefined,
        hrefLabel: 'Open the negotiation',
        details: { label: 'Found already here and reused:', items: matchMessages(body.matched) },
      })}
    />
  );
}
