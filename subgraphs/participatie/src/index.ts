import { runSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

// Starts the participatie subgraph on its port (PARTICIPATIE_PORT, default 4005).
await runSubgraph(subgraph);
