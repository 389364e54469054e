import { describe, expect, it } from 'vitest';
import { formatDate } from '@/lib/dates';

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
    const start = Date.UTC(1900, 0, 1);
    for (let i = 0; i < 21_000; i++) formatDate(new Date(start + i * 86_400_000).toISOString());
    expect(formatDate('2023-07-04')).toBe('4 Jul 2023');
    expect(formatDate('1999-12-31')).toBe('31 Dec 1999');
  });
});
