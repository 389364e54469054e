'use client';

import Link from 'next/link';
import { useId, useRef, useState } from 'react';

type ImportError = string | { path: string; message: string };
type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'processing' }
  | { kind: 'done'; message: string; href?: string; hrefLabel?: string; details?: { label: string; items: string[] } }
  | { kind: 'failed'; message: string; errors: ImportError[] };

export type UploadResult = { status: number; body: Record<string, unknown> };

/**
 * A file sent as the raw request body to an import route, with visible progress: upload
 * percentage first, then a busy bar while the server checks and writes (a large file takes seconds).
 */
export function FileUpload({
  endpoint,
  accept,
  contentType,
  limitBytes,
  limitLabel,
  fileLabel,
  fileHint,
  submitLabel,
  withName,
  describeSuccess,
}: {
  endpoint: string;
  accept: string;
  contentType: string;
  limitBytes: number;
  limitLabel: string;
  fileLabel: string;
  fileHint: string;
  submitLabel: string;
  withName?: boolean;
  describeSuccess: (body: Record<string, unknown>) => { message: string; href?: string; hrefLabel?: string; details?: { label: string; items: string[] } };
}) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind === 'uploading' || phase.kind === 'processing';

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return setPhase({ kind: 'failed', message: 'Choose a file first.', errors: [] });
    if (file.size > limitBytes) {
      return setPhase({ kind: 'failed', message: `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${limitLabel}. Nothing was imported.`, errors: [] });
    }
    const url = withName && name.trim() ? `${endpoint}?name=${encodeURIComponent(name.trim())}` : endpoint;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', contentType);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPhase({ kind: 'uploading', percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => setPhase({ kind: 'processing' });
    xhr.onerror = () => setPhase({ kind: 'failed', message: 'The upload failed (network error). Nothing was imported; try again.', errors: [] });
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's error page: fall through to the generic message.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        setPhase({ kind: 'done', ...describeSuccess(body) });
        if (fileInput.current) fileInput.current.value = '';
      } else {
        setPhase({
          kind: 'failed',
          message: typeof body.error === 'string' ? body.error : `The server refused the file (HTTP ${xhr.status}). Nothing was imported.`,
          errors: Array.isArray(body.errors) ? (body.errors as ImportError[]) : [],
        });
      }
    };
    setPhase({ kind: 'uploading', percent: 0 });
    xhr.send(file);
  }

  return (
    <form onSubmit={submit} className="stack" aria-label={submitLabel} noValidate>
      <div className="field">
        <label htmlFor={`${id}-file`}>{fileLabel}</label>
        <input id={`${id}-file`} ref={fileInput} type="file" accept={accept} required aria-describedby={`${id}-hint`} disabled={busy} />
        <span className="hint" id={`${id}-hint`}>
          {fileHint} At most {limitLabel}.
        </span>
      </div>
      {withName && (
        <div className="field">
          <label htmlFor={`${id}-name`}>New name (optional)</label>
          <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} aria-describedby={`${id}-name-hint`} disabled={busy} />
          <span className="hint" id={`${id}-name-hint`}>
            The import always creates a new negotiation. If one with the document&apos;s name exists, give a new name here.
          </span>
        </div>
      )}
      <div>
        <button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? 'Importing…' : submitLabel}
        </button>
      </div>
      <div aria-live="polite">
        {phase.kind === 'uploading' && (
          <div className="import-progress" role="status">
            <span>Uploading… {phase.percent}%</span>
            <progress max={100} value={phase.percent} aria-label="Upload progress" />
          </div>
        )}
        {phase.kind === 'processing' && (
          <div className="import-progress" role="status">
            <span>Checking every record and importing… this can take a few seconds for a large file.</span>
            <progress aria-label="Import progress" />
          </div>
        )}
        {phase.kind === 'done' && (
          <div className="alert success" role="status">
            <p style={{ margin: 0 }}>
              {phase.message} {phase.href && <Link href={phase.href}>{phase.hrefLabel ?? 'Open it'}</Link>}
            </p>
            {phase.details && phase.details.items.length > 0 && (
              <>
                <p style={{ margin: '0.5rem 0 0' }}>{phase.details.label}</p>
                <ul aria-label={phase.details.label}>
                  {phase.details.items.map((item, i) => (
                    <li key={i}>{item}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        {phase.kind === 'failed' && (
          <div className="alert error" role="alert">
            <p style={{ margin: 0 }}>{phase.message}</p>
            {phase.errors.length > 0 && (
              <ul className="error-list" aria-label="Errors">
                {phase.errors.map((e, i) =>
                  typeof e === 'string' ? (
                    <li key={i}>{e}</li>
                  ) : (
                    <li key={i}>
                      <code>{e.path}</code>: {e.message}
                    </li>
                  ),
                )}
              </ul>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
