'use client';

import { useState } from 'react';
import type { FormState } from '@/lib/validation/fields';
import { NewSourceFields } from '@/components/forms/SourcePicker';
import { AlreadyCited, alreadyCitedIn, articleLine, SourceSearch } from '@/components/forms/SourceSearch';
import type { CitableArticle, CitableQuote } from '@/db/queries/source-search';
import { UNSOURCED_LABEL } from '@/lib/update-sourcing';

/**
 * The sources the update cites: existing quotes found by typing (each shown whole, flagged when this negotiation
 * cites it already), a new quote of an article found so, or a new source typed in; or the analyst's word that there
 * is none yet.
 */
export function ItsSources({
  state,
  negotiationId,
  picked,
  onPicked,
  updateId,
  unsourced,
}: {
  state: FormState;
  negotiationId: number;
  /** The quotes it cites so far (an edited update's when the form opens). */
  picked: CitableQuote[];
  onPicked: (quotes: CitableQuote[]) => void;
  updateId?: number;
  unsourced: boolean | undefined;
}) {
  const [article, setArticle] = useState<CitableArticle | null>(null);
  return (
    <fieldset>
      <legend>Sources</legend>
      <SourceSearch
        name="sourceIds"
        negotiationId={negotiationId}
        picked={picked}
        onPick={(q) => onPicked([...picked, q])}
        onArticle={setArticle}
        exceptUpdateId={updateId}
        errors={state.errors?.sourceIds}
      />
      {state.errors?.sourceIds && (
        <p className="error" role="alert">
          {state.errors.sourceIds.join(' ')}
        </p>
      )}
      {picked.length > 0 && (
        <ul className="plain-list cited-sources" aria-label="Sources cited">
          {picked.map((q) => (
            <li key={q.id}>
              <span className="small">
                {articleLine(q)} [{q.reliability}
                {q.credibility}]
              </span>{' '}
              <span>{q.quote ? `“${q.quote}”` : 'The article as a whole'}</span> <AlreadyCited updates={alreadyCitedIn(q, updateId)} />{' '}
              <button type="button" className="link-button" onClick={() => onPicked(picked.filter((p) => p.id !== q.id))}>
                Remove<span className="visually-hidden"> {articleLine(q)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <NewSourceFields state={state} article={article} onClearArticle={() => setArticle(null)} />
      {/* Deliberate, never assumed: an update without a source is refused unless this is ticked (lib/update-sourcing.ts). */}
      <label className="checkbox">
        <input type="checkbox" name="unsourced" defaultChecked={state.values ? state.values.unsourced === 'on' : (unsourced ?? false)} /> {UNSOURCED_LABEL}
      </label>
    </fieldset>
  );
}
