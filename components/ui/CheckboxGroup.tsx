import { useId } from 'react';
import { sentList, type FormValues } from '@/lib/validation/form-values';

export type CheckboxOption = { value: string; label: string };

/**
 * A multi-value field as checkboxes: every box is named `name`, so the form sends the name once per box
 * ticked (lib/validation/form-values.ts). `checked` holds the values ticked when the form opens; after a
 * refused submit, `values` (what was sent) wins.
 */
export function CheckboxGroup({
  legend,
  name,
  options,
  checked,
  values,
  errors,
  hint,
}: {
  legend: string;
  name: string;
  options: CheckboxOption[];
  checked: string[];
  values?: FormValues;
  errors?: string[];
  hint?: string;
}) {
  const id = useId();
  const ticked = values ? sentList(values, name) : checked;
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
          <input type="checkbox" name={name} value={o.value} defaultChecked={ticked.includes(o.value)} /> {o.label}
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
