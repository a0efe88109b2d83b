import type { JeugdToewijzing } from './jeugd-toewijzing.type.js';

/** Resolves a JeugdToewijzing representation: its key is all inkoop needs to find its declaraties. */
export function resolveJeugdToewijzing(reference: { gemeenteCode: string; toewijzingsnummer: string }): JeugdToewijzing {
  return { gemeenteCode: reference.gemeenteCode, toewijzingsnummer: reference.toewijzingsnummer };
}
