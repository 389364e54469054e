'use client';

import { useId } from 'react';
import { sentList, type FormValues } from '@/lib/validation/form-values';

export type CheckboxOption = { value: string; label: string };

/**
 * A multi-value field as checkboxes: every box is named `name`, so the form sends the name once per box
 * ticked (lib/validation/form-values.ts). `checked` holds the values ticked when the form opens; after a
 * refused submit, `values` (what was sent) wins.
 *
 * The group is one stop of the Tab key (the first ticked box, else the first), and the arrow keys move between
 * its boxes, as in a radio group: the update form's eleven actors were eleven stops on the way to its source.
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
      onKeyDown={roveWithArrows}
      onFocus={(event) => takeTabStop(event.currentTarget, event.target)}
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
      <span className="visually-hidden" id={`${id}-keys`}>
        Arrow keys move between the boxes; Space ticks one.
      </span>
      {options.map((o, i) => (
        <label key={o.value} className="checkbox">
          <input
            type="checkbox"
            name={name}
            value={o.value}
            defaultChecked={ticked.includes(o.value)}
            tabIndex={o.value === (options.find((x) => ticked.includes(x.value)) ?? options[0]).value ? 0 : -1}
            aria-describedby={i === 0 ? `${id}-keys` : undefined}
          />{' '}
          {o.label}
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

const boxesOf = (group: HTMLElement) => [...group.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];

/** The box that has focus becomes the group's one Tab stop, so Tab comes back to where the reader left. */
function takeTabStop(group: HTMLElement, focused: EventTarget) {
  if (!(focused instanceof HTMLInputElement)) return;
  for (const box of boxesOf(group)) box.tabIndex = box === focused ? 0 : -1;
}

const STEPS: Record<string, (at: number, last: number) => number> = {
  ArrowDown: (at, last) => Math.min(at + 1, last),
  ArrowRight: (at, last) => Math.min(at + 1, last),
  ArrowUp: (at) => Math.max(at - 1, 0),
  ArrowLeft: (at) => Math.max(at - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
};

function roveWithArrows(event: React.KeyboardEvent<HTMLFieldSetElement>) {
  const step = STEPS[event.key];
  const boxes = boxesOf(event.currentTarget);
  const at = boxes.indexOf(event.target as HTMLInputElement);
  if (!step || at < 0) return;
  event.preventDefault();
  boxes[step(at, boxes.length - 1)].focus();
}
