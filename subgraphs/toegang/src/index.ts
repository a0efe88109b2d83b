import { runSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

// Entry point of `npm run start -w @sociaal-graph/<name>`: one process serving this subgraph.
await runSubgraph(subgraph);
