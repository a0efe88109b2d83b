import type { MandateClaims } from '@sociaal-graph/toolkit/gateway';
import type { Role } from './roles.js';

/** One arrangement of an organisation, as the gemeenten subgraph returns it. */
export interface Arrangement {
  readonly gemeenteCode: string;
  readonly wet: string;
  readonly rol: string;
}

/** The arrangement roles (Rol) each caller role acts in; roles not listed get no row mandates. */
const ARRANGEMENT_ROLES: Partial<Record<Role, readonly string[]>> = {
  consulent: ['TOEGANG', 'UITVOERING'],
  backoffice: ['UITVOERING'],
  inkoper: ['INKOOP', 'CONTRACTBEHEER'],
};

/**
 * Turns an organisation's arrangements valid today into mandates `{ WET: { ROL: gemeenten } }`
 * for the caller's roles: an arrangement counts when its rol is one the caller's role acts in.
 */
export function mandatesForRoles(arrangements: readonly Arrangement[], roles: readonly Role[]): MandateClaims {
  const allowed = new Set(roles.flatMap((role) => ARRANGEMENT_ROLES[role] ?? []));
  const mandates: Record<string, Record<string, string[]>> = {};
  for (const { gemeenteCode, wet, rol } of arrangements) {
    if (!allowed.has(rol)) continue;
    const codes = ((mandates[wet] ??= {})[rol] ??= []);
    if (!codes.includes(gemeenteCode)) codes.push(gemeenteCode);
  }
  for (const byRol of Object.values(mandates)) for (const codes of Object.values(byRol)) codes.sort();
  return mandates as MandateClaims;
}

/** Whether any of these roles gets row mandates (only then are the arrangements fetched). */
export function hasRowMandates(roles: readonly Role[]): boolean {
  return roles.some((role) => ARRANGEMENT_ROLES[role] !== undefined);
}
