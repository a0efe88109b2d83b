import { createGatewayServer, readGatewayConfig, type RunningGateway } from '@sociaal-graph/gateway';
import { readSubgraphConfig, type RunningSubgraph, startSubgraph, type SubgraphDefinition } from '@sociaal-graph/toolkit';
import { createScratchDatabase, type ScratchDatabase } from '@sociaal-graph/toolkit/testing';

/** The seven subgraphs, in the order of DESIGN.md. */
export const SUBGRAPH_NAMES = ['gemeenten', 'toegang', 'wmo', 'jeugd', 'participatie', 'subsidies', 'inkoop'] as const;

/** The whole graph on loopback: every subgraph on a free port and the gateway over the committed supergraph. */
export interface RunningGraph {
  readonly gateway: RunningGateway;
  readonly subgraphs: ReadonlyMap<string, RunningSubgraph>;
  /** Sends an operation to the gateway as a client would (POST, JSON). */
  query<D = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphResponse<D>>;
  stop(): Promise<void>;
}

export interface GraphResponse<D> {
  status: number;
  data?: D | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * Starts the graph the way `npm start` does, but in one process on free ports: embedded PGlite in
 * memory, or — when DATABASE_URL is set — a scratch database on that server (one schema per
 * subgraph, as in production), and Redis when REDIS_URL is set.
 */
export async function startGraph(): Promise<RunningGraph> {
  const serverUrl = process.env.DATABASE_URL;
  const scratch: ScratchDatabase | undefined = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
  const subgraphs = new Map<string, RunningSubgraph>();
  for (const name of SUBGRAPH_NAMES) {
    const { subgraph } = (await import(`../subgraphs/${name}/src/schema.ts`)) as { subgraph: SubgraphDefinition };
    const config = readSubgraphConfig(name, 0, { DATA_DIR: 'memory', ...(scratch ? { DATABASE_URL: scratch.url } : {}) });
    subgraphs.set(name, await startSubgraph(subgraph, { ...config, port: 0 }));
  }
  const gateway = await createGatewayServer({
    ...readGatewayConfig({ REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `sociaal-graph-test-${process.pid}:` }),
    port: 0,
    subgraphUrls: Object.fromEntries([...subgraphs].map(([name, running]) => [name, running.url])),
  });
  return {
    gateway,
    subgraphs,
    query: async (query, variables) => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    stop: async () => {
      await gateway.stop();
      for (const running of subgraphs.values()) await running.stop().catch(() => undefined);
      await scratch?.drop();
    },
  };
}
