'use client';

import { useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { shortcutsEnabled } from './shortcuts-setting';

/**
 * Where a shortcut goes: "n" the update form, "c" the capture page, with the context the current page declares
 * in data-* attributes.
 */
export function newUpdateHref(doc: Document, path = '/updates/new'): string {
  const params = new URLSearchParams();
  const pick = (attr: string, param: string) => {
    const value = doc.querySelector(`main [data-${attr}]`)?.getAttribute(`data-${attr}`);
    if (value) params.set(param, value);
  };
  pick('negotiation-id', 'negotiation');
  pick('issue-id', 'issue');
  pick('round-id', 'round');
  const query = params.toString();
  return `${path}${query ? `?${query}` : ''}`;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The single-key shortcuts to a form that logs updates, by key. */
const SHORTCUTS: Record<string, string> = { n: '/updates/new', c: '/updates/capture' };

/**
 * "n" (or "N", Caps Lock on or Shift held) from any page opens the update form, "c" the capture page (mounted
 * for analysts and admins only). Ignored while typing in a field, with Ctrl, Alt or Meta, or when the reader turned
 * single-key shortcuts off in their settings, so it never steals a keystroke.
 * Pages declare their context with data-negotiation-id / data-issue-id / data-round-id on an element in <main>.
 */
export function UpdateShortcut() {
  const router = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const path = SHORTCUTS[event.key.toLowerCase()];
      if (!path || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (!shortcutsEnabled()) return;
      if (isTyping(event.target) || event.defaultPrevented) return;
      if (window.location.pathname === path) return;
      event.preventDefault();
      router.push(newUpdateHref(document, path));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [router]);
  return null;
}
