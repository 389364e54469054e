'use client';

import { useEffect } from 'react';

/**
 * Sets the tab's title where a page's own metadata cannot know it: a page with a fixed title ("Edit issue")
 * that turns out to have no record shows the not-found page, which names itself here.
 */
export function DocumentTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
