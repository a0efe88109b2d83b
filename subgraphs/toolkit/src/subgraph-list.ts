import { fileURLToPath } from 'node:url';

/** One subgraph of the graph: its name in the supergraph and its default port (docs/architecture.md "Ports"). */
export interface SubgraphEntry {
  readonly name: string;
  readonly defaultPort: number;
}

/**
 * The seven subgraphs, in the order of docs/architecture.md. The one list that `npm run compose`,
 * `npm start`, the container entry point (`scripts/serve.ts`) and the docker/ check all read.
 */
export const SUBGRAPHS: readonly SubgraphEntry[] = [
  { name: 'gemeenten', defaultPort: 4001 },
  { name: 'toegang', defaultPort: 4002 },
  { name: 'wmo', defaultPort: 4003 },
  { name: 'jeugd', defaultPort: 4004 },
  { name: 'participatie', defaultPort: 4005 },
  { name: 'subsidies', defaultPort: 4006 },
  { name: 'inkoop', defaultPort: 4007 },
];

/** The gateway's default port (`GATEWAY_PORT`). */
export const DEFAULT_GATEWAY_PORT = 4000;

/** The repository root (three folders above this file; in the image, the application folder). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
