'use client';

import { useEffect, useState } from 'react';
import { SelectField, TextArea, TextField, type Option } from '@/components/ui/Field';
import { articleLine } from './SourceSearch';
import type { CitableArticle } from '@/db/queries/source-search';
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

/** The outlets the tracker knows, with their grade, fetched once the new-source fields first open. */
function useKnownOutlets(wanted: boolean): { name: string; reliability: string }[] {
  const [outlets, setOutlets] = useState<{ name: string; reliability: string }[]>([]);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    fetch('/api/outlets')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body: { outlets: { name: string; reliability: string }[] }) => live && setOutlets(body.outlets))
      // Without the list the analyst types the outlet in full; the server still finds it by name.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [wanted]);
  return outlets;
}

/**
 * The fields of one new source (named `source.*`), opened when they carry a value or an error. An outlet the
 * tracker knows is suggested, and its grade becomes the article's unless the analyst chose one; a URL or title of
 * an article it holds is found by the server (db/mutations/sources.ts). With `article` (found by the type-ahead),
 * only the new quote and its credibility are asked: the outlet and headline are not typed again.
 */
export function NewSourceFields({ state, article, onClearArticle }: { state: FormState; article?: CitableArticle | null; onClearArticle?: () => void }) {
  const v = sentText(state.values);
  const e = state.errors ?? {};
  const newSourceOpen = Boolean(article || v['source.outlet'] || v['source.articleId'] || Object.keys(e).some((k) => k.startsWith('source.')));
  const [opened, setOpened] = useState(newSourceOpen);
  const outlets = useKnownOutlets(opened);
  const [grade, setGrade] = useState(v['source.reliability'] ?? 'F');
  const [graded, setGraded] = useState(Boolean(v['source.reliability'] && v['source.reliability'] !== 'F'));
  const [known, setKnown] = useState<{ name: string; reliability: string } | undefined>();
  const onOutlet = (typed: string) => {
    const outlet = outlets.find((o) => o.name.toLowerCase() === typed.trim().toLowerCase());
    setKnown(outlet);
    if (outlet && !graded) setGrade(outlet.reliability);
  };
  const quoteFields = (
    <>
      <SelectField
        label="Credibility of the claim"
        name="source.credibility"
        options={Object.entries(CREDIBILITY_LABELS).map(([value, text]) => ({ value, label: text }))}
        defaultValue={v['source.credibility'] ?? '6'}
        errors={e['source.credibility']}
      />
    </>
  );
  return (
    <details open={newSourceOpen || undefined} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>Add a new source</summary>
      {article ? (
        <div className="stack">
          <input type="hidden" name="source.articleId" value={article.id} />
          <p>
            New quote from {articleLine(article)} (graded {article.reliability}).{' '}
            <button type="button" className="link-button" onClick={onClearArticle}>
              Use another source
            </button>
          </p>
          <div className="grid-2">{quoteFields}</div>
        </div>
      ) : (
        <div className="grid-2">
          {v['source.articleId'] && <input type="hidden" name="source.articleId" value={v['source.articleId']} />}
          <TextField
            label="Outlet"
            name="source.outlet"
            defaultValue={v['source.outlet']}
            errors={e['source.outlet']}
            suggestions={outlets.map((o) => o.name)}
            onChange={onOutlet}
            hint={known ? `Known outlet, graded ${known.reliability} now: its grade is this article's unless you choose another.` : 'Filling this in adds the source.'}
          />
          <TextField label="Title" name="source.title" defaultValue={v['source.title']} errors={e['source.title']} hint="An article already stored (same URL or title) is reused." />
          <TextField label="URL" name="source.url" type="url" defaultValue={v['source.url']} errors={e['source.url']} />
          <TextField label="Publication date" name="source.publishedOn" type="date" defaultValue={v['source.publishedOn']} errors={e['source.publishedOn']} />
          <SelectField
            label="Reliability (Admiralty)"
            name="source.reliability"
            options={RELIABILITIES.map((r) => ({ value: r, label: RELIABILITY_LABELS[r] }))}
            value={grade}
            onChange={(value) => {
              setGrade(value);
              setGraded(true);
            }}
            errors={e['source.reliability']}
          />
          {quoteFields}
        </div>
      )}
      <TextArea label="Quoted text" name="source.quote" defaultValue={v['source.quote']} errors={e['source.quote']} rows={3} />
    </details>
  );
}
