// A briefing's CSV as a spreadsheet reads it: parsed back with csv-parse (RFC 4180), not by string matching.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, csvLine, neutraliseCell, renderCsv } from '@/lib/exports/csv';
import { fullSummary } from './summary-sample';

type Row = Record<(typeof CSV_COLUMNS)[number] | 'section', string>;
const readAll = (csv: string): Row[] => parse(csv, { bom: true, columns: true, record_delimiter: '\r\n' });
/** The position rows: the briefing's CSV also holds its homework and outcomes (tests/spreadsheets.test.ts). */
const read = (csv: string): Row[] => readAll(csv).filter((r) => r.section === 'position');

describe('a briefing in a spreadsheet', () => {
  const csv = renderCsv(fullSummary());
  const rows = read(csv);

  it('opens in Excel as UTF-8 with one named column per fact and Windows line ends', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // The marking first, then which section a row is of, then the position columns, then those of homework and outcomes.
    expect(csv.slice(1).split('\r\n')[0]).toMatch(new RegExp(`^marking,section,${CSV_COLUMNS.slice(1).join(',')},homework,`));
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('has one row per issue and party, and one row for an issue no party holds a position on', () => {
    expect(rows.map((r) => [r.issue, r.party])).toEqual([
      ['Donbas status', 'Russia'],
      ['Donbas status', 'Ukraine'],
      ['Donbas status', 'United States'],
      ['Military-to-military dialogue', ''],
    ]);
  });

  it('repeats the round and the issue on every row, with the status moves in words', () => {
    for (const r of readAll(csv)) expect(r).toMatchObject({ negotiation: 'Russia–Ukraine peace talks', round: 'Abu Dhabi round 2', round_starts_on: '2026-02-04', round_ends_on: '2026-02-05' });
    expect(rows[0]).toMatchObject({ issue_negotiation: 'Russia–Ukraine peace talks', status_before: 'under discussion', status_after: 'deadlocked', status_changed: 'yes' });
    expect(rows[3]).toMatchObject({ issue_negotiation: 'US–Russia strategic stability', status_before: 'proposed', status_after: 'proposed', status_changed: 'no' });
  });

  it('gives each position with its source, and says when a party has none', () => {
    expect(rows[0]).toEqual({
      ...rows[0],
      stance: 'opposes',
      flexibility: 'rigid',
      position: 'Ukrainian withdrawal from Donbas',
      red_lines: 'International recognition as Russian',
      as_of: '2026-02-05',
      recorded_at_this_round: 'yes',
      what_changed: 'Stance conditional → opposes.',
      source_outlet: 'El País',
      source_cites: 'TASS',
      source_published_on: '2026-02-06',
      source_reliability: 'C',
      source_credibility: '3',
      source_quote: '',
    });
    expect(rows[1]).toMatchObject({ recorded_at_this_round: 'no', source_outlet: 'Financial Times', source_cites: '', source_quote: 'significant work remains' });
    expect(rows[2]).toMatchObject({ stance: '', flexibility: '', position: 'No position recorded.', recorded_at_this_round: '', what_changed: '', source_outlet: '' });
    expect(rows[3]).toMatchObject({ stance: '', position: '', recorded_at_this_round: '' });
  });
});

describe('a briefing’s CSV never runs what an analyst typed', () => {
  const hostile = '=HYPERLINK("http://evil.example","click")';

  it('neutralises a formula in every cell of the row', () => {
    const s = fullSummary();
    const p = s.issues[0].positions[0].position!;
    const formulas = { ...s, negotiation: { ...s.negotiation, name: hostile, marking: '=TLP' } };
    formulas.round = { ...s.round, name: '+1+1' };
    formulas.issues = [
      {
        ...s.issues[0],
        title: '-2+3',
        negotiationName: '@SUM(A1)',
        positions: [
          {
            ...s.issues[0].positions[0],
            partyName: '\t=1',
            position: { ...p, summary: '  =1', redLines: '\r=1', change: '=1', source: { ...p.source!, outlet: '=1', citedOutlet: '+1', quote: '-1', reliability: '@1' } },
          },
        ],
      },
    ];
    const [row] = read(renderCsv(formulas));
    const userCells = Object.entries(row).filter(([column]) => (CSV_COLUMNS as readonly string[]).includes(column)).filter(([column]) => !['round_starts_on', 'round_ends_on', 'status_before', 'status_after', 'status_changed', 'stance', 'flexibility', 'as_of', 'recorded_at_this_round', 'source_published_on', 'source_credibility', 'round_dates', 'source_published'].includes(column));
    expect(userCells).toHaveLength(13);
    for (const [column, value] of userCells) expect([column, value.startsWith("'")]).toEqual([column, true]);
    expect(row.negotiation).toBe(`'${hostile}`);
    expect(row.red_lines).toBe("'\n=1");
  });

  it('leaves text that only holds a sign later on, and numbers, as they are', () => {
    for (const text of ['Donbas status', 'a=b', '1+1', ' x = y', '']) expect(neutraliseCell(text)).toBe(text);
    for (const lead of ['=', '+', '-', '@', '\t', '\r', '  =', ' \t-']) expect(neutraliseCell(`${lead}1`)).toBe(`'${lead}1`);
    expect(csvLine([-3, 0, true, false, null, undefined, 'x'])).toBe('-3,0,true,false,,,x');
  });

  it('quotes a field with a comma, a quote or a line break, and doubles its quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('old\rmac')).toBe('"old\rmac"');
  });

  it('drops control characters an analyst pasted', () => {
    const s = fullSummary();
    const [row] = read(renderCsv({ ...s, issues: [{ ...s.issues[0], title: 'Donbas\u0000 status\u0007' }] }));
    expect(row.issue).toBe('Donbas status');
  });
});
