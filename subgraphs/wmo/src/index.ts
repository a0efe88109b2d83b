import { readSubgraphConfig, startSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

// Entry point of `npm start -w @sociaal-graph/wmo`: one process serving the wmo subgraph.
const running = await startSubgraph(subgraph, readSubgraphConfig(subgraph.name, subgraph.defaultPort));
console.log(`wmo subgraph luistert op ${running.url}`);
