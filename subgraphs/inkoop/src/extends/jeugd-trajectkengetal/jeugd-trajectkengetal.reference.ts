import type { JeugdTrajectkengetal } from './jeugd-trajectkengetal.type.js';

/** Resolves a JeugdTrajectkengetal representation: its key and (when @requires fetched it) the published client count is all inkoop needs. */
export function resolveJeugdTrajectkengetal(reference: JeugdTrajectkengetal): JeugdTrajectkengetal {
  return {
    gemeenteCode: reference.gemeenteCode,
    jaar: reference.jaar,
    indeling: reference.indeling,
    groepCode: reference.groepCode,
    aantalClienten: reference.aantalClienten,
  };
}
