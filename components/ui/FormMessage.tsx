'use client';

import { useEffect, useRef } from 'react';
import type { FieldErrors } from '@/lib/validation/fields';

/**
 * A form's answer. A refusal is an error summary, as the GOV.UK Design System has it: at the top of the form,
 * focused and scrolled to as it appears (the message beside a field far below is otherwise never seen), listing
 * each field's problem as a link that takes the reader to the field. The messages beside the fields stay.
 */
export function FormMessage({ ok, message, errors }: { ok?: boolean; message?: string; errors?: FieldErrors }) {
  const summary = useRef<HTMLDivElement>(null);
  // A new refusal is a new `errors` object (or message): focus follows each one, never a success.
  useEffect(() => {
    if (ok === false && summary.current) {
      summary.current.focus();
      summary.current.scrollIntoView({ block: 'start' });
    }
  }, [ok, message, errors]);
  if (!message) return null;
  if (ok !== false) {
    return (
      <p className="alert success" role="status">
        {message}
      </p>
    );
  }
  const problems = Object.entries(errors ?? {}).filter(([, messages]) => messages?.length);
  return (
    <div className="alert error error-summary" role="alert" tabIndex={-1} ref={summary}>
      <p className="error-summary-title">{message}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map(([name, messages]) => (
            <li key={name}>
              <a href={`#${name}`} onClick={(event) => goToField(event, name)}>
                {messages!.join(' ')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The field is found by its name in the same form: ids are React's own, and a page may hold several forms. A field
 * sent as hidden values (the quotes a type-ahead picked) is reached by the control that stands for it (`data-field`).
 */
function goToField(event: React.MouseEvent<HTMLAnchorElement>, name: string) {
  const n = CSS.escape(name);
  const field = event.currentTarget.closest('form')?.querySelector<HTMLElement>(`[data-field="${n}"], [name="${n}"]:not([type="hidden"])`);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: 'center' });
}
