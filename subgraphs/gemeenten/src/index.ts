import { runSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

/** Starts the gemeenten subgraph on its port (GEMEENTEN_PORT, default 4001). */
await runSubgraph(subgraph);
