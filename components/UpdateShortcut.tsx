'use client';

import { useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { shortcutsEnabled } from './shortcuts-setting';

/** Where the "n" shortcut goes: the update form, with the context the current page declares in data-* attributes. */
export function newUpdateHref(doc: Document): string {
  const params = new URLSearchParams();
  const pick = (attr: string, param: string) => {
    const value = doc.querySelector(`main [data-${attr}]`)?.getAttribute(`data-${attr}`);
    if (value) params.set(param, value);
  };
  pick('negotiation-id', 'negotiation');
  pick('issue-id', 'issue');
  pick('round-id', 'round');
  const query = params.toString();
  return `/updates/new${query ? `?${query}` : ''}`;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * "n" (or "N", Caps Lock on or Shift held) from any page opens the update form (mounted for analysts and
 * admins only). Ignored while typing in a field, with Ctrl, Alt or Meta, or when the reader turned
 * single-key shortcuts off in their settings, so it never steals a keystroke.
 * Pages declare their context with data-negotiation-id / data-issue-id / data-round-id on an element in <main>.
 */
export function UpdateShortcut() {
  const router = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'n' || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (!shortcutsEnabled()) return;
      if (isTyping(event.target) || event.defaultPrevented) return;
      if (window.location.pathname === '/updates/new') return;
      event.preventDefault();
      router.push(newUpdateHref(document));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [router]);
  return null;
}
