// Pasted HTML read as the text a reader sees: scripts, styles and comments dropped (never run, never
// shown), blocks on lines of their own, entities decoded; the page's own metadata kept for the source.

export type PageMeta = { title: string | null; outlet: string | null; publishedOn: string | null };

const LOOKS_LIKE_HTML = /<(?:!doctype|html|body|head|p|div|article|section|span|br|h[1-6]|a|meta|script|style|li|ul|figure|header|main)\b[^>]*>/i;

const DROPPED = /<(script|style|noscript|template|svg|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const BLOCK = /<\/?(?:p|div|article|section|header|footer|main|aside|h[1-6]|li|ul|ol|blockquote|figure|figcaption|table|tr|br|hr|title)\b[^>]*>/gi;
const TAG = /<\/?[a-zA-Z!][^>]*>/g;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bdquo: '„', eacute: 'é', iacute: 'í',
  aacute: 'á', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', uuml: 'ü', ouml: 'ö', auml: 'ä', ccedil: 'ç', copy: '©',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : ' ';
    }
    return NAMED[code.toLowerCase()] ?? whole;
  });
}

export const looksLikeHtml = (text: string): boolean => LOOKS_LIKE_HTML.test(text);

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

function metaContent(html: string, key: string): string | null {
  const tags = html.match(/<meta\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const name = /\b(?:property|name|itemprop)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (name?.toLowerCase() !== key) continue;
    const content = /\bcontent\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
    if (content?.trim()) return tidyText(decodeEntities(content));
  }
  return null;
}

function pageMeta(html: string): PageMeta {
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const title = metaContent(html, 'og:title') ?? (titleTag ? tidyText(decodeEntities(titleTag.replace(TAG, ''))) || null : null);
  const published = metaContent(html, 'article:published_time') ?? metaContent(html, 'datepublished') ?? metaContent(html, 'date');
  const day = published ? /^(\d{4}-\d{2}-\d{2})/.exec(published)?.[1] ?? null : null;
  return { title, outlet: metaContent(html, 'og:site_name'), publishedOn: day };
}

/** The text of pasted HTML (or the text itself, tidied), and what the page says of itself. */
export function articleText(pasted: string): { text: string; meta: PageMeta } {
  if (!looksLikeHtml(pasted)) return { text: tidyText(pasted), meta: { title: null, outlet: null, publishedOn: null } };
  const meta = pageMeta(pasted);
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(pasted)?.[1] ?? pasted.replace(/<head\b[^>]*>[\s\S]*?<\/head>/i, '');
  const text = body.replace(COMMENT, ' ').replace(DROPPED, ' ').replace(BLOCK, '\n').replace(TAG, '');
  return { text: tidyText(decodeEntities(text)), meta };
}
