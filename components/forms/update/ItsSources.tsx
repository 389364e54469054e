'use client';

import { useState } from 'react';
import type { FormState } from '@/lib/validation/fields';
import { NewSourceFields } from '@/components/forms/SourcePicker';
import { AlreadyCited, alreadyCitedIn, articleLine, SourceSearch } from '@/components/forms/SourceSearch';
import type { CitableArticle, CitableQuote } from '@/db/queries/source-search';

/**
 * The sources the update cites: existing quotes found by typing (each shown whole, flagged when this negotiation
 * cites it already), a new quote of an article found so, or a new source typed in.
 */
export function ItsSources({
  state,
  negotiationId,
  cited,
  updateId,
}: {
  state: FormState;
  negotiationId: number;
  /** The quotes it cites when the form opens (an edited update's). */
  cited: CitableQuote[];
  updateId?: number;
}) {
  const [picked, setPicked] = useState(cited);
  const [article, setArticle] = useState<CitableArticle | null>(null);
  return (
    <fieldset>
      <legend>Sources</legend>
      <SourceSearch
        name="sourceIds"
        negotiationId={negotiationId}
        picked={picked}
        onPick={(q) => setPicked((list) => [...list, q])}
        onArticle={setArticle}
        exceptUpdateId={updateId}
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
              <button type="button" className="link-button" onClick={() => setPicked((list) => list.filter((p) => p.id !== q.id))}>
                Remove<span className="visually-hidden"> {articleLine(q)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <NewSourceFields state={state} article={article} onClearArticle={() => setArticle(null)} />
    </fieldset>
  );
}
