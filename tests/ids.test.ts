import { describe, expect, it } from 'vitest';
import { parseId } from '@/lib/ids';

/** A small seeded generator (mulberry32), so a failure names a case that can be run again. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
    const next = random(12);
    for (let i = 0; i < 2000; i += 1) {
      const n = 1 + Math.floor(next() * (next() < 0.5 ? 1000 : Number.MAX_SAFE_INTEGER));
      expect(parseId(String(n))).toBe(n);
    }
  });

  it('on arbitrary text, accepts exactly the strings that are their own number printed back', () => {
    const next = random(2026);
    const alphabet = '0123456789-+.eExX ab';
    for (let i = 0; i < 5000; i += 1) {
      const length = Math.floor(next() * 8);
      let text = '';
      for (let k = 0; k < length; k += 1) text += alphabet[Math.floor(next() * alphabet.length)];
      const n = Number(text);
      const canonical = text !== '' && Number.isSafeInteger(n) && n > 0 && String(n) === text;
      expect(parseId(text), JSON.stringify(text)).toBe(canonical ? n : null);
    }
  });
});
