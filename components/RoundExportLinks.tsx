'use client';

import { useEffect, useRef, useState } from 'react';
import { EXPORT_LABELS, EXPORT_ORDER, summaryUrl, type ExportFormat } from '@/lib/exports/formats';

/** The name the server gave the file: the full UTF-8 one (filename*) when present, else the ASCII one. */
function fileNameFrom(header: string | null, fallback: string): string {
  const full = header && /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (full) {
    try {
      return decodeURIComponent(full[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = header && /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1] : fallback;
}

// Shown only when the file takes longer than this, so fast downloads don't flash a message.
const PROGRESS_DELAY_MS = 300;

/**
 * The five downloads of a round summary. Plain links that work without JavaScript; with it, the file is fetched
 * in the background and "Preparing PDF…" is announced while the server works, instead of a page that seems frozen.
 */
export function RoundExportLinks({ roundId }: { roundId: number }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [showProgress, setShowProgress] = useState(false);
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function download(event: React.MouseEvent<HTMLAnchorElement>, format: ExportFormat) {
    // Let the browser handle "open in new tab" and friends.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (busy) return;
    const name = EXPORT_LABELS[format];
    setBusy(format);
    setMessage('');
    timer.current = setTimeout(() => {
      setShowProgress(true);
      setMessage(`Preparing ${name}…`);
    }, PROGRESS_DELAY_MS);
    try {
      const response = await fetch(summaryUrl(roundId, format), { credentials: 'same-origin' });
      if (!response.ok) {
        throw new Error(response.status === 401 ? 'your session has ended; sign in again' : `the server answered ${response.status}`);
      }
      const blob = await response.blob();
      const href = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = href;
      link.download = fileNameFrom(response.headers.get('content-disposition'), `summary.${format}`);
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
      setMessage(`${name} downloaded.`);
    } catch (error) {
      setMessage(`Could not prepare the ${name}: ${error instanceof Error ? error.message : 'unknown error'}.`);
    } finally {
      clearTimeout(timer.current);
      setShowProgress(false);
      setBusy(null);
    }
  }

  return (
    <section className="export-links no-print" aria-labelledby={`export-links-${roundId}`}>
      <h2 id={`export-links-${roundId}`} className="small">
        Download the round summary
      </h2>
      <ul>
        {EXPORT_ORDER.map((format) => (
          <li key={format}>
            <a
              className="button secondary"
              href={summaryUrl(roundId, format)}
              download
              aria-busy={busy === format || undefined}
              aria-disabled={(busy !== null && busy !== format) || undefined}
              onClick={(event) => download(event, format)}
            >
              {EXPORT_LABELS[format]}
            </a>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className="small export-status">
        {showProgress && <progress aria-hidden="true" />} {message}
      </p>
    </section>
  );
}
