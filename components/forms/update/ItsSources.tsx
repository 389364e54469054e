import { MultiSelectField } from '@/components/ui/Field';
import type { FormState } from '@/lib/validation/fields';
import { NewSourceFields } from '@/components/forms/SourcePicker';
import { UNSOURCED_LABEL } from '@/lib/update-sourcing';
import { ids, type CitableSource } from './choices';

function sourceLabel(s: CitableSource): string {
  const what = s.quote ? `“${s.quote}${s.quote.length >= 90 ? '…' : ''}”` : s.title;
  return `${s.outlet}${s.publishedOn ? ` (${s.publishedOn})` : ''} [${s.reliability}${s.credibility}]: ${what}`;
}

/** The sources the update cites: existing ones, and perhaps one typed in; or the analyst's word that there is none yet. */
export function ItsSources({ state, sources, chosen, unsourced }: { state: FormState; sources: CitableSource[]; chosen: number[] | undefined; unsourced: boolean | undefined }) {
  return (
    <fieldset>
      <legend>Sources</legend>
      <MultiSelectField
        label="Cite existing sources"
        name="sourceIds"
        options={sources.map((s) => ({ value: String(s.id), label: sourceLabel(s), title: s.title }))}
        chosen={ids(chosen)}
        values={state.values}
        errors={state.errors?.sourceIds}
        hint="Ctrl/⌘-click or Shift+arrows to pick several."
      />
      <NewSourceFields state={state} />
      {/* Deliberate, never assumed: an update without a source is refused unless this is ticked (lib/update-sourcing.ts). */}
      <label className="checkbox">
        <input type="checkbox" name="unsourced" defaultChecked={state.values ? state.values.unsourced === 'on' : (unsourced ?? false)} /> {UNSOURCED_LABEL}
      </label>
    </fieldset>
  );
}
