import { runSubgraph } from '@sociaal-graph/toolkit';
import { subgraph } from './schema.js';

// Starts the subsidies subgraph on its port (SUBSIDIES_PORT, default 4006).
await runSubgraph(subgraph);
