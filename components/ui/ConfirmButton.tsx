'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * A submit button for a removal that cannot be undone: the first press asks ("Remove this outcome?"), the
 * second, on "Yes, remove", submits; Cancel or Escape goes back. Without JavaScript it submits at once,
 * as any form does.
 */
export function ConfirmButton({
  children,
  question,
  yes,
  label,
  className = 'secondary',
}: {
  children: React.ReactNode;
  /** "Remove outcome 12? This cannot be undone." */
  question: string;
  /** The confirming button's words: "Yes, remove". */
  yes: string;
  /** The first button's accessible name, when its text alone does not say what it removes. */
  label?: string;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button
        type="submit"
        className={className}
        aria-label={label}
        onClick={(event) => {
          event.preventDefault();
          setAsking(true);
        }}
      >
        {children}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question} onKeyDown={(event) => event.key === 'Escape' && setAsking(false)}>
      <span className="small">{question}</span>{' '}
      <button ref={confirm} type="submit" className="danger">
        {yes}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
