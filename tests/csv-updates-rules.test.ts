import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, parseUpdatesCsv, type CsvContext } from '@/lib/import/updates-csv';

// What a spreadsheet of updates must hold to be imported (lib/import/updates-csv.ts): checked whole, every error by row.

const context: CsvContext = {
  issues: [
    { id: 11, title: 'Donbas status' },
    { id: 12, title: 'Prisoner exchanges' },
  ],
  parties: [
    { id: 21, name: 'Russia', shortName: 'RU' },
    { id: 22, name: 'Ukraine', shortName: 'UA' },
  ],
};
const HEADER = CSV_COLUMNS.join(',');
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const GOOD = '2026-02-05,Lavrov called the guarantees nonsense,Donbas status,Russia,El País,https://elpais.com/a,nonsense';

function errorsOf(text: string): string[] {
  const result = parseUpdatesCsv(text, context);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}
function rowsOf(text: string) {
  const result = parseUpdatesCsv(text, context);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.rows;
}

describe('an updates spreadsheet', () => {
  it('reads a good row as an update with its issue, party and source', () => {
    expect(rowsOf(csv(GOOD))).toEqual([
      {
        row: 2,
        occurredOn: '2026-02-05',
        body: 'Lavrov called the guarantees nonsense',
        issueIds: [11],
        partyIds: [21],
        source: { outlet: 'El País', title: '', url: 'https://elpais.com/a', publishedOn: null, quote: 'nonsense', reliability: 'F', credibility: 6 },
      },
    ]);
  });

  it('reads a file saved by Excel, with its byte order mark and spaced, capitalised headers', () => {
    const text = '\uFEFFDate,Text,Issue,Party,Source Outlet,Source  URL,Quote\n2026-02-05,Talks,,,FT,,';
    expect(rowsOf(text).map((r) => [r.occurredOn, r.body, r.source.outlet])).toEqual([['2026-02-05', 'Talks', 'FT']]);
  });

  it('takes the optional grading and title columns, in any case', () => {
    const text = `${HEADER},reliability,credibility,source_title\n2026-02-05,Talks,,,FT,http://ft.com/x,,b,2,Talks stall`;
    expect(rowsOf(text)[0].source).toEqual({ outlet: 'FT', title: 'Talks stall', url: 'http://ft.com/x', publishedOn: null, quote: '', reliability: 'B', credibility: 2 });
  });

  it('refuses an unreadable, an empty or a header-only file', () => {
    expect(errorsOf('date,text\n"unclosed')[0]).toMatch(/^The file is not valid CSV: /);
    expect(errorsOf('')).toEqual(['The file is empty.']);
    expect(errorsOf('\n\n')).toEqual(['The file is empty.']);
    expect(errorsOf(HEADER)).toEqual(['The file has a header but no rows.']);
  });

  it('names the columns a header lacks, and any it does not know', () => {
    expect(errorsOf('date,text,issue\n2026-02-05,x,y')).toEqual([
      `Row 1: the header lacks the column(s) party, source_outlet, source_url, quote. Expected: ${HEADER}.`,
    ]);
    expect(errorsOf(`${HEADER},mood,tone\n${GOOD},,`)).toEqual(['Row 1: unknown column(s) mood, tone.']);
    // An empty header cell (a trailing comma) is no column.
    expect(rowsOf(`${HEADER},\n${GOOD},`)).toHaveLength(1);
  });

  it('takes up to 5000 rows at once', () => {
    const row = '2026-02-05,Talks,,,FT,,';
    expect(rowsOf(csv(...Array.from({ length: 5000 }, () => row)))).toHaveLength(5000);
    expect(errorsOf(csv(...Array.from({ length: 5001 }, () => row)))).toEqual(['The file has 5001 rows; at most 5000 can be imported at once.']);
  });

  it('numbers rows as the spreadsheet does, the header being row 1', () => {
    expect(rowsOf(csv(GOOD, GOOD, GOOD)).map((r) => r.row)).toEqual([2, 3, 4]);
    expect(errorsOf(csv(GOOD, GOOD, ',Talks,,,FT,,'))).toEqual(['Row 4: date is missing.']);
  });

  it('needs a real date and a text', () => {
    expect(errorsOf(csv('2026-02-30,Talks,,,FT,,', '05/02/2026,Talks,,,FT,,', '2026-02-05,,,,FT,,'))).toEqual([
      "Row 2: date '2026-02-30' is not a real date (YYYY-MM-DD).",
      "Row 3: date '05/02/2026' is not a real date (YYYY-MM-DD).",
      'Row 4: text is missing.',
    ]);
  });

  it('takes a text of up to 20000 characters', () => {
    expect(rowsOf(csv(`2026-02-05,${'x'.repeat(20000)},,,FT,,`))[0].body).toHaveLength(20000);
    expect(errorsOf(csv(`2026-02-05,${'x'.repeat(20001)},,,FT,,`))).toEqual(['Row 2: text is longer than 20000 characters.']);
  });

  it('finds issues by title and parties by name or short name, whatever the case, several to a cell, each once', () => {
    const [r] = rowsOf(csv('2026-02-05,Talks," donbas STATUS ; Prisoner exchanges;;Donbas status","ua; Russia; Ukraine",FT,,'));
    expect(r.issueIds).toEqual([11, 12]);
    expect(r.partyIds).toEqual([22, 21]);
  });

  it('names each issue and party it cannot find', () => {
    expect(errorsOf(csv('2026-02-05,Talks,Fishing rights ;Donbas status,Atlantis ; RU,FT,,'))).toEqual([
      "Row 2: issue 'Fishing rights' is not in this negotiation.",
      "Row 2: party 'Atlantis' is not at the table in this negotiation.",
    ]);
  });

  it('needs a source outlet of up to 200 characters', () => {
    expect(rowsOf(csv(`2026-02-05,Talks,,,${'o'.repeat(200)},,`))[0].source.outlet).toHaveLength(200);
    expect(errorsOf(csv('2026-02-05,Talks,,,,,', `2026-02-05,Talks,,,${'o'.repeat(201)},,`))).toEqual([
      'Row 2: source_outlet is missing (every update needs its source).',
      'Row 3: source_outlet is longer than 200 characters.',
    ]);
  });

  it('takes only an http or https address as the source URL, and none as none', () => {
    expect(rowsOf(csv('2026-02-05,Talks,,,FT,,'))[0].source.url).toBeNull();
    expect(rowsOf(csv('2026-02-05,Talks,,,FT,http://ft.com,'))[0].source.url).toBe('http://ft.com');
    expect(errorsOf(csv('2026-02-05,Talks,,,FT,ftp://ft.com/a,', '2026-02-05,Talks,,,FT,ft.com/a,'))).toEqual([
      "Row 2: source_url 'ftp://ft.com/a' is not an http:// or https:// address.",
      "Row 3: source_url 'ft.com/a' is not an http:// or https:// address.",
    ]);
  });

  it('takes a quote of up to 5000 characters', () => {
    expect(rowsOf(csv(`2026-02-05,Talks,,,FT,,${'q'.repeat(5000)}`))[0].source.quote).toHaveLength(5000);
    expect(errorsOf(csv(`2026-02-05,Talks,,,FT,,${'q'.repeat(5001)}`))).toEqual(['Row 2: quote is longer than 5000 characters.']);
  });

  it('grades an ungraded source F6, and refuses a grade off the Admiralty scale', () => {
    const graded = (reliability: string, credibility: string) => `${HEADER},reliability,credibility\n2026-02-05,Talks,,,FT,,,${reliability},${credibility}`;
    expect(rowsOf(graded('', ''))[0].source).toMatchObject({ reliability: 'F', credibility: 6 });
    expect(rowsOf(graded('a', '1'))[0].source).toMatchObject({ reliability: 'A', credibility: 1 });
    expect(errorsOf(graded('G', '7'))).toEqual(["Row 2: reliability 'G' is not one of A–F.", "Row 2: credibility '7' is not a number from 1 to 6."]);
    expect(errorsOf(graded('AB', '1.0'))).toEqual(["Row 2: reliability 'AB' is not one of A–F.", "Row 2: credibility '1.0' is not a number from 1 to 6."]);
    expect(errorsOf(graded('B', '12'))).toEqual(["Row 2: credibility '12' is not a number from 1 to 6."]);
  });

  it('trims spaces inside quoted cells too, but keeps a no-break space inside a text', () => {
    const [r] = rowsOf(csv('" 2026-02-05 ","  Talks in Abu\uFEFFDhabi  ",,," FT ",,'));
    expect([r.occurredOn, r.body, r.source.outlet]).toEqual(['2026-02-05', 'Talks in Abu\uFEFFDhabi', 'FT']);
  });

  it('reads a row written with a space after each comma, a quoted text with commas included', () => {
    const [r] = rowsOf(csv('2026-02-05, "Talks, then more talks", Donbas status , Russia, FT, ,'));
    expect([r.body, r.issueIds, r.partyIds, r.source.outlet]).toEqual(['Talks, then more talks', [11], [21], 'FT']);
  });

  it('refuses a date the calendar can read that is not a day written YYYY-MM-DD (a month of the year 10000)', () => {
    expect(errorsOf(csv('+010000-01,Talks,,,FT,,'))).toEqual(["Row 2: date '+010000-01' is not a real date (YYYY-MM-DD)."]);
  });

  it('reads a short row as having empty cells', () => {
    expect(errorsOf(csv('2026-02-05,Talks'))).toEqual(['Row 2: source_outlet is missing (every update needs its source).']);
  });

  it('lists the first 100 errors and counts the rest', () => {
    const bad = '2026-02-30,Talks,,,FT,,';
    expect(errorsOf(csv(...Array.from({ length: 100 }, () => bad)))).toHaveLength(100);
    const errors = errorsOf(csv(...Array.from({ length: 103 }, () => bad)));
    expect(errors).toHaveLength(101);
    expect(errors[99]).toBe("Row 101: date '2026-02-30' is not a real date (YYYY-MM-DD).");
    expect(errors[100]).toBe('…and 3 more errors.');
  });
});
