import type { SubgraphContext } from '@sociaal-graph/toolkit';
import type { ResidentLoaders, ToegangLoaders } from './loaders.js';

/** What every toegang resolver receives. */
export type ToegangContext = SubgraphContext<ToegangLoaders>;

/** The loaders of resident data for the caller of this request (filtered by their scope). */
export function residentLoaders(context: ToegangContext): ResidentLoaders {
  return context.loaders.residents;
}
