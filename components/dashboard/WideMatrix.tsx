'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

type Hidden = { left: number; right: number; withPositionsRight: number };

const NONE: Hidden = { left: 0, right: 0, withPositionsRight: 0 };
const parties = (n: number) => `${n} ${n === 1 ? 'party' : 'parties'}`;

/**
 * A negotiation's matrix when it has more parties than fit: the issue column stays in view (CSS), and a bar says
 * how many party columns lie beyond either edge, with a button to bring them in; a row whose only position sits
 * in such a column would otherwise look empty. The reader may also fold away the parties with no position in any
 * row shown. The table is the server's; this only measures it and scrolls it.
 */
export function WideMatrix({ label, emptyParties, children }: { label: string; emptyParties: number; children: React.ReactNode }) {
  const wrap = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<Hidden>(NONE);
  const [foldEmpty, setFoldEmpty] = useState(false);

  const measure = useCallback(() => {
    const box = wrap.current;
    if (!box) return;
    const { left, right } = box.getBoundingClientRect();
    // The issue column is sticky: a party column under it is as hidden as one beyond the left edge.
    const issueEdge = box.querySelector('thead th')?.getBoundingClientRect().right ?? left;
    const next = { ...NONE };
    for (const th of box.querySelectorAll<HTMLElement>('thead th[data-party]')) {
      const r = th.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.right > right + 1) {
        next.right += 1;
        if (!th.hasAttribute('data-empty-party')) next.withPositionsRight += 1;
      } else if (r.left < issueEdge - 1) next.left += 1;
    }
    setHidden((was) => (was.left === next.left && was.right === next.right && was.withPositionsRight === next.withPositionsRight ? was : next));
  }, []);

  useEffect(() => {
    const box = wrap.current;
    if (!box) return;
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(box);
    box.addEventListener('scroll', measure, { passive: true });
    return () => {
      resized.disconnect();
      box.removeEventListener('scroll', measure);
    };
  }, [measure]);
  useEffect(measure, [foldEmpty, measure]);
  useEffect(() => {
    const box = wrap.current;
    const printing = window.matchMedia('print');
    // Printed, the table gets the page's width and a smaller type (globals.css); one with so many parties that
    // its words still do not fit is scaled down to the page rather than clipped.
    const fit = () => {
      const table = box?.querySelector('table');
      if (!box || !table) return;
      table.style.zoom = '';
      if (printing.matches && table.scrollWidth > box.clientWidth) table.style.zoom = String(box.clientWidth / table.scrollWidth);
    };
    printing.addEventListener('change', fit);
    window.addEventListener('beforeprint', fit);
    return () => {
      printing.removeEventListener('change', fit);
      window.removeEventListener('beforeprint', fit);
    };
  }, []);

  const scroll = (direction: 1 | -1) => {
    const box = wrap.current;
    if (!box) return;
    const issueWidth = box.querySelector('thead th')?.getBoundingClientRect().width ?? 0;
    box.scrollBy({ left: direction * Math.max(box.clientWidth - issueWidth - 32, 160), behavior: 'smooth' });
  };

  const classes = ['wide-matrix', foldEmpty && 'fold-empty-parties', hidden.left > 0 && 'more-left', hidden.right > 0 && 'more-right'].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      {(emptyParties > 0 || hidden.left > 0 || hidden.right > 0) && (
        <div className="matrix-tools no-print" role="group" aria-label={`Columns of ${label}`}>
          {emptyParties > 0 && (
            <button type="button" className="secondary small" aria-pressed={foldEmpty} onClick={() => setFoldEmpty(!foldEmpty)}>
              {foldEmpty ? `Show the ${parties(emptyParties)} with no position` : `Hide the ${parties(emptyParties)} with no position`}
            </button>
          )}
          <span className="matrix-more">
            {hidden.left > 0 && (
              <button type="button" className="secondary small" onClick={() => scroll(-1)}>
                ← {parties(hidden.left)}
              </button>
            )}
            {hidden.right > 0 && (
              <button type="button" className="secondary small" onClick={() => scroll(1)}>
                {hidden.right} more {hidden.right === 1 ? 'party' : 'parties'}
                {hidden.withPositionsRight < hidden.right ? ` (${hidden.withPositionsRight} with positions)` : ''} →
              </button>
            )}
          </span>
        </div>
      )}
      <div className="matrix-scroller">
        <div className="table-wrap" ref={wrap}>
          {children}
        </div>
      </div>
    </div>
  );
}
