import type { SubgraphContext } from '@sociaal-graph/toolkit';
import type { JeugdLoaders } from './loaders.js';

/** What every jeugd resolver receives: the caller, this request's loaders (already scoped), the database. */
export type JeugdContext = SubgraphContext<JeugdLoaders>;
