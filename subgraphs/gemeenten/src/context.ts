import type { SubgraphContext } from '@sociaal-graph/toolkit';
import type { GemeentenLoaders } from './loaders.js';

/** What every resolver of the gemeenten subgraph receives. */
export type GemeentenContext = SubgraphContext<GemeentenLoaders>;
