import { readSubgraphConfig, startSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

/** Starts the gemeenten subgraph on its port (GEMEENTEN_PORT, default 4001). */
const running = await startSubgraph(subgraph, readSubgraphConfig(subgraph.name, subgraph.defaultPort));
console.log(`[gemeenten] listening on ${running.url}`);
