import { DomainError } from './errors.js';
import type { GemeenteScope } from './principal.js';

/** How a law is named in a message to a person. */
const WET_NAAM: Record<string, string> = { WMO: 'Wmo', JEUGDWET: 'Jeugdwet', PARTICIPATIEWET: 'Participatiewet' };

/** The asked gemeenten that lie outside a scope, in the order asked. */
export function buitenScope(scope: GemeenteScope, codes: readonly string[]): string[] {
  return scope.alle ? [] : codes.filter((code) => !scope.gemeenten.includes(code));
}

/**
 * Refuses (FORBIDDEN, listing them) counts of gemeenten outside the caller's aggregate scope
 * (`principal.statistiek(wet)`): such a count must say it is not available, never read as zero
 * (docs/mandates.md).
 */
export function assertStatistiek(wet: string, scope: GemeenteScope, codes: readonly string[]): void {
  const buiten = buitenScope(scope, codes);
  if (buiten.length === 0) return;
  throw new DomainError(
    `De tellingen van de ${WET_NAAM[wet] ?? wet} van ${buiten.join(', ')} vallen buiten uw mandaat voor statistiek: ` +
      'die zijn niet beschikbaar (geen nul). Vraag de tellingen op zonder deze gemeente(n).',
    { code: 'FORBIDDEN', details: { argument: 'gemeenten', gemeenten: buiten, wet } },
  );
}
