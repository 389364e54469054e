// A PDF as its reader sees it, read with pdf.js (through unpdf): each page's lines of text, and for every
// piece of a line the font it is set in, its size, its colour and where it starts. Lines, not layout
// coordinates, are what the briefing's tests compare.
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
export type PdfRun = { text: string; font: PdfFont; size: number; color: string; x: number };
export type PdfLine = { page: number; y: number; text: string; runs: PdfRun[] };
/** `ruledUnder`: the lines a horizontal rule is drawn right after (the section headings). */
export type PdfDocument = { pages: number; title: string; lines: PdfLine[]; ruledUnder: string[] };

const fontOf = (name: string): PdfFont => (/Bold/.test(name) ? 'bold' : /Oblique|Italic/.test(name) ? 'italic' : 'regular');

/** Every page's text in reading order, grouped in lines, with the style of each run. */
export async function readPdf(buffer: Buffer): Promise<PdfDocument> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { OPS } = await getResolvedPDFJS();
  const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
  const lines: PdfLine[] = [];
  const ruledUnder: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const { fnArray, argsArray } = await page.getOperatorList();
    let color = '#000000';
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
        case OPS.constructPath:
          ruledUnder.push(lines.at(-1)?.text ?? '');
          break;
        case OPS.showText: {
          const text = (args[0] as ({ unicode: string } | number)[]).map((g) => (typeof g === 'number' ? '' : g.unicode)).join('');
          const line = lines.at(-1);
          const run = { text, font, size, color, x };
          if (line && line.page === number && line.y === y) {
            line.runs.push(run);
            line.text += text;
          } else lines.push({ page: number, y, text, runs: [run] });
          break;
        }
      }
    }
  }
  return { pages: pdf.numPages, title: info.Title ?? '', lines, ruledUnder };
}

/** The line that reads exactly `text`, or the first that starts with it. */
export function lineOf(pdf: PdfDocument, text: string): PdfLine {
  const line = pdf.lines.find((l) => l.text === text) ?? pdf.lines.find((l) => l.text.startsWith(text));
  if (!line) throw new Error(`No line "${text}" in:\n${pdf.lines.map((l) => l.text).join('\n')}`);
  return line;
}
