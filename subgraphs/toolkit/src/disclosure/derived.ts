import { DISCLOSURE_THRESHOLD, type Published, withheld } from './policy.js';

/**
 * Derived values (issue 10): shares, averages and durations come only from published values, so they
 * carry no more than those do, and are withheld where their inputs are.
 */

/**
 * A share `numerator / denominator` from their published values, to `decimals` decimals (default 2: a
 * share of counts rounded to 5 is not better than that). Withheld (AFGELEID_VAN_ONDERDRUKT) when
 * either is withheld, or when the raw numerator or its complement (denominator minus numerator) has
 * fewer than 10 contributors: a share of 100% or near it says something about every one of them.
 */
export function publishShare(
  numerator: Published,
  denominator: Published,
  raw: { numerator: number; denominator: number },
  decimals = 2,
): Published {
  if (numerator.waarde === null || denominator.waarde === null || denominator.waarde === 0) return withheld('AFGELEID_VAN_ONDERDRUKT');
  if (raw.numerator < DISCLOSURE_THRESHOLD || raw.denominator - raw.numerator < DISCLOSURE_THRESHOLD) {
    return withheld('AFGELEID_VAN_ONDERDRUKT');
  }
  const factor = 10 ** decimals;
  return { waarde: Math.round((numerator.waarde / denominator.waarde) * factor) / factor, onderdrukt: null, bewerking: 'AFGELEID' };
}

/**
 * An average `sum / count` from their published values (the sum perturbed, the count rounded), to
 * `decimals` decimals; withheld when either is.
 */
export function publishAverage(sum: Published, count: Published, decimals: number): Published {
  if (sum.waarde === null || count.waarde === null || count.waarde === 0) return withheld('AFGELEID_VAN_ONDERDRUKT');
  const factor = 10 ** decimals;
  return { waarde: Math.round((sum.waarde / count.waarde) * factor) / factor, onderdrukt: null, bewerking: 'AFGELEID' };
}
