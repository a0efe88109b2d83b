import { describe, expect, it } from 'vitest';
import { assertBsn, isGeldigBsn } from './bsn.js';
import { leeftijdsklasseVan } from './leeftijdsklasse.js';

describe('elfproef', () => {
  it.each(['111222333', '123456782', '999999990', '999900006'])('accepts %s', (bsn) => {
    expect(isGeldigBsn(bsn)).toBe(true);
    expect(assertBsn(bsn)).toBe(bsn);
  });

  it.each(['123456789', '111222334', '12345678', '1234567820', '12345678a', ' 123456782', ''])('refuses %j', (bsn) => {
    expect(isGeldigBsn(bsn)).toBe(false);
    expect(() => assertBsn(bsn)).toThrow(/elfproef/);
  });
});

describe('leeftijdsklasse', () => {
  it.each([
    [0, '0-17'],
    [17, '0-17'],
    [18, '18-26'],
    [26, '18-26'],
    [27, '27-64'],
    [64, '27-64'],
    [65, '65+'],
    [101, '65+'],
  ])('%i -> %s', (leeftijd, klasse) => {
    expect(leeftijdsklasseVan(leeftijd)).toBe(klasse);
  });
});
