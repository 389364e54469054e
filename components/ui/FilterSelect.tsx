export type FilterOption = { value: string | number; label: string; group?: string };

/**
 * One filter of a page whose filters live in its address (a GET form). `all` labels the empty choice
 * that lifts the filter (none: every option is a real choice); options with a `group` are listed under it.
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  all,
}: {
  id: string;
  name: string;
  label: string;
  value: string | number | null | undefined;
  options: FilterOption[];
  all?: string;
}) {
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  const render = (o: FilterOption) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value == null ? '' : String(value)}>
        {all !== undefined && <option value="">{all}</option>}
        {groups.length > 1 || groups[0]
          ? groups.map((g) => (
              <optgroup key={g} label={g}>
                {options.filter((o) => (o.group ?? '') === g).map(render)}
              </optgroup>
            ))
          : options.map(render)}
      </select>
    </div>
  );
}
