'use client';

import { useEffect, useRef } from 'react';
import { shortcutsEnabled } from './shortcuts-setting';

/** The search box in the header; "/" focuses it from anywhere but a text field, unless shortcuts are turned off. */
export function HeaderSearch() {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || !shortcutsEnabled()) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      event.preventDefault();
      input.current?.focus();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <form method="get" action="/search" role="search" className="header-search">
      <label htmlFor="header-q" className="visually-hidden">
        Search
      </label>
      <input ref={input} id="header-q" type="search" name="q" placeholder="Search ( / )" aria-keyshortcuts="/" maxLength={500} />
    </form>
  );
}
