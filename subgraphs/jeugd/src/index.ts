import { runSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

// Entry point of `npm start -w @sociaal-graph/jeugd`: one process serving the jeugd subgraph.
await runSubgraph(subgraph);
