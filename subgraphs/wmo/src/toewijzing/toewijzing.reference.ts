import { type WmoContext, wmoToewijzingScope } from '../context.js';
import { toewijzingKey } from './toewijzing.sql.js';
import { type WmoToewijzing, wmoToewijzingOf } from './toewijzing.type.js';

/**
 * Resolves a `WmoToewijzing` representation from the gateway through the per-request loader, so
 * any number of representations costs one statement; `null` when absent or outside the scope.
 */
export async function resolveWmoToewijzingReference(
  reference: { gemeenteCode: string; toewijzingsnummer: string },
  context: WmoContext,
): Promise<WmoToewijzing | null> {
  const row = await context.loaders
    .toewijzing(wmoToewijzingScope(context))
    .load(toewijzingKey(reference.gemeenteCode, reference.toewijzingsnummer));
  return row && wmoToewijzingOf(row);
}
