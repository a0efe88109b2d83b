import { describe, expect, it } from 'vitest';
import { pageInfo, pageOf } from './paging.js';

describe('pageOf', () => {
  it('defaults to the first 50 items', () => {
    expect(pageOf({})).toEqual({ first: 50, offset: 0 });
  });

  it.each([[{ first: -1 }], [{ first: 501 }], [{ offset: -5 }], [{ first: 1.5 }]])('refuses %j with BAD_USER_INPUT', (args) => {
    expect(() => pageOf(args)).toThrowError(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  it('says whether another page follows', () => {
    expect(pageInfo(120, { first: 50, offset: 50 }, 50)).toEqual({ totaal: 120, offset: 50, heeftVolgende: true });
    expect(pageInfo(120, { first: 50, offset: 100 }, 20).heeftVolgende).toBe(false);
  });
});
