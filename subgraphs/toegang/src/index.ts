import { readSubgraphConfig, startSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

const running = await startSubgraph(subgraph, readSubgraphConfig(subgraph.name, subgraph.defaultPort));
console.log(`[toegang] ${running.url}`);
