import type { SubgraphContext } from '@sociaal-graph/toolkit';
import type { SubsidiesLoaders } from './loaders.js';

/** What every resolver of the subsidies subgraph receives. */
export type SubsidiesContext = SubgraphContext<SubsidiesLoaders>;
