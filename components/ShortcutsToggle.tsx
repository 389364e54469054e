'use client';

import { useState, useSyncExternalStore } from 'react';
import { setShortcutsEnabled, shortcutsEnabled, watchShortcuts } from './shortcuts-setting';

/** The settings page's switch for single-key shortcuts; it applies at once, in this browser. */
export function ShortcutsToggle() {
  // The server cannot know this browser's choice: it renders "on", and the browser's own value follows.
  const on = useSyncExternalStore(watchShortcuts, shortcutsEnabled, () => true);
  const [saved, setSaved] = useState(false);
  return (
    <div className="stack">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={on}
          onChange={(event) => {
            setShortcutsEnabled(event.target.checked);
            setSaved(true);
          }}
        />{' '}
        Single-key shortcuts: <kbd>n</kbd> logs an update, <kbd>c</kbd> captures updates from an article, <kbd>/</kbd> goes to the search box
      </label>
      <p className="small muted" role="status">
        {saved ? `Shortcuts are ${on ? 'on' : 'off'} in this browser.` : 'Turn them off if your speech input or keyboard sends stray letters. Kept in this browser.'}
      </p>
    </div>
  );
}
