// A Word document as its reader sees it: the .docx unzipped (jszip) and its WordprocessingML parsed
// (fast-xml-parser), giving each paragraph's style, bullet, indent and runs (bold, italic, colour, size),
// the tables' cells, the hyperlinks and where they point, the footer and the document's properties.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { expect } from 'vitest';

export type DocxRun = { text: string; bold: boolean; italic: boolean; color: string | null; size: number | null; field: string | null };
/** `space`: the space before and after the paragraph, in twentieths of a point. */
export type DocxParagraph = {
  kind: 'paragraph';
  style: string | null;
  bullet: boolean;
  indent: number;
  align: string | null;
  space: { before: number; after: number };
  /** Kept on the page of the next paragraph; its lines kept together; opening a new page. */
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
  text: string;
  runs: DocxRun[];
  /** Its hyperlinks: the text shown and the address the relationship points to. */
  links: { text: string; target: string }[];
};
/** `width`: the table's and each column's share of the page, in percent; `borders`: each edge's line. */
export type DocxTable = { kind: 'table'; width: number; columns: number[]; borders: Record<string, string>; rows: { text: string; bold: boolean }[][] };
export type DocxDocument = {
  title: string;
  creator: string;
  lastModifiedBy: string;
  description: string;
  font: string;
  size: number;
  body: (DocxParagraph | DocxTable)[];
  footer: DocxParagraph[];
};

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: false });

const tag = (node: Node) => Object.keys(node).find((k) => k !== ':@')!;
const children = (node: Node) => node[tag(node)] as Node[];
const child = (node: Node | undefined, name: string) => (node ? children(node).find((c) => tag(c) === name) : undefined);
const attr = (node: Node | undefined, name: string) => node?.[':@']?.[name] ?? null;
/** An on/off property (<w:b/>, <w:i/>) is on when present, unless its w:val says off, as Word reads it. */
const isOn = (node: Node | undefined) => !!node && !['false', '0', 'off'].includes(attr(node, 'w:val') ?? 'true');
const textOf = (node: Node | undefined) => (node ? children(node).map((c) => String(c['#text'] ?? '')).join('') : '');

function run(r: Node): DocxRun {
  const props = child(r, 'w:rPr');
  const size = attr(child(props, 'w:sz'), 'w:val');
  return {
    text: textOf(child(r, 'w:t')),
    bold: isOn(child(props, 'w:b')),
    italic: isOn(child(props, 'w:i')),
    color: attr(child(props, 'w:color'), 'w:val'),
    size: size === null ? null : Number(size),
    field: child(r, 'w:instrText') ? textOf(child(r, 'w:instrText')) : null,
  };
}

/** The document's relationships by id (word/_rels/document.xml.rels): where each hyperlink points. */
let relationships = new Map<string, { target: string; mode: string | null }>();

function paragraph(p: Node): DocxParagraph {
  const props = child(p, 'w:pPr');
  // A hyperlink's runs are the paragraph's runs too: Word shows them in line.
  const runs = children(p).flatMap((c) => (tag(c) === 'w:r' ? [run(c)] : tag(c) === 'w:hyperlink' ? children(c).filter((r) => tag(r) === 'w:r').map(run) : []));
  const links = children(p)
    .filter((c) => tag(c) === 'w:hyperlink')
    .map((h) => {
      const rel = relationships.get(attr(h, 'r:id') ?? '');
      return { text: children(h).filter((r) => tag(r) === 'w:r').map((r) => run(r).text).join(''), target: rel && rel.mode === 'External' ? rel.target : '' };
    });
  return {
    kind: 'paragraph',
    style: attr(child(props, 'w:pStyle'), 'w:val'),
    bullet: !!child(props, 'w:numPr'),
    indent: Number(attr(child(props, 'w:ind'), 'w:left') ?? 0),
    align: attr(child(props, 'w:jc'), 'w:val'),
    space: { before: Number(attr(child(props, 'w:spacing'), 'w:before') ?? 0), after: Number(attr(child(props, 'w:spacing'), 'w:after') ?? 0) },
    keepNext: isOn(child(props, 'w:keepNext')),
    keepLines: isOn(child(props, 'w:keepLines')),
    pageBreakBefore: isOn(child(props, 'w:pageBreakBefore')),
    text: runs.map((r) => r.text).join(''),
    runs,
    links,
  };
}

/** A width in fiftieths of a percent (w:type="pct"), as a percentage. */
const percent = (node: Node | undefined) => (attr(node, 'w:type') === 'pct' ? Number(attr(node, 'w:w')) / 50 : NaN);

function table(t: Node): DocxTable {
  const rows = children(t).filter((c) => tag(c) === 'w:tr');
  const props = child(t, 'w:tblPr');
  const borders = child(props, 'w:tblBorders');
  return {
    kind: 'table',
    width: percent(child(props, 'w:tblW')),
    columns: children(rows[0])
      .filter((c) => tag(c) === 'w:tc')
      .map((tc) => percent(child(child(tc, 'w:tcPr'), 'w:tcW'))),
    borders: Object.fromEntries((borders ? children(borders) : []).map((b) => [tag(b).slice(2), `${attr(b, 'w:val')} ${attr(b, 'w:sz')} ${attr(b, 'w:color')}`])),
    rows: rows.map((tr) =>
      children(tr)
        .filter((c) => tag(c) === 'w:tc')
        .map((tc) => {
          const ps = children(tc).filter((c) => tag(c) === 'w:p').map(paragraph);
          return { text: ps.map((p) => p.text).join('\n'), bold: ps.every((p) => p.runs.every((r) => r.bold)) };
        }),
    ),
  };
}

async function xmlOf(zip: JSZip, name: string): Promise<Node[]> {
  const file = zip.file(name);
  if (!file) throw new Error(`no ${name} in the .docx`);
  const xml = await file.async('string');
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Node[];
}

const root = (doc: Node[], name: string) => doc.find((n) => tag(n) === name)!;

export async function readDocx(buffer: Buffer): Promise<DocxDocument> {
  const zip = await JSZip.loadAsync(buffer);
  const rels = root(await xmlOf(zip, 'word/_rels/document.xml.rels'), 'Relationships');
  relationships = new Map(children(rels).filter((r) => tag(r) === 'Relationship').map((r) => [attr(r, 'Id')!, { target: attr(r, 'Target')!, mode: attr(r, 'TargetMode') }]));
  const document = root(await xmlOf(zip, 'word/document.xml'), 'w:document');
  const body = child(document, 'w:body')!;
  const core = root(await xmlOf(zip, 'docProps/core.xml'), 'cp:coreProperties');
  const styles = root(await xmlOf(zip, 'word/styles.xml'), 'w:styles');
  const defaults = child(child(child(styles, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
  const footer = root(await xmlOf(zip, 'word/footer1.xml'), 'w:ftr');
  return {
    title: textOf(child(core, 'dc:title')),
    creator: textOf(child(core, 'dc:creator')),
    lastModifiedBy: textOf(child(core, 'cp:lastModifiedBy')),
    description: textOf(child(core, 'dc:description')),
    font: attr(child(defaults, 'w:rFonts'), 'w:ascii') ?? '',
    size: Number(attr(child(defaults, 'w:sz'), 'w:val')),
    body: children(body)
      .filter((c) => tag(c) === 'w:p' || tag(c) === 'w:tbl')
      .map((c) => (tag(c) === 'w:p' ? paragraph(c) : table(c))),
    footer: children(footer).filter((c) => tag(c) === 'w:p').map(paragraph),
  };
}

export const paragraphsOf = (doc: DocxDocument) => doc.body.filter((b): b is DocxParagraph => b.kind === 'paragraph');
