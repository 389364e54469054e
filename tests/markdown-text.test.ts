import { describe, expect, it } from 'vitest';
import { markdownTitle, markdownToSafeHtml, markdownToText } from '@/lib/markdown';

// An update body as the formats that cannot show Markdown give it (lib/markdown.ts): the PDF and Word text,
// feed titles, search snippets. A reader sees the words and where a link goes, never the markup.

describe('an update body without its markup', () => {
  it('keeps a line break typed at the end of a line', () => {
    expect(markdownToText('Lavrov spoke first.  \nWitkoff answered.')).toBe('Lavrov spoke first.\nWitkoff answered.');
  });

  it('gives an image its description and its web address, and an image with neither nothing', () => {
    expect(markdownToText('![Map of the line of contact](https://e.org/map.png)')).toBe('Map of the line of contact (https://e.org/map.png)');
    expect(markdownToText('Talks.\n\n![](ftp://e.org/map.png)')).toBe('Talks.');
  });

  it('gives a link, written in place or by reference, its whole text and its web address', () => {
    expect(markdownToText('See the [**FT** report](https://ft.com/x).')).toBe('See the FT report (https://ft.com/x).');
    expect(markdownToText('See the [**FT** report][ft].\n\n[ft]: https://ft.com/x')).toBe('See the FT report (https://ft.com/x).');
  });

  it('gives an address written as itself once, and no address that is not on the web', () => {
    expect(markdownToText('Read <https://ft.com/x>.')).toBe('Read https://ft.com/x.');
    expect(markdownToText('[the archive](ftp://e.org/http://ft.com/x)')).toBe('the archive');
  });

  it('numbers a list from where it starts, and marks what a task list has done', () => {
    expect(markdownToText('3. Withdrawal\n4. Monitoring')).toBe('3. Withdrawal\n\n4. Monitoring');
    expect(markdownToText('- [x] Prisoner list\n- [ ] Monitoring plan\n- Guarantees')).toBe('• ☑ Prisoner list\n\n• ☐ Monitoring plan\n\n• Guarantees');
  });

  it('gives a table a line per row, its cells apart', () => {
    expect(markdownToText('|  party  | stance |\n| --- | --- |\n| RU |  opposes  |')).toBe('party | stance\n\nRU | opposes');
  });

  it('skips an empty list item instead of writing a bullet with nothing', () => {
    expect(markdownToText('- one\n-\n- two')).toBe('• one\n\n• two');
  });

  it('keeps a code block’s text as typed, and an empty one adds nothing', () => {
    expect(markdownToText('Text:\n\n```\nArticle 5\n```')).toBe('Text:\n\nArticle 5');
    expect(markdownToText('Text:\n\n```\n```')).toBe('Text:');
  });

  it('gives a footnote’s mark nothing and its note as a paragraph', () => {
    expect(markdownToText('Agreed[^1].\n\n[^1]: In principle.')).toBe('Agreed.\n\nIn principle.');
  });
});

describe('a feed title from an update body', () => {
  it('is the first block on one line, without the spaces around it', () => {
    expect(markdownTitle('```\n   Article 5 applies   \n```', 80)).toBe('Article 5 applies');
  });
});

describe('an update body as a feed reader shows it', () => {
  it('keeps GitHub’s strikethrough and tables, as the pages show them', () => {
    expect(markdownToSafeHtml('~~old~~ new')).toBe('<p><del>old</del> new</p>');
    expect(markdownToSafeHtml('| party | stance |\n| --- | --- |\n| RU | opposes |')).toContain('<td>opposes</td>');
  });
});
