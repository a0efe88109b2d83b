import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CALLER_LIMITS_OFF_ENV,
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
  /** The subgraphs started in this process (all but those of `OwnGraphOptions.ownProcesses`). */
  readonly subgraphs: ReadonlyMap<string, RunningSubgraph>;
  /** The subgraphs started as processes of their own, to stop or hang with a signal. */
  readonly processes: ReadonlyMap<string, ChildProcess>;
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
export interface OwnGraphOptions {
  /**
   * Subgraphs to start as processes of their own, the way `npm start` runs them (`src/index.ts`),
   * so that a test can stop or hang one (SIGSTOP) for real. Default none.
   */
  ownProcesses?: readonly (typeof SUBGRAPH_NAMES)[number][];
  /** Gateway environment on top of the test's (e.g. `SUBGRAPH_TIMEOUT_MS`). */
  gatewayEnv?: Readonly<Record<string, string>>;
}

export async function startOwnGraph(options: OwnGraphOptions = {}): Promise<OwnGraph> {
  const serverUrl = process.env.DATABASE_URL;
  // The same assertion key on both sides, and the issuer's key pair only for this run.
  const secrets = { CALLER_ASSERTION_SECRET: `test-${process.pid}-${Date.now()}` };
  const dataDir = await mkdtemp(join(tmpdir(), 'sociaal-graph-e2e-'));
  const issuer = await loadDevIssuer(dataDir);
  const scratch: ScratchDatabase | undefined = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
  const subgraphs = new Map<string, RunningSubgraph>();
  const processes = new Map<string, ChildProcess>();
  const urls = new Map<string, string>();
  for (const name of SUBGRAPH_NAMES) {
    if (options.ownProcesses?.includes(name)) {
      const started = await startSubgraphProcess(name, { DATA_DIR: 'memory', ...secrets, ...(scratch ? { DATABASE_URL: scratch.url } : {}) });
      processes.set(name, started.child);
      urls.set(name, started.url);
      continue;
    }
    const { subgraph } = (await import(`../subgraphs/${name}/src/schema.ts`)) as { subgraph: SubgraphDefinition };
    const config = readSubgraphConfig(name, 0, { DATA_DIR: 'memory', ...secrets, ...(scratch ? { DATABASE_URL: scratch.url } : {}) });
    const running = await startSubgraph(subgraph, { ...config, port: 0 }, { report: () => undefined });
    subgraphs.set(name, running);
    urls.set(name, running.url);
  }
  const gateway = await createGatewayServer({
    ...readGatewayConfig({
      REDIS_URL: process.env.REDIS_URL,
      REDIS_KEY_PREFIX: `sociaal-graph-test-${process.pid}:`,
      DATA_DIR: dataDir,
      // Every test sends from 127.0.0.1, many as one caller; the limits have tests of their own.
      ...CALLER_LIMITS_OFF_ENV,
      // The end-to-end files read residents in bulk on purpose (every resident against every rule);
      // the bounds on personal-data reads have a file of their own (personal-data-limits.test.ts).
      MAX_RESIDENTS_PER_REQUEST: '1000000',
      MAX_RESIDENTS_PER_HOUR: '100000000',
      ...secrets,
      ...options.gatewayEnv,
    }),
    port: 0,
    // A free port each, so that graphs of parallel test files do not meet (subgraphs: port 0 gives the same).
    metricsPort: 0,
    subgraphUrls: Object.fromEntries(urls),
  });
  return {
    gateway,
    subgraphs,
    processes,
    dataDir,
    query: (query, variables, token) => postTo(gateway.url, query, variables, token),
    token: (options) => mintToken(issuer, options),
    stop: async () => {
      await gateway.stop();
      for (const running of subgraphs.values()) await running.stop().catch(() => undefined);
      for (const child of processes.values()) await stopProcess(child);
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

/**
 * Starts `subgraphs/<name>/src/index.ts` as a process of its own on a free port, with the test's
 * environment on top of this one's, and resolves once it prints where it listens.
 */
async function startSubgraphProcess(name: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `subgraphs/${name}/src/index.ts`], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, ...env, [`${name.toUpperCase()}_PORT`]: '0', APOLLO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Never leave it running after the test gave up on it.
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within 5 minutes:\n${output}`));
    }, 300_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      // The subgraph logs one JSON line when it listens (pino): `"msg":"subgraph listening"` with its `url`.
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"subgraph listening"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${signal ?? code}) before it listened:\n${output}`));
    });
  });
  return { child, url };
}

/** Ends a subgraph process, also when a test left it stopped (SIGSTOP). */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGCONT');
  child.kill('SIGTERM');
  await exited;
}
