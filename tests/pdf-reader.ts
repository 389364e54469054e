// A PDF as its reader sees it, read with pdf.js (through unpdf): each page's lines of text, and for every
// piece of a line the font it is set in, its size, its colour and where it starts. Lines, not layout
// coordinates, are what the briefing's tests compare; and its bookmarks, link annotations and structure tags.
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';

// pdf.js reads a page's drawing operators with ArrayBuffer.prototype.transferToFixedLength, which Node 20
// lacks (Node 21 has it); this copy behaves the same for the buffers pdf.js hands it.
const arrayBuffer = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (length?: number) => ArrayBuffer };
arrayBuffer.transferToFixedLength ??= function (this: ArrayBuffer, length?: number) {
  const copy = new ArrayBuffer(length ?? this.byteLength);
  new Uint8Array(copy).set(new Uint8Array(this).subarray(0, copy.byteLength));
  return copy;
};

export type PdfFont = 'regular' | 'bold' | 'italic';
/** `right`: where the run's last glyph ends, from the glyphs' widths. */
export type PdfRun = { text: string; font: PdfFont; size: number; color: string; x: number; right: number };
export type PdfLine = { page: number; y: number; text: string; runs: PdfRun[] };
/** A horizontal rule: the line it is drawn under, how far below that line's baseline, from where to where, in what colour. */
export type PdfRule = { under: string; drop: number; from: number; to: number; color: string };
/** A bookmark: its title, the page it opens (1-based) and the bookmarks under it. */
export type PdfBookmark = { title: string; page: number; items: PdfBookmark[] };
/** A link annotation: the page it is on and the address it opens. */
export type PdfLink = { page: number; url: string };
/** An element of the structure tree (tagged PDF): its role and its children (marked content is left out). */
export type PdfTag = { role: string; children: PdfTag[] };
export type PdfDocument = {
  pages: number;
  width: number;
  info: { title: string; subject: string; creator: string; author: string; language: string };
  /** The catalogue says the content is tagged (MarkInfo /Marked true). */
  marked: boolean;
  outline: PdfBookmark[];
  links: PdfLink[];
  /** Each page's structure tree, under its root. */
  tags: PdfTag[][];
  lines: PdfLine[];
  rules: PdfRule[];
};

type StructNode = { role?: string; type?: string; children?: StructNode[] };
const tagsOf = (node: StructNode): PdfTag[] =>
  (node.children ?? []).filter((c) => c.role !== undefined).map((c) => ({ role: c.role!, children: tagsOf(c) }));

const fontOf = (name: string): PdfFont => (/Bold/.test(name) ? 'bold' : /Oblique|Italic/.test(name) ? 'italic' : 'regular');

/** Every page's text in reading order, grouped in lines, with the style of each run. */
export async function readPdf(buffer: Buffer): Promise<PdfDocument> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { OPS } = await getResolvedPDFJS();
  const info = (await pdf.getMetadata()).info as Record<string, string | undefined>;
  const lines: PdfLine[] = [];
  const rules: PdfRule[] = [];
  const links: PdfLink[] = [];
  const tags: PdfTag[][] = [];
  let width = 0;
  type OutlineItem = { title: string; dest: string | unknown[] | null; items: OutlineItem[] };
  const bookmarks = async (items: OutlineItem[]): Promise<PdfBookmark[]> =>
    Promise.all(
      items.map(async (item) => {
        const dest = typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest;
        const page = dest ? (await pdf.getPageIndex(dest[0] as never)) + 1 : 0;
        return { title: item.title, page, items: await bookmarks(item.items) };
      }),
    );
  const outline = await bookmarks(((await pdf.getOutline()) ?? []) as OutlineItem[]);
  const marked = !!((await pdf.getMarkInfo()) as { Marked?: boolean } | null)?.Marked;
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    for (const a of (await page.getAnnotations()) as { subtype: string; url?: string }[]) if (a.subtype === 'Link' && a.url) links.push({ page: number, url: a.url });
    const tree = (await page.getStructTree()) as StructNode | null;
    tags.push(tree ? tagsOf(tree) : []);
    const { fnArray, argsArray } = await page.getOperatorList();
    const [, , pageWidth, pageHeight] = page.view;
    width = pageWidth;
    let color = '#000000';
    let stroke = '#000000';
    let font: PdfFont = 'regular';
    let size = 0;
    let x = 0;
    let y = 0;
    for (let i = 0; i < fnArray.length; i++) {
      const args = argsArray[i];
      switch (fnArray[i]) {
        case OPS.setFillRGBColor:
          color = String(args[0]);
          break;
        case OPS.setFont:
          font = fontOf((page.commonObjs.get(args[0]) as { name: string }).name);
          size = Math.round(args[1] * 100) / 100;
          break;
        case OPS.setTextMatrix:
          x = Math.round(args[0][4] * 10) / 10;
          y = Math.round(args[0][5] * 10) / 10;
          break;
        case OPS.setStrokeRGBColor:
          stroke = String(args[0]);
          break;
        case OPS.constructPath: {
          // pdfkit draws from the top of the page down; [x1, y1, x2, y2] of a straight rule.
          const [from, top, to] = Array.from(args[2] as ArrayLike<number>, (n) => Math.round(n * 10) / 10);
          const under = lines.at(-1);
          rules.push({ under: under?.text ?? '', drop: Math.round(((under?.y ?? 0) - (pageHeight - top)) * 10) / 10, from, to, color: stroke });
          break;
        }
        case OPS.showText: {
          const glyphs = (args[0] as ({ unicode: string; width: number } | number)[]).filter((g) => typeof g !== 'number');
          const text = glyphs.map((g) => g.unicode).join('');
          const inked = glyphs.slice(0, glyphs.length - (text.length - text.trimEnd().length));
          const right = Math.round((x + (inked.reduce((sum, g) => sum + g.width, 0) * size) / 1000) * 10) / 10;
          const line = lines.at(-1);
          const run = { text, font, size, color, x, right };
          if (line && line.page === number && line.y === y) {
            line.runs.push(run);
            line.text += text;
          } else lines.push({ page: number, y, text, runs: [run] });
          break;
        }
      }
    }
  }
  return {
    pages: pdf.numPages,
    width,
    info: { title: info.Title ?? '', subject: info.Subject ?? '', creator: info.Creator ?? '', author: info.Author ?? '', language: info.Language ?? '' },
    marked,
    outline,
    links,
    tags,
    lines,
    rules,
  };
}

/** The line that reads exactly `text`, or the first that starts with it. */
export function lineOf(pdf: PdfDocument, text: string): PdfLine {
  const line = pdf.lines.find((l) => l.text === text) ?? pdf.lines.find((l) => l.text.startsWith(text));
  if (!line) throw new Error(`No line "${text}" in:\n${pdf.lines.map((l) => l.text).join('\n')}`);
  return line;
}
