import { readSubgraphConfig, startSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

// Entry point of `npm start -w @sociaal-graph/jeugd`: one process serving the jeugd subgraph.
const running = await startSubgraph(subgraph, readSubgraphConfig(subgraph.name, subgraph.defaultPort));
console.log(`jeugd subgraph luistert op ${running.url}`);
