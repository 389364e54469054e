import { useId } from 'react';

export type CheckboxOption = { value: string; label: string };

/**
 * A set of checkboxes named `<prefix><value>`: a form keeps one value per name, so each choice gets its own.
 * `checked` holds the values ticked when the form opens; after a refused submit, `values` (what was sent) wins.
 */
export function CheckboxGroup({
  legend,
  prefix,
  options,
  checked,
  values,
  errors,
  hint,
}: {
  legend: string;
  prefix: string;
  options: CheckboxOption[];
  checked: string[];
  values?: Record<string, string>;
  errors?: string[];
  hint?: string;
}) {
  const id = useId();
  const isChecked = (value: string) => (values ? values[`${prefix}${value}`] === 'on' : checked.includes(value));
  return (
    <fieldset
      className="field checkbox-group"
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={[hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" name={`${prefix}${o.value}`} defaultChecked={isChecked(o.value)} /> {o.label}
        </label>
      ))}
      {options.length === 0 && <span className="muted small">Nothing to choose from.</span>}
      {errors?.length ? (
        <span className="error" id={`${id}-error`} role="alert">
          {errors.join(' ')}
        </span>
      ) : null}
    </fieldset>
  );
}
