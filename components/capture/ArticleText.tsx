'use client';

import { useEffect, useRef } from 'react';

export type Highlight = { index: number; start: number; end: number; decision: 'accepted' | 'dropped' | 'open' };

/** The text cut at the highlights, in order; a highlight overlapping the one before it starts where that one ends. */
function segments(text: string, highlights: Highlight[]) {
  const out: ({ text: string } | { text: string; mark: Highlight })[] = [];
  let at = 0;
  for (const h of [...highlights].sort((a, b) => a.start - b.start)) {
    const start = Math.max(h.start, at);
    const end = Math.min(h.end, text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ text: text.slice(start, end), mark: h });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/**
 * The article as the capture read it, every proposal's sentence marked in it (numbered as its proposal), so the
 * analyst checks each extraction against the text. The proposal being reviewed is marked strongest and brought
 * into view inside the article's own scrolling pane, never by scrolling the page from under the reader.
 */
export function ArticleText({ text, highlights, active }: { text: string; highlights: Highlight[]; active: number | null }) {
  const pane = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = pane.current;
    const mark = active === null ? null : box?.querySelector<HTMLElement>(`[data-proposal="${active}"]`);
    if (!box || !mark || box.scrollHeight <= box.clientHeight) return;
    const top = mark.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - 40) box.scrollTop = Math.max(0, top - 40);
  }, [active]);
  return (
    <div ref={pane} className="capture-article" tabIndex={0} role="region" aria-label="The article, with each proposal's sentence marked">
      {segments(text, highlights).map((s, i) =>
        'mark' in s ? (
          <mark key={i} id={`capture-sentence-${s.mark.index}`} data-proposal={s.mark.index} className={`capture-mark ${s.mark.decision}${s.mark.index === active ? ' active' : ''}`}>
            <sup aria-hidden="true">{s.mark.index + 1}</sup>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </div>
  );
}
