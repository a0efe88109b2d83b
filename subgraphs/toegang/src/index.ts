import { runSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

await runSubgraph(subgraph);
