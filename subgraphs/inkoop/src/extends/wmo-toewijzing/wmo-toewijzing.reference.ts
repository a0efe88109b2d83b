import type { WmoToewijzing } from './wmo-toewijzing.type.js';

/** Resolves a WmoToewijzing representation: its key is all inkoop needs to find its declaraties. */
export function resolveWmoToewijzing(reference: { gemeenteCode: string; toewijzingsnummer: string }): WmoToewijzing {
  return { gemeenteCode: reference.gemeenteCode, toewijzingsnummer: reference.toewijzingsnummer };
}
