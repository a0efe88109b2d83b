import { expect } from 'vitest';
import { COUNT_BASE, DISCLOSURE_THRESHOLD } from '../disclosure/policy.js';

/**
 * Checks for tests that recompute an aggregate from the demo world (issue 10): they apply the policy's
 * rules independently of its code, so that a test fails when a published value says more than the rules allow.
 */

/** A value as a response publishes it. */
export interface PublishedValue {
  waarde: number | null;
  onderdrukt: string | null;
  bewerking?: string | null;
}

/**
 * A published count against the truth: withheld (KLEIN_AANTAL) under 10 contributors; otherwise
 * either withheld for another reason (secondary) or a multiple of 5 less than 5 from the truth.
 */
export function expectCount(published: PublishedValue | null | undefined, truth: { value: number; contributors?: number }, label = ''): void {
  const contributors = truth.contributors ?? truth.value;
  if (contributors < DISCLOSURE_THRESHOLD) {
    expect(published, label).toMatchObject({ waarde: null, onderdrukt: expect.stringMatching(/^(KLEIN_AANTAL|ONVOLLEDIGE_PERIODE)$/) });
    return;
  }
  if (published?.waarde === null) {
    expect(published.onderdrukt, label).toMatch(/^(AFLEIDBAAR|ONVOLLEDIGE_PERIODE)$/);
    return;
  }
  expect(published?.waarde ?? NaN, label).toSatisfy((waarde: number) => waarde % COUNT_BASE === 0 && Math.abs(waarde - truth.value) < COUNT_BASE);
  expect(published?.bewerking, label).toBe('CELSLEUTEL_AFRONDING');
}

/**
 * A published amount against the truth: withheld under 10 contributors or where one contributor has more
 * than half; otherwise within half the largest contribution (plus the rounding `unit`) from the truth.
 */
export function expectAmount(
  published: PublishedValue | null | undefined,
  truth: { value: number; contributors: number; largest: number },
  unit = 10_000,
  label = '',
): void {
  if (truth.contributors < DISCLOSURE_THRESHOLD) {
    expect(published, label).toMatchObject({ waarde: null, onderdrukt: 'KLEIN_AANTAL' });
    return;
  }
  if (Math.abs(truth.largest) > Math.abs(truth.value) / 2) {
    expect(published, label).toMatchObject({ waarde: null, onderdrukt: 'DOMINANTIE' });
    return;
  }
  if (published?.waarde === null) {
    expect(published.onderdrukt, label).toMatch(/^(AFLEIDBAAR|ONVOLLEDIGE_PERIODE)$/);
    return;
  }
  expect(Math.abs((published?.waarde ?? NaN) - truth.value), label).toBeLessThanOrEqual(Math.abs(truth.largest) / 2 + unit / 2);
}

/**
 * An additive relation as published: it withholds no part, or at least two whose truths together have
 * at least 10 contributors; and a withheld total never stands beside only published parts.
 */
export function expectRelationProtected(
  total: PublishedValue,
  parts: readonly { published: PublishedValue; contributors: number }[],
  label = '',
): void {
  const hidden = parts.filter((part) => part.published.waarde === null);
  if (total.waarde === null) {
    if (parts.length > 0) expect(hidden.length, `${label}: a withheld total beside only published parts`).toBeGreaterThan(0);
    return;
  }
  expect(hidden.length, `${label}: exactly one withheld part beside a published total`).not.toBe(1);
  if (hidden.length > 0) {
    expect(hidden.reduce((sum, part) => sum + part.contributors, 0), `${label}: the withheld parts describe fewer than 10`).toBeGreaterThanOrEqual(
      DISCLOSURE_THRESHOLD,
    );
  }
}

/**
 * A share derived by the policy (`publishShare`) from counts each within 4 of the truth: withheld where
 * the raw numerator or its complement is under 10; otherwise within what two such roundings and the
 * published two decimals allow of `teller / noemer`. Withheld for another reason (a withheld count) passes.
 */
export function expectShare(published: PublishedValue, teller: number, noemer: number, label = ''): void {
  if (teller < DISCLOSURE_THRESHOLD || noemer - teller < DISCLOSURE_THRESHOLD) {
    expect(published.waarde, label).toBeNull();
    return;
  }
  if (published.waarde === null) {
    expect(published.onderdrukt, label).toBe('AFGELEID_VAN_ONDERDRUKT');
    return;
  }
  const bound = ((COUNT_BASE - 1) / noemer) * (1 + teller / noemer) / (1 - (COUNT_BASE - 1) / noemer) + 0.005 + 1e-9;
  expect(Math.abs(published.waarde - teller / noemer), label).toBeLessThanOrEqual(bound);
  expect(Math.round(published.waarde * 100) / 100, `${label}: two decimals`).toBe(published.waarde);
}
