'use client';

import { useState } from 'react';

/** A <details> whose content is only rendered once opened: a page with many forms stays light. */
export function LazyDetails({ summary, children }: { summary: string; children: React.ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && children}
    </details>
  );
}
