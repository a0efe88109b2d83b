import { readSubgraphConfig, startSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

/** Starts the inkoop subgraph on its port (INKOOP_PORT, default 4007) with the demo world loaded. */
const running = await startSubgraph(subgraph, readSubgraphConfig(subgraph.name, subgraph.defaultPort));
console.log(`[inkoop] ${running.url}`);
