import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '@/lib/dates';

// A moment on the reader's own clock (the activity page): the browser's zone, or UTC when it is unknown.
describe('a timestamp on the reader’s clock', () => {
  it('reads the same moment in Kyiv, Washington and UTC', () => {
    const at = '2026-02-05T22:30:00.000Z';
    expect(formatTimestamp(at, 'UTC')).toEqual({ text: '5 Feb 2026, 22:30', zone: 'UTC' });
    expect(formatTimestamp(at, 'Europe/Kyiv')).toEqual({ text: '6 Feb 2026, 00:30', zone: 'Europe/Kyiv' });
    expect(formatTimestamp(at, 'America/New_York')).toEqual({ text: '5 Feb 2026, 17:30', zone: 'America/New_York' });
  });

  it('falls back to UTC for a zone that does not exist, and says so', () => {
    expect(formatTimestamp('2026-02-05T22:30:00.000Z', 'Mars/Olympus')).toEqual({ text: '5 Feb 2026, 22:30', zone: 'UTC' });
    expect(formatTimestamp('not a time', 'UTC')).toEqual({ text: 'not a time', zone: 'UTC' });
  });
});
