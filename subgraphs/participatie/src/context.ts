import type { SubgraphContext } from '@sociaal-graph/toolkit';
import type { ParticipatieLoaders } from './loaders.js';

/** What every resolver of the participatie subgraph receives. */
export type ParticipatieContext = SubgraphContext<ParticipatieLoaders>;
