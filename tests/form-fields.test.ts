import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enumField, fieldErrors, id, idList, isoDate, multiValue, optionalId, optionalIsoDate, optionalText, optionalUrl, requiredText } from '@/lib/validation/fields';
import { sentList, sentText } from '@/lib/validation/form-values';

// The field rules every form shares (lib/validation/fields.ts), with the message an analyst reads beside the field.

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0].message;

describe('text fields', () => {
  it('a required text is trimmed, and blank is missing', () => {
    const title = requiredText('Title', 10);
    expect(title.parse('  Donbas  ')).toBe('Donbas');
    expect(messageOf(title, '   ')).toBe('Title is required.');
    expect(messageOf(title, undefined)).toBe('Title is required.');
  });

  it('a required text has a length limit, counted after trimming', () => {
    const title = requiredText('Title', 10);
    expect(title.parse(` ${'x'.repeat(10)} `)).toBe('x'.repeat(10));
    expect(messageOf(title, 'x'.repeat(11))).toBe('Title must be at most 10 characters.');
    expect(requiredText('Name').safeParse('x'.repeat(500)).success).toBe(true);
    expect(messageOf(requiredText('Name'), 'x'.repeat(501))).toBe('Name must be at most 500 characters.');
  });

  it('an optional text is empty when not sent, trimmed, and limited', () => {
    expect(optionalText().parse(undefined)).toBe('');
    expect(optionalText().parse('  note ')).toBe('note');
    expect(optionalText().safeParse('x'.repeat(5000)).success).toBe(true);
    expect(messageOf(optionalText(), 'x'.repeat(5001))).toBe('At most 5000 characters.');
    expect(messageOf(optionalText(20), 'x'.repeat(21))).toBe('At most 20 characters.');
  });
});

describe('date fields', () => {
  it('a date is a real calendar day written YYYY-MM-DD', () => {
    expect(isoDate().parse(' 2024-02-29 ')).toBe('2024-02-29');
    // '+010000-01' is a month of the year 10000 to the calendar, and reads back as itself: still no day.
    for (const wrong of ['2026-02-30', '2025-02-29', '2026-2-5', '05/02/2026', '2026-02-05T10:00', '20260205', '+010000-01', '']) {
      expect(messageOf(isoDate('Date of the change'), wrong), wrong).toBe('Date of the change must be a real date (YYYY-MM-DD).');
    }
    expect(messageOf(isoDate(), undefined)).toBe('Date is required.');
    expect(messageOf(isoDate(), '2026-13-01')).toBe('Date must be a real date (YYYY-MM-DD).');
  });

  it('an optional date left empty is no date', () => {
    expect(optionalIsoDate().parse(undefined)).toBeNull();
    expect(optionalIsoDate().parse('  ')).toBeNull();
    expect(optionalIsoDate().parse('2026-02-05')).toBe('2026-02-05');
    expect(messageOf(optionalIsoDate('Due date'), '2026-02-30')).toBe('Due date must be a real date (YYYY-MM-DD).');
    expect(messageOf(optionalIsoDate(), 'soon')).toBe('Date must be a real date (YYYY-MM-DD).');
  });
});

describe('a source address', () => {
  it('is a full http or https address, or none', () => {
    expect(optionalUrl.parse(' https://www.ft.com/x ')).toBe('https://www.ft.com/x');
    expect(optionalUrl.parse(undefined)).toBeNull();
    for (const wrong of ['ft.com/x', 'javascript:alert(1)', 'ftp://ft.com/x', 'mailto:desk@ft.com']) {
      expect(messageOf(optionalUrl, wrong), wrong).toBe('Give a full http:// or https:// address.');
    }
  });

  it('is at most 2000 characters', () => {
    const base = 'https://ft.com/';
    expect(optionalUrl.safeParse(base + 'a'.repeat(2000 - base.length)).success).toBe(true);
    expect(messageOf(optionalUrl, base + 'a'.repeat(2001 - base.length))).toBe('At most 2000 characters.');
  });
});

describe('choices', () => {
  it('an id is a whole positive number, sent as text', () => {
    expect(id().parse('12')).toBe(12);
    expect(messageOf(id('Round'), '0')).toBe('Round is required.');
    expect(messageOf(id('Round'), '-3')).toBe('Round is required.');
    expect(id('Round').safeParse('1.5').success).toBe(false);
    expect(messageOf(id('Round'), 'x')).toBe('Round is required.');
    expect(messageOf(id(), '')).toBe('Value is required.');
  });

  it('an optional id left unchosen is none', () => {
    expect(optionalId.parse('')).toBeNull();
    expect(optionalId.parse(undefined)).toBeNull();
    expect(optionalId.parse('7')).toBe(7);
    expect(optionalId.safeParse('0').success).toBe(false);
    expect(optionalId.safeParse('2.5').success).toBe(false);
  });

  it('a choice from a list names the list when nothing fits', () => {
    const stance = enumField(['supports', 'opposes'] as const, 'stance');
    expect(stance.parse('opposes')).toBe('opposes');
    expect(messageOf(stance, 'maybe')).toBe('Choose a stance.');
  });

  it('several values are trimmed, empty ones and repeats dropped, numbers read as text', () => {
    expect(multiValue().parse([' Kyiv ', '', 'Kyiv', 'Moscow', '  '])).toEqual(['Kyiv', 'Moscow']);
    expect(multiValue().parse(3)).toEqual(['3']);
    expect(multiValue().parse(' ')).toEqual([]);
    expect(idList('owners').parse([' 3 ', 3, '4'])).toEqual([3, 4]);
    expect(idList('owners').safeParse(['1.5']).error?.issues[0].message).toBe('Choose owners from the list.');
    expect(idList('owners').safeParse(['-2']).success).toBe(false);
  });
});

describe('errors beside each field', () => {
  it('lists each field’s messages under its name', () => {
    const schema = z.object({ title: requiredText('Title'), startsOn: optionalIsoDate('Start date') });
    const result = schema.safeParse({ title: ' ', startsOn: 'soon' });
    expect(fieldErrors(result.error!)).toEqual({ title: ['Title is required.'], startsOn: ['Start date must be a real date (YYYY-MM-DD).'] });
  });
});

describe('a refused form shown again', () => {
  it('shows each field’s text, and a repeated field’s last value, with nothing for none', () => {
    expect(sentText({ title: 'T', owners: ['1', '2', '3'], none: [] })).toEqual({ title: 'T', owners: '3', none: '' });
    expect(sentText(undefined)).toEqual({});
    expect(sentList(undefined, 'owners')).toEqual([]);
    expect(sentList({ owners: '1' }, 'owners')).toEqual(['1']);
  });
});
