import { assertGemeentecode, assertToewijzingsnummer } from '@sociaal-graph/toolkit';
import type { JeugdContext } from '../context.js';
import { toewijzingKey } from './jeugd-toewijzing.sql.js';
import type { JeugdToewijzing } from './jeugd-toewijzing.type.js';

/**
 * Resolves a `JeugdToewijzing` representation (from inkoop's declaraties, say) through the loader:
 * one statement for all representations of a request; `null` when absent or outside the scope.
 */
export async function resolveJeugdToewijzingReference(
  reference: { gemeenteCode: string; toewijzingsnummer: string },
  context: JeugdContext,
): Promise<JeugdToewijzing | null> {
  const key = toewijzingKey(
    assertGemeentecode(reference.gemeenteCode, 'gemeenteCode'),
    assertToewijzingsnummer(reference.toewijzingsnummer),
  );
  return context.loaders.toewijzing.load(key);
}
