import { assertDatum, vandaagInNederland } from '@sociaal-graph/toolkit';

/** A validity period: from `geldigVan` through `geldigTot` inclusive; `geldigTot` null is open-ended. */
export interface Geldigheid {
  readonly geldigVan: string;
  readonly geldigTot: string | null;
}

/**
 * Whether a period covers a date. ISO dates compare as strings; the SQL filters use the same rule
 * (`geldig_van <= d AND (geldig_tot IS NULL OR geldig_tot >= d)`).
 */
export function geldigOp(periode: Geldigheid, datum: string): boolean {
  return periode.geldigVan <= datum && (periode.geldigTot === null || datum <= periode.geldigTot);
}

/** Today's date as 'YYYY-MM-DD' on the Dutch calendar, as the gateway dates the arrangements it asks for. */
export function vandaag(now: Date = new Date()): string {
  return vandaagInNederland(now);
}

/** A validated peildatum argument, or today when the caller gave none. */
export function peildatumOfVandaag(peildatum: string | null | undefined, argument = 'peildatum'): string {
  return peildatum == null ? vandaag() : assertDatum(peildatum, argument);
}
