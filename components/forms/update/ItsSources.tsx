import { MultiSelectField } from '@/components/ui/Field';
import type { FormState } from '@/lib/validation/fields';
import { NewSourceFields } from '@/components/forms/SourcePicker';
import { ids, type CitableSource } from './choices';

function sourceLabel(s: CitableSource): string {
  const what = s.quote ? `“${s.quote}${s.quote.length >= 90 ? '…' : ''}”` : s.title;
  return `${s.outlet}${s.publishedOn ? ` (${s.publishedOn})` : ''} [${s.reliability}${s.credibility}]: ${what}`;
}

/** The sources the update cites: existing ones, and perhaps one typed in. */
export function ItsSources({ state, sources, chosen }: { state: FormState; sources: CitableSource[]; chosen: number[] | undefined }) {
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
    </fieldset>
  );
}
