import { runSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

/** Starts the inkoop subgraph on its port (INKOOP_PORT, default 4007) with the demo world loaded. */
await runSubgraph(subgraph);
