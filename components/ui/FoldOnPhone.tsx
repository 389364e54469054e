'use client';

import { useEffect, useRef } from 'react';

const PHONE = '(max-width: 640px)';

/**
 * Open on a wide screen, folded on a phone, where what it holds would push the page's answer below the first
 * screen. Server-rendered open, so nothing is hidden before the page's script runs.
 */
export function FoldOnPhone({ summary, className, children }: { summary: string; className?: string; children: React.ReactNode }) {
  const fold = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (fold.current && window.matchMedia(PHONE).matches) fold.current.open = false;
  }, []);
  return (
    <details ref={fold} className={`fold-on-phone ${className ?? ''}`} open>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
