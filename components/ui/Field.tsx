import { useId } from 'react';

type Common = { label: string; name: string; errors?: string[]; hint?: string; defaultValue?: string; required?: boolean };
type InputProps = Common & { type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'url' | 'number' | 'search'; autoComplete?: string; autoFocus?: boolean };

function Message({ id, errors, hint }: { id: string; errors?: string[]; hint?: string }) {
  return (
    <>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {errors?.length ? (
        <span className="error" id={`${id}-error`} role="alert">
          {errors.join(' ')}
        </span>
      ) : null}
    </>
  );
}

function describedBy(id: string, errors?: string[], hint?: string) {
  return [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

export function TextField({ label, name, errors, hint, defaultValue, required, type = 'text', autoComplete, autoFocus }: InputProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required={required}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      />
      <Message id={id} errors={errors} hint={hint} />
    </div>
  );
}

export function TextArea({ label, name, errors, hint, defaultValue, required, rows = 4 }: Common & { rows?: number }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      />
      <Message id={id} errors={errors} hint={hint} />
    </div>
  );
}

export type Option = { value: string; label: string };

export function SelectField({ label, name, errors, hint, defaultValue, required, options, placeholder }: Common & { options: Option[]; placeholder?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        // React 19 resets a form after its action; a select only takes a new default when mounted afresh,
        // so without this key a refused form would lose the choice the user made.
        key={defaultValue ?? ''}
        id={id}
        name={name}
        defaultValue={defaultValue ?? ''}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Message id={id} errors={errors} hint={hint} />
    </div>
  );
}

export function FormMessage({ ok, message }: { ok?: boolean; message?: string }) {
  if (!message) return null;
  return (
    <p className={`alert ${ok ? 'success' : 'error'}`} role={ok ? 'status' : 'alert'}>
      {message}
    </p>
  );
}
