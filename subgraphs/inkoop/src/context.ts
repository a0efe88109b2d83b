import type { SubgraphContext } from '@sociaal-graph/toolkit';
import type { InkoopLoaders } from './loaders.js';

/** What every inkoop resolver receives: the caller, this request's loaders, the database. */
export type InkoopContext = SubgraphContext<InkoopLoaders>;
