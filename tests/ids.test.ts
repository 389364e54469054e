import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseId } from '@/lib/ids';

describe('parseId: one spelling per record', () => {
  it('accepts the canonical spelling of a positive safe integer', () => {
    expect(parseId('12')).toBe(12);
    expect(parseId('1')).toBe(1);
    expect(parseId(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseId(7)).toBe(7);
  });

  it('refuses every other spelling, so no two URLs name the same record', () => {
    for (const value of ['012', '1e3', '12abc', '-1', '0', '', ' 12', '12 ', '+12', '1.0', '1.5', '0x10', '１２', 'NaN', 'Infinity']) {
      expect(parseId(value), JSON.stringify(value)).toBeNull();
    }
    expect(parseId(String(Number.MAX_SAFE_INTEGER + 1))).toBeNull();
    expect(parseId('99999999999999999999')).toBeNull();
  });

  it('refuses what is not a string or a whole positive number', () => {
    for (const value of [undefined, null, 0, -3, 1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, ['12'], { id: 12 }, true, 12n]) {
      expect(parseId(value), String(value)).toBeNull();
    }
  });

  it('reads back every positive safe integer it is given as text', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n) => parseId(String(n)) === n));
  });

  it('on arbitrary text, accepts exactly the strings that are their own number printed back', () => {
    const text = fc.oneof(fc.string(), fc.stringMatching(/^[-+0-9.eExX ab]{0,8}$/));
    fc.assert(
      fc.property(text, (t) => {
        const n = Number(t);
        const canonical = t !== '' && Number.isSafeInteger(n) && n > 0 && String(n) === t;
        return parseId(t) === (canonical ? n : null);
      }),
      { numRuns: 5000 },
    );
  });
});
