import { describe, expect, it } from 'vitest';
import { assertAgbCode, assertDatum, assertGemeentecode, assertInwonerId, formatEurocent } from './domain.js';

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('input checks', () => {
  it('accepts CBS codes with leading zeros and refuses anything else', () => {
    expect(assertGemeentecode('0406')).toBe('0406');
    expect(code(() => assertGemeentecode('406'))).toBe('BAD_USER_INPUT');
    expect(code(() => assertGemeentecode('GM0406'))).toBe('BAD_USER_INPUT');
  });

  it('checks AGB codes, pseudonyms and calendar dates', () => {
    expect(code(() => assertAgbCode('98123456'))).toBe('ok');
    expect(code(() => assertAgbCode('9812345'))).toBe('BAD_USER_INPUT');
    expect(code(() => assertInwonerId('0123456789abcdef0123456789abcdef'))).toBe('ok');
    expect(code(() => assertInwonerId('123456782'))).toBe('BAD_USER_INPUT');
    expect(code(() => assertDatum('2025-02-28', 'd'))).toBe('ok');
    expect(code(() => assertDatum('2025-02-30', 'd'))).toBe('BAD_USER_INPUT');
  });

  it('formats eurocent the Dutch way', () => {
    expect(formatEurocent(123456789)).toBe('€ 1.234.567,89');
    expect(formatEurocent(-5)).toBe('-€ 0,05');
  });
});
