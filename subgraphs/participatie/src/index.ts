import { readSubgraphConfig, startSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

// Starts the participatie subgraph on its port (PARTICIPATIE_PORT, default 4005).
const running = await startSubgraph(subgraph, readSubgraphConfig(subgraph.name, subgraph.defaultPort));
console.log(`[participatie] listening on ${running.url}`);
