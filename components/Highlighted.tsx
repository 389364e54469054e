import { splitHighlight } from '@/lib/search-query';

/** Text with the search's matches marked, rendered as text (never as HTML). */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {splitHighlight(text).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
