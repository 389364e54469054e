import { useId } from 'react';
import { sentList, type FormValues } from '@/lib/validation/form-values';

type Common = { label: string; name: string; errors?: string[]; hint?: string; defaultValue?: string; required?: boolean };
type InputProps = Common & {
  type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'url' | 'number' | 'search';
  autoComplete?: string;
  autoFocus?: boolean;
  /** Suggestions the user may pick or type past: the values of a <datalist>. */
  suggestions?: readonly string[];
  /** Called with each change, for a part of the form that follows what is typed (the field stays uncontrolled). */
  onChange?: (value: string) => void;
};

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

export function TextField({ label, name, errors, hint, defaultValue, required, type = 'text', autoComplete, autoFocus, suggestions, onChange }: InputProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {suggestions && (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      <input
        id={id}
        name={name}
        type={type}
        list={suggestions ? `${id}-suggestions` : undefined}
        defaultValue={defaultValue}
        required={required}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        onChange={onChange && ((event) => onChange(event.target.value))}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      />
      <Message id={id} errors={errors} hint={hint} />
    </div>
  );
}

export function TextArea({ label, name, errors, hint, defaultValue, required, rows = 4, autoFocus }: Common & { rows?: number; autoFocus?: boolean }) {
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
        autoFocus={autoFocus}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      />
      <Message id={id} errors={errors} hint={hint} />
    </div>
  );
}

export type Option = { value: string; label: string; title?: string };

function Options({ options }: { options: Option[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value} title={o.title}>
      {o.label}
    </option>
  ));
}

/** A select; given `value` and `onChange` it is controlled (another part of the form follows the choice). */
export function SelectField({
  label,
  name,
  errors,
  hint,
  defaultValue,
  required,
  options,
  placeholder,
  value,
  onChange,
}: Common & { options: Option[]; placeholder?: string; value?: string; onChange?: (value: string) => void }) {
  const id = useId();
  const controlled = value !== undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        // React 19 resets a form after its action; a select only takes a new default when mounted afresh,
        // so without this key a refused form would lose the choice the user made.
        key={controlled ? undefined : (defaultValue ?? '')}
        id={id}
        name={name}
        value={value}
        onChange={onChange && ((event) => onChange(event.target.value))}
        defaultValue={controlled ? undefined : (defaultValue ?? '')}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        <Options options={options} />
      </select>
      <Message id={id} errors={errors} hint={hint} />
    </div>
  );
}

/**
 * A multi-value field as a <select multiple>: the form sends `name` once per option chosen
 * (lib/validation/form-values.ts). `chosen` holds the values chosen when the form opens; after a refused
 * submit, `values` (what was sent) wins.
 */
export function MultiSelectField({
  label,
  name,
  errors,
  hint,
  options,
  chosen,
  values,
  size = 8,
}: Omit<Common, 'defaultValue' | 'required'> & { options: Option[]; chosen: string[]; values?: FormValues; size?: number }) {
  const id = useId();
  const selected = values ? sentList(values, name) : chosen;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        // As for SelectField: remounted when the choice to show changes, so a reset form keeps it.
        key={selected.join(' ')}
        id={id}
        name={name}
        multiple
        size={size}
        defaultValue={selected}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
      >
        <Options options={options} />
      </select>
      <Message id={id} errors={errors} hint={hint} />
    </div>
  );
}

export { FormMessage } from './FormMessage';
