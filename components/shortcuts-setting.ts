// Single-key shortcuts ("n" to log an update, "/" to search) can be turned off (WCAG 2.1.4), for a reader
// whose speech input or keyboard sends stray letters. Kept in this browser, read at each key press.

const KEY = 'tracker.shortcuts';

export function shortcutsEnabled(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

const CHANGED = 'tracker-shortcuts-changed';

export function setShortcutsEnabled(on: boolean): void {
  window.localStorage.setItem(KEY, on ? 'on' : 'off');
  window.dispatchEvent(new Event(CHANGED));
}

/** Calls `onChange` when the choice changes, in this tab or another; returns the unsubscribe. */
export function watchShortcuts(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}
