'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { CitableArticle, CitableMatches, CitableQuote } from '@/db/queries/source-search';
import { formatStoredDate } from '@/lib/partial-date';

// Finding a source to cite by typing (the WAI-ARIA combobox pattern with a list box): arrows move through what
// the words find, Enter picks, Escape closes; no Ctrl-click. Each quote is shown whole, with its outlet, article,
// date and grade; picking one cites it (a hidden `name` field per quote), picking an article offers a new quote of
// it (`onArticle`). A quote this negotiation's updates cite already is flagged, before and after it is picked.

const DELAY_MS = 150;

type Option = { key: string; quote?: CitableQuote; article?: CitableArticle };

const dated = (s: { publishedOn: string | null; publishedOnPrecision: string; publishedOnLabel: string }) =>
  s.publishedOn ? formatStoredDate(s.publishedOn, s.publishedOnPrecision, s.publishedOnLabel) : 'undated';

/** "Financial Times, “Talks stall”, 5 Feb 2026": where a quote comes from. */
export function articleLine(s: { outlet: string; title: string; url: string | null; publishedOn: string | null; publishedOnPrecision: string; publishedOnLabel: string }): string {
  return `${s.outlet}${s.title ? `, “${s.title}”` : s.url ? `, ${s.url}` : ''}, ${dated(s)}`;
}

/** The updates of this negotiation, other than the one being edited, that cite the quote already. */
export const alreadyCitedIn = (q: CitableQuote, exceptUpdateId?: number) => q.citedIn.filter((u) => u !== exceptUpdateId);

/** The warning beside a quote cited already; inside a list box's option it is words only, an option holding no link. */
export function AlreadyCited({ updates, links = true }: { updates: number[]; links?: boolean }) {
  if (updates.length === 0) return null;
  return (
    <span className="warning-text">
      Already cited in{' '}
      {updates.map((u, i) => (
        <span key={u}>
          {i > 0 && ', '}
          {links ? <a href={`/updates/${u}`}>update #{u}</a> : `update #${u}`}
        </span>
      ))}
    </span>
  );
}

export function SourceSearch({
  name,
  negotiationId,
  picked,
  onPick,
  onArticle,
  exceptUpdateId,
}: {
  /** The field each picked quote is sent as (sourceIds). */
  name: string;
  negotiationId: number;
  picked: CitableQuote[];
  onPick: (quote: CitableQuote) => void;
  onArticle?: (article: CitableArticle) => void;
  /** The update being edited: its own citations are no warning. */
  exceptUpdateId?: number;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<CitableMatches | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [failed, setFailed] = useState(false);
  const asked = useRef(0);

  useEffect(() => {
    const words = text.trim();
    if (!words) return;
    const n = ++asked.current;
    const timer = setTimeout(() => {
      fetch(`/api/sources/search?q=${encodeURIComponent(words)}&negotiation=${negotiationId}`)
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
        .then((body: CitableMatches) => {
          // Only the answer to the latest words counts: an earlier, slower one must not replace it.
          if (n !== asked.current) return;
          setFound(body);
          setFailed(false);
          // Nothing is active until an arrow moves into the list (the combobox pattern).
          setActive(-1);
          setOpen(true);
        })
        .catch(() => n === asked.current && setFailed(true));
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, negotiationId]);

  const pickedIds = new Set(picked.map((q) => q.id));
  const options: Option[] = text.trim()
    ? [
        ...(found?.quotes ?? []).filter((q) => !pickedIds.has(q.id)).map((q) => ({ key: `q${q.id}`, quote: q })),
        ...(onArticle ? (found?.articles ?? []).map((a) => ({ key: `a${a.id}`, article: a })) : []),
      ]
    : [];
  const expanded = open && options.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  function choose(option: Option | undefined) {
    if (!option) return;
    if (option.quote) onPick(option.quote);
    if (option.article) onArticle?.(option.article);
    setText('');
    setFound(null);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      // Enter in the search picks; it never submits the form around it.
      event.preventDefault();
      if (expanded && active >= 0) choose(options[active]);
    } else if (event.key === 'Escape') {
      if (expanded) event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <div className="field source-search">
      <label htmlFor={id}>Find a source already in the tracker</label>
      <input
        id={id}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-hint`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value.trim()) setFound(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
      />
      <span className="hint" id={`${id}-hint`}>
        Type an outlet, a headline, a URL or words of the quote; ↓ and ↑ to move, Enter to cite.
      </span>
      <ul id={`${id}-list`} role="listbox" aria-label="Sources found" className="source-options" hidden={!expanded}>
        {options.map((o, i) => (
          <li
            key={o.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            // Picked on mousedown, before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
          >
            {o.quote ? (
              <>
                <span className="small">
                  {articleLine(o.quote)} [{o.quote.reliability}
                  {o.quote.credibility}]
                </span>
                <span className="option-quote">{o.quote.quote ? `“${o.quote.quote}”` : 'The article as a whole'}</span>
                <AlreadyCited updates={alreadyCitedIn(o.quote, exceptUpdateId)} links={false} />
              </>
            ) : (
              <>
                <span className="small">Add a new quote from this article</span>
                <span>
                  {articleLine(o.article!)} [{o.article!.reliability}]
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {text.trim() && found ? `${options.length} found` : ''}
        {failed ? 'The search could not be run; type again or add the source below.' : ''}
      </p>
      {picked.map((q) => (
        <input key={q.id} type="hidden" name={name} value={q.id} />
      ))}
    </div>
  );
}
