// What a reader's browser gets when a briefing is downloaded: the file's name, its type, and a renderer per format.
import { describe, expect, it } from 'vitest';
import { contentDisposition, slug, summaryDate, summaryFileName, summaryFullFileName } from '@/lib/exports/filename';
import { EXPORT_CONTENT_TYPES, EXPORT_LABELS, EXPORT_ORDER, parseSummaryFileName, summaryUrl } from '@/lib/exports/formats';
import { RENDERERS } from '@/lib/exports/index';
import { emptySummary, fullSummary } from './summary-sample';

const withRound = (over: Partial<ReturnType<typeof fullSummary>['round']>, name?: string) => {
  const s = fullSummary();
  return { ...s, negotiation: { ...s.negotiation, name: name ?? s.negotiation.name }, round: { ...s.round, ...over } };
};

describe('the name of a downloaded briefing', () => {
  it('is plain lower-case ASCII words joined by hyphens, accents and punctuation dropped, other scripts transliterated', () => {
    expect(slug('Переговоры в Стамбуле')).toBe('peregovory-v-stambule');
    expect(slug('Київ, раунд 2: «гарантії»')).toBe('kiiv-raund-2-garantii');
    expect(slug('Ёжик и Łódź')).toBe('ezhik-i-lodz');
    expect(slug('Russia–Ukraine peace talks (US-mediated)')).toBe('russia-ukraine-peace-talks-us-mediated');
    expect(slug('Négociations de Genève, 2ᵉ tour')).toBe('negociations-de-geneve-2e-tour');
    expect(slug('  --Talks--  ')).toBe('talks');
  });

  it('is cut to a length without ending on a hyphen, and never empty', () => {
    expect(slug('a'.repeat(70))).toBe('a'.repeat(60));
    expect(slug('abcd efgh', 5)).toBe('abcd');
    expect(slug('«—»')).toBe('untitled');
    expect(slug('')).toBe('untitled');
  });

  it('is dated by the round’s last day, else its first, else says undated', () => {
    expect(summaryDate(fullSummary())).toBe('2026-02-05');
    expect(summaryDate(withRound({ endsOn: null }))).toBe('2026-02-04');
    expect(summaryDate(emptySummary())).toBe('undated');
    expect(summaryFileName(emptySummary(), 'csv')).toBe('russia-ukraine-peace-talks_round-3_undated_summary.csv');
  });

  it('keeps the full name in any script, with only the characters no file system accepts replaced', () => {
    const s = withRound({ name: 'Раунд 2: "Абу-Даби" / итоги?\u007f' }, 'Переговоры\u0000 <A|B>  *');
    expect(summaryFullFileName(s, 'pdf')).toBe('Переговоры A B - Раунд 2 Абу-Даби итоги - 2026-02-05 - summary.pdf');
    expect(summaryFullFileName(withRound({ name: 'C:\\tmp\\x' }), 'md')).toBe('Russia–Ukraine peace talks - C tmp x - 2026-02-05 - summary.md');
  });

  it('is sent as an attachment whose ASCII name cannot break the header and whose full name is percent-encoded', () => {
    expect(contentDisposition('a"b\\c.pdf', "Talks 'Genève' (1)*.pdf")).toBe(
      `attachment; filename="a_b_c.pdf"; filename*=UTF-8''Talks%20%27Gen%C3%A8ve%27%20%281%29%2A.pdf`,
    );
  });
});

describe('the download formats', () => {
  it('are offered in one order with a label and a content type each, at one address per round', () => {
    expect(EXPORT_ORDER).toEqual(['pdf', 'docx', 'md', 'xlsx', 'csv', 'json']);
    expect(EXPORT_ORDER.map((f) => EXPORT_LABELS[f])).toEqual(['PDF', 'Word (.docx)', 'Markdown', 'Excel (.xlsx)', 'CSV (spreadsheet)', 'JSON']);
    expect(EXPORT_CONTENT_TYPES).toEqual({
      pdf: 'application/pdf',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      md: 'text/markdown; charset=utf-8',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      csv: 'text/csv; charset=utf-8',
      json: 'application/json; charset=utf-8',
    });
    expect(summaryUrl(7, 'docx')).toBe('/api/rounds/7/summary.docx');
  });

  it('are read from the address only when it names one exactly', () => {
    for (const f of EXPORT_ORDER) expect(parseSummaryFileName(`summary.${f}`)).toBe(f);
    for (const bad of ['summary.exe', 'summary.pdf.exe', 'xsummary.pdf', 'summary.', 'summary-pdf', '../summary.md']) expect(parseSummaryFileName(bad)).toBeNull();
  });

  it('each render the briefing in their own format', async () => {
    const s = fullSummary();
    const head = async (f: keyof typeof RENDERERS) => Buffer.from(await RENDERERS[f](s, { author: 'Ana Analyst' })).subarray(0, 8).toString('latin1');
    expect(await head('pdf')).toMatch(/^%PDF-/);
    expect(await head('docx')).toMatch(/^PK\u0003\u0004/);
    expect(await head('md')).toBe('# Round ');
    expect(await head('xlsx')).toMatch(/^PK\u0003\u0004/);
    expect(String(RENDERERS.csv(s, { author: '' }))).toMatch(/^\uFEFFmarking,section,negotiation,round,/);
    expect(JSON.parse(String(RENDERERS.json(s, { author: '' })))).toMatchObject({ format: 'round-summary' });
  });
});
