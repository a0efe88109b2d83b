import { runSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

// Entry point of `npm start -w @sociaal-graph/wmo`: one process serving the wmo subgraph.
await runSubgraph(subgraph);
