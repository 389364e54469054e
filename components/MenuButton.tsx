'use client';

import { useState } from 'react';

/**
 * On a phone the header folds to the brand, the search and this button (globals.css): the links and the account
 * come out when it is pressed. On a wider screen the button is not shown and everything is in the header.
 */
export function MenuButton() {
  const [open, setOpen] = useState(false);
  return (
    <button
      type="button"
      className="menu-button"
      aria-expanded={open}
      aria-controls="site-menu"
      onClick={(event) => {
        const header = event.currentTarget.closest('header');
        header?.toggleAttribute('data-menu-open', !open);
        setOpen(!open);
      }}
    >
      Menu
    </button>
  );
}
