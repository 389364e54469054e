import { describe, expect, it } from 'vitest';
import { formatDate, formatDateMemorySize } from '@/lib/dates';

describe('formatDate', () => {
  it('writes a calendar date as day, short month and year, in UTC', () => {
    expect(formatDate('2026-03-12')).toBe('12 Mar 2026');
    expect(formatDate('2025-12-31T23:30:00Z')).toBe('31 Dec 2025');
    expect(formatDate('2024-02-29')).toBe('29 Feb 2024');
  });

  it('shows a dash for no date and the text itself for something that is not a date', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('gives the same text from its memory, also after the memory was emptied on overflow', () => {
    const first = formatDate('2023-07-04');
    expect(formatDate('2023-07-04')).toBe(first);
    // Fill the memory to its bound of 20,000 dates with days it has not seen.
    const day = (i: number) => new Date(Date.UTC(1900, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    let i = 0;
    while (formatDateMemorySize() < 20_000 && i < 25_000) formatDate(day(i++));
    expect(formatDateMemorySize()).toBe(20_000);
    // The next new date empties it and is the only one held; one already held does not.
    expect(formatDate(day(i - 1))).toBe(formatDate(day(i - 1)));
    expect(formatDateMemorySize()).toBe(20_000);
    formatDate(day(i));
    expect(formatDateMemorySize()).toBe(1);
    expect(formatDate('2023-07-04')).toBe('4 Jul 2023');
    expect(formatDate('1999-12-31')).toBe('31 Dec 1999');
    expect(formatDateMemorySize()).toBe(3);
  });

  it('shows a date in any other spelling as written, never guessing day or month first', () => {
    expect(formatDate('03/12/2026')).toBe('03/12/2026');
    expect(formatDate('2026-13-01')).toBe('2026-13-01');
  });
});
