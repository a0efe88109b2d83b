import { badUserInput } from '@sociaal-graph/toolkit';

const NINE_DIGITS = /^\d{9}$/;

/**
 * The elfproef of the BSN (iWmo/iJw rule CS002): nine digits d1..d9 with
 * 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11.
 */
export function isGeldigBsn(bsn: string): boolean {
  if (!NINE_DIGITS.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}

/** Refuses anything that is not a BSN passing the elfproef, with BAD_USER_INPUT. */
export function assertBsn(bsn: string, argument = 'bsn'): string {
  if (!isGeldigBsn(bsn)) {
    // The refused value is not echoed: it may be a real BSN with a typo.
    throw badUserInput('Het opgegeven BSN is ongeldig: een BSN bestaat uit negen cijfers en voldoet aan de elfproef.', {
      argument,
    });
  }
  return bsn;
}
