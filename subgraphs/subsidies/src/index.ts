import { readSubgraphConfig, startSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

// Starts the subsidies subgraph on its port (SUBSIDIES_PORT, default 4006).
const running = await startSubgraph(subgraph, readSubgraphConfig(subgraph.name, subgraph.defaultPort));
console.log(`[subsidies] listening on ${running.url}`);
