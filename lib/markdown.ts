import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import type { Nodes, Parents } from 'mdast';

// Update bodies and round summaries are Markdown (CommonMark with GitHub's tables, strikethrough and
// task lists, as the pages show them). Formats that cannot show Markdown read it through a parser,
// never a pattern: the PDF and Word text, feed titles and entries, search snippets.

const parse = (markdown: string) => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

const isWeb = (url: string) => /^https?:\/\//i.test(url);

type Definitions = Map<string, string>;

/** Where each reference-style link points (`[FT][1]` … `[1]: https://…`), by its normalised label. */
function definitionsOf(node: Nodes, found: Definitions = new Map()): Definitions {
  if (node.type === 'definition') found.set(node.identifier, node.url);
  if ('children' in node) for (const child of (node as Parents).children) definitionsOf(child, found);
  return found;
}

const withAddress = (text: string, url: string | undefined) => (url && isWeb(url) && text !== url ? `${text} (${url})` : text);

/** The words of inline content, on one line: a link to the web keeps its address after its text. */
function inline(node: Nodes, links: Definitions): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
      return withAddress(node.alt ?? '', node.url);
    case 'link':
      return withAddress(node.children.map((c) => inline(c, links)).join(''), node.url);
    case 'linkReference':
      return withAddress(node.children.map((c) => inline(c, links)).join(''), links.get(node.identifier));
    // Raw HTML is not shown on the pages either.
    case 'html':
      return '';
    default:
      return 'children' in node ? (node as Parents).children.map((c) => inline(c, links)).join('') : '';
  }
}

/** One block per paragraph of the result: list items get a bullet, a table a line per row. */
function blocks(node: Nodes, links: Definitions, bullet = ''): string[] {
  switch (node.type) {
    case 'root':
    case 'blockquote':
      return node.children.flatMap((c) => blocks(c, links));
    case 'list':
      return node.children.flatMap((item, i) => blocks(item, links, node.ordered ? `${(node.start ?? 1) + i}. ` : '• '));
    case 'listItem': {
      const [first, ...rest] = node.children.flatMap((c) => blocks(c, links));
      const mark = node.checked === true ? '☑ ' : node.checked === false ? '☐ ' : '';
      return first === undefined ? [] : [`${bullet}${mark}${first}`, ...rest];
    }
    case 'table':
      return node.children.map((row) => row.children.map((cell) => inline(cell, links).trim()).join(' | '));
    case 'code':
      return node.value ? [node.value] : [];
    case 'thematicBreak':
    case 'definition':
    case 'html':
      return [];
    default: {
      const text = inline(node, links).trim();
      return text ? [text] : [];
    }
  }
}

/** The text a reader of the Markdown sees, without its markup: paragraphs separated by a blank line. */
export function markdownToText(markdown: string): string {
  const tree = parse(markdown);
  return blocks(tree, definitionsOf(tree)).join('\n\n');
}

/** The first block's text on one line, at most `max` characters, cut before a word; '' for no text. */
export function markdownTitle(markdown: string, max: number): string {
  const tree = parse(markdown);
  const first = (blocks(tree, definitionsOf(tree))[0] ?? '').replace(/\s+/g, ' ').trim();
  if (first.length <= max) return first;
  const end = first.lastIndexOf(' ', max - 1);
  return `${first.slice(0, end === -1 ? max - 1 : end)}…`;
}

/**
 * The Markdown as HTML for a feed reader: raw HTML in it is escaped, not passed on, and a link with a
 * protocol that could run (javascript:) loses its address (micromark's safe defaults), so nothing typed can
 * run in a reader.
 */
export function markdownToSafeHtml(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}
