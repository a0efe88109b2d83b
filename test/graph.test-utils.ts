import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createGatewayServer,
  loadDevIssuer,
  mintToken,
  type MintTokenOptions,
  readGatewayConfig,
  type RunningGateway,
} from '@sociaal-graph/gateway';
import { readSubgraphConfig, type RunningSubgraph, startSubgraph, type SubgraphDefinition } from '@sociaal-graph/toolkit';
import { createScratchDatabase, type ScratchDatabase } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, inject } from 'vitest';

/** The seven subgraphs, in the order of docs/architecture.md. */
export const SUBGRAPH_NAMES = ['gemeenten', 'toegang', 'wmo', 'jeugd', 'participatie', 'subsidies', 'inkoop'] as const;

/** Where the graph that test/global-setup.ts started for all end-to-end files listens. */
export interface SharedGraphAddress {
  readonly gatewayUrl: string;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** The development issuer's folder: its key pair signs the tokens the gateway accepts. */
  readonly dataDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sharedGraph?: SharedGraphAddress;
  }
}

/** The whole graph on loopback, as a test reaches it: the gateway's and each subgraph's address. */
export interface RunningGraph {
  readonly gateway: Pick<RunningGateway, 'url'>;
  readonly subgraphs: ReadonlyMap<string, Pick<RunningSubgraph, 'url'>>;
  /** Sends an operation to the gateway as a client would (POST, JSON), with `token` as bearer when given. */
  query<D = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphResponse<D>>;
  /** A token of this graph's development issuer (a key pair of its own, in a temporary folder). */
  token(options: MintTokenOptions): Promise<string>;
  /** The development issuer's folder: `DATA_DIR=<dataDir> npm run -s token` mints tokens this graph accepts. */
  readonly dataDir: string;
  stop(): Promise<void>;
}

export interface GraphResponse<D> {
  status: number;
  data?: D | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A graph of the test's own, in its process: its gateway's cache and its subgraphs can be reached. */
export interface OwnGraph extends RunningGraph {
  readonly gateway: RunningGateway;
  readonly subgraphs: ReadonlyMap<string, RunningSubgraph>;
}

/**
 * The graph for an end-to-end file: the one test/global-setup.ts started for the whole run (each
 * start loads the demo world into seven databases; sharing it saves that per file), or, when
 * there is none (a file run on its own with a filter), one of its own. `stop()` leaves a shared
 * graph running. A file that stops a subgraph, reads the gateway's cache or watches its requests
 * asks for `startOwnGraph()` instead.
 */
export async function startGraph(): Promise<RunningGraph> {
  const shared = inject('sharedGraph');
  if (!shared) return startOwnGraph();
  const issuer = await loadDevIssuer(shared.dataDir);
  return {
    gateway: { url: shared.gatewayUrl },
    subgraphs: new Map(Object.entries(shared.subgraphUrls).map(([name, url]) => [name, { url }])),
    query: (query, variables, token) => postTo(shared.gatewayUrl, query, variables, token),
    token: (options) => mintToken(issuer, options),
    dataDir: shared.dataDir,
    stop: async () => undefined,
  };
}

/**
 * The graph for an end-to-end file, as its tests reach it: call once at the file's top level. It
 * registers `beforeAll` to start the graph (`startGraph()`, so the shared one when a run has it;
 * ten minutes, as a graph of its own loads seven demo worlds) and `afterAll` to stop it. The
 * handle forwards to the started graph, so it can be taken before the graph runs; reaching it
 * outside the file's tests throws. Stopping is `afterAll`'s, so the handle has no `stop`.
 */
export function useGraph(): Omit<RunningGraph, 'stop'> {
  let graph: RunningGraph | undefined;
  beforeAll(async () => {
    graph = await startGraph();
  }, 600_000);
  afterAll(async () => {
    await graph?.stop();
  });
  const started = (): RunningGraph => {
    if (!graph) throw new Error('useGraph(): the graph is reached in tests only, after beforeAll started it');
    return graph;
  };
  return {
    get gateway() {
      return started().gateway;
    },
    get subgraphs() {
      return started().subgraphs;
    },
    get dataDir() {
      return started().dataDir;
    },
    query: (query, variables, token) => started().query(query, variables, token),
    token: (options) => started().token(options),
  };
}

/**
 * Starts the graph the way `npm start` does, but in one process on free ports: embedded PGlite in
 * memory, or — when DATABASE_URL is set — a scratch database on that server (one schema per
 * subgraph, as in production), and Redis when REDIS_URL is set.
 */
export async function startOwnGraph(gatewayEnv: Readonly<Record<string, string>> = {}): Promise<OwnGraph> {
  const serverUrl = process.env.DATABASE_URL;
  // The same assertion key on both sides, and the issuer's key pair only for this run.
  const secrets = { CALLER_ASSERTION_SECRET: `test-${process.pid}-${Date.now()}` };
  const dataDir = await mkdtemp(join(tmpdir(), 'sociaal-graph-e2e-'));
  const issuer = await loadDevIssuer(dataDir);
  const scratch: ScratchDatabase | undefined = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
  const subgraphs = new Map<string, RunningSubgraph>();
  for (const name of SUBGRAPH_NAMES) {
    const { subgraph } = (await import(`../subgraphs/${name}/src/schema.ts`)) as { subgraph: SubgraphDefinition };
    const config = readSubgraphConfig(name, 0, { DATA_DIR: 'memory', ...secrets, ...(scratch ? { DATABASE_URL: scratch.url } : {}) });
    subgraphs.set(name, await startSubgraph(subgraph, { ...config, port: 0 }, { report: () => undefined }));
  }
  const gateway = await createGatewayServer({
    ...readGatewayConfig({
      REDIS_URL: process.env.REDIS_URL,
      REDIS_KEY_PREFIX: `sociaal-graph-test-${process.pid}:`,
      DATA_DIR: dataDir,
      // The end-to-end files read residents in bulk on purpose (every resident against every rule);
      // the bounds on personal-data reads have a file of their own (personal-data-limits.test.ts).
      MAX_RESIDENTS_PER_REQUEST: '1000000',
      MAX_RESIDENTS_PER_HOUR: '100000000',
      ...secrets,
      ...gatewayEnv,
    }),
    port: 0,
    // A free port each, so that graphs of parallel test files do not meet (subgraphs: port 0 gives the same).
    metricsPort: 0,
    subgraphUrls: Object.fromEntries([...subgraphs].map(([name, running]) => [name, running.url])),
  });
  return {
    gateway,
    subgraphs,
    dataDir,
    query: (query, variables, token) => postTo(gateway.url, query, variables, token),
    token: (options) => mintToken(issuer, options),
    stop: async () => {
      await gateway.stop();
      for (const running of subgraphs.values()) await running.stop().catch(() => undefined);
      await scratch?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sends an operation to a gateway as a client would (POST, JSON), with `token` as bearer when given. */
async function postTo<D>(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphResponse<D>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}
