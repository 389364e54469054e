'use client';

import { useEffect, useState } from 'react';
import type { SourceChoice } from './SourcePicker';

export type SourceChoices = { sources: SourceChoice[]; status: 'ready' | 'loading' | 'failed' };

/** The choices given by the page, or, when it gave none, fetched once from /api/sources/choices. */
export function useSourceChoices(given: SourceChoice[] | undefined): SourceChoices {
  const [fetched, setFetched] = useState<SourceChoices>({ sources: [], status: 'loading' });
  useEffect(() => {
    if (given) return;
    let live = true;
    fetch('/api/sources/choices')
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((body: { sources: SourceChoice[] }) => live && setFetched({ sources: body.sources, status: 'ready' }))
      .catch(() => live && setFetched({ sources: [], status: 'failed' }));
    return () => {
      live = false;
    };
  }, [given]);
  return given ? { sources: given, status: 'ready' } : fetched;
}
