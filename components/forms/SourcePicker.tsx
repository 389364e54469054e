import { SelectField, TextArea, TextField, type Option } from '@/components/ui/Field';
import { CREDIBILITY_LABELS, RELIABILITIES, RELIABILITY_LABELS } from '@/lib/domain';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { useSourceChoices } from './useSourceChoices';

export type SourceChoice = { id: number; outlet: string; title: string; publishedOn: string | null; reliability: string };

export function sourceOptions(sources: SourceChoice[]): Option[] {
  return sources.map((s) => ({
    value: String(s.id),
    label: `${s.outlet}${s.title ? ` — ${s.title}` : ''}${s.publishedOn ? ` (${s.publishedOn})` : ''} [${s.reliability}]`,
  }));
}

const PLACEHOLDERS = {
  ready: '— none, or add a new one below —',
  loading: 'Loading sources…',
  failed: '— the list could not be loaded; add a new one below —',
};

/**
 * Cite an existing source, or type a new one (its fields are named `source.*`). Without `sources`
 * the list is fetched when the form first shows (useSourceChoices). `chosen`: the one the record cites now.
 */
export function SourcePicker({ sources, state, chosen }: { sources?: SourceChoice[]; state: FormState; chosen?: number | null }) {
  const v = sentText(state.values);
  const e = state.errors ?? {};
  const choices = useSourceChoices(sources);
  return (
    <fieldset>
      <legend>Source</legend>
      <SelectField
        // Mounted again once the list arrives, so a value kept from a refused submission is selected.
        key={choices.status}
        label="Cite an existing source"
        name="sourceId"
        options={sourceOptions(choices.sources)}
        placeholder={PLACEHOLDERS[choices.status]}
        defaultValue={v.sourceId ?? (chosen ? String(chosen) : undefined)}
        errors={e.sourceId}
      />
      <NewSourceFields state={state} />
    </fieldset>
  );
}

/** The fields of one new source (named `source.*`), opened when they carry a value or an error. */
export function NewSourceFields({ state }: { state: FormState }) {
  const v = sentText(state.values);
  const e = state.errors ?? {};
  const newSourceOpen = Boolean(v['source.outlet'] || Object.keys(e).some((k) => k.startsWith('source.')));
  return (
    <details open={newSourceOpen}>
      <summary>Add a new source</summary>
      <div className="grid-2">
        <TextField label="Outlet" name="source.outlet" defaultValue={v['source.outlet']} errors={e['source.outlet']} hint="Filling this in adds the source." />
        <TextField label="Title" name="source.title" defaultValue={v['source.title']} errors={e['source.title']} />
        <TextField label="URL" name="source.url" type="url" defaultValue={v['source.url']} errors={e['source.url']} />
        <TextField label="Publication date" name="source.publishedOn" type="date" defaultValue={v['source.publishedOn']} errors={e['source.publishedOn']} />
        <SelectField
          label="Reliability (Admiralty)"
          name="source.reliability"
          options={RELIABILITIES.map((r) => ({ value: r, label: RELIABILITY_LABELS[r] }))}
          defaultValue={v['source.reliability'] ?? 'F'}
          errors={e['source.reliability']}
        />
        <SelectField
          label="Credibility of the claim"
          name="source.credibility"
          options={Object.entries(CREDIBILITY_LABELS).map(([value, text]) => ({ value, label: text }))}
          defaultValue={v['source.credibility'] ?? '6'}
          errors={e['source.credibility']}
        />
      </div>
      <TextArea label="Quoted text" name="source.quote" defaultValue={v['source.quote']} errors={e['source.quote']} rows={3} />
    </details>
  );
}
