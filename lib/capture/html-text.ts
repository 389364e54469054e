// Pasted HTML read as the text a reader sees: scripts, styles and comments dropped (never run, never
// shown), blocks on lines of their own, entities decoded; the page's own metadata kept for the source.
// htmlparser2 reads the markup (forgiving of the broken HTML a clipboard holds); this file only decides
// what of it an analyst would call the article.
import { Parser } from 'htmlparser2';

export type PageMeta = { title: string | null; outlet: string | null; publishedOn: string | null };

/** Never shown: code, styles and embedded documents. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head']);

/** Elements that begin a line of their own in what a reader sees. */
const BLOCKS = new Set([
  'p', 'div', 'article', 'section', 'header', 'footer', 'main', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li',
  'ul', 'ol', 'blockquote', 'figure', 'figcaption', 'table', 'tr', 'br', 'hr', 'title', 'body', 'html',
]);

/** Elements that make a paste HTML rather than text that happens to hold a "<". */
const HTML_MARKERS = new Set([...BLOCKS, 'head', 'meta', 'script', 'style', 'span', 'a', 'em', 'strong', 'b', 'i']);

/** Control characters other than tab and line breaks: pasted from PDFs and word processors, never meant. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\ufeff]/g;

/** Plain text as analysts read it: line breaks kept, runs of spaces and blank lines made one. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

type Read = { text: string; meta: PageMeta; isHtml: boolean };

function readHtml(pasted: string): Read {
  const chunks: string[] = [];
  const metas = new Map<string, string>();
  let titleTag = '';
  let hidden = 0;
  let inTitle = false;
  let isHtml = false;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (HTML_MARKERS.has(name)) isHtml = true;
        if (name === 'meta') {
          const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '').toLowerCase();
          const content = tidyText(attributes.content ?? '');
          if (key && content && !metas.has(key)) metas.set(key, content);
        }
        if (name === 'title') inTitle = true;
        else if (DROPPED.has(name)) hidden += 1;
        if (BLOCKS.has(name)) chunks.push('\n');
      },
      ontext(text) {
        if (inTitle) titleTag += text;
        else if (hidden === 0) chunks.push(text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        else if (DROPPED.has(name) && hidden > 0) hidden -= 1;
        if (BLOCKS.has(name)) chunks.push('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(pasted);
  parser.end();

  const published = metas.get('article:published_time') ?? metas.get('datepublished') ?? metas.get('date');
  const meta: PageMeta = {
    title: metas.get('og:title') ?? (tidyText(titleTag) || null),
    outlet: metas.get('og:site_name') ?? null,
    publishedOn: published ? /^(\d{4}-\d{2}-\d{2})/.exec(published)?.[1] ?? null : null,
  };
  return { text: tidyText(chunks.join('')), meta, isHtml };
}

/** The text of pasted HTML (or the text itself, tidied), and what the page says of itself. */
export function articleText(pasted: string): { text: string; meta: PageMeta } {
  const read = readHtml(pasted);
  if (!read.isHtml) return { text: tidyText(pasted), meta: { title: null, outlet: null, publishedOn: null } };
  return { text: read.text, meta: read.meta };
}
