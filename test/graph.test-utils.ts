import { randomBytes } from 'node:crypto';
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
import {
  CALLER_ASSERTION_HEADER, type CallerClaims, type DemoWorld, DISCLOSURE_BUDGET_OFF_ENV, generateDemoWorld, loadInstallationSecrets, readDemoConfig, readSubgraphConfig,
  type RunningSubgraph, secretsAsEnv, startSubgraph, type SubgraphDefinition,
} from '@sociaal-graph/toolkit';
import { createScratchDatabase, type ScratchDatabase, type TestAssertionTarget, testAssertionSigner } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, inject } from 'vitest';

/** The seven subgraphs, in the order of docs/architecture.md. */
export const SUBGRAPH_NAMES = ['gemeenten', 'toegang', 'wmo', 'jeugd', 'participatie', 'subsidies', 'inkoop'] as const;

/** Where the graph that test/global-setup.ts started for all end-to-end files listens. */
export interface SharedGraphAddress {
  readonly gatewayUrl: string;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** The installation's folder: the development issuer's key pair and the installation secrets (`secrets/`). */
  readonly dataDir: string;
  /** The pseudonym secret the subgraphs loaded the demo world with (`demoWorld()` computes the same ids). */
  readonly pseudonymSecret: string;
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
  /** The installation's folder: the development issuer's key pair and the installation secrets. */
  readonly dataDir: string;
  /** Sends an operation to the gateway as a client would (POST, JSON), with `token` as bearer when given. */
  query<D = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphResponse<D>>;
  /** A token of this graph's development issuer (a key pair of its own, in a temporary folder). */
  token(options: MintTokenOptions): Promise<string>;
  /**
   * An assertion signed as the gateway signs it, with this installation's private key: for `claims`,
   * bound to one subgraph and the exact operation sent there. The one way a test reaches a subgraph directly.
   */
  assertion(claims: CallerClaims, target: TestAssertionTarget): Promise<string>;
  /** POSTs an operation straight to a subgraph as the gateway does, with `assertion` (if any) in its header. */
  askSubgraph(subgraph: string, query: string, variables?: Record<string, unknown>, assertion?: string): Promise<GraphResponse<Record<string, any>>>;
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
  readonly pseudonymSecret: string;
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
    dataDir: shared.dataDir,
    query: (query, variables, token) => postTo(shared.gatewayUrl, query, variables, token),
    token: (options) => mintToken(issuer, options),
    ...directAccess(shared.subgraphUrls, shared.dataDir),
    stop: async () => undefined,
  };
}

/**
 * The pseudonym secret of a graph this file starts itself: random, like an installation's, and
 * known before the graph starts so that a file can compute its world at the top.
 */
const OWN_PSEUDONYM_SECRET = randomBytes(32).toString('base64url');

/** The pseudonym secret of the graph this file's tests reach (the shared one, or the file's own). */
export function graphPseudonymSecret(): string {
  return inject('sharedGraph')?.pseudonymSecret ?? OWN_PSEUDONYM_SECRET;
}

/**
 * The demo world the graph's subgraphs loaded (`env` over the defaults), computed here independently
 * of their SQL, with the graph's pseudonym secret so that ids compare. A file that starts its own
 * graph takes `ownDemoWorld()`.
 */
export function demoWorld(env: Record<string, string> = {}): DemoWorld {
  return generateDemoWorld(readDemoConfig({ ...env, PSEUDONYM_SECRET: graphPseudonymSecret() }));
}

/** The demo world of a graph this file starts itself (`startOwnGraph()`), computed here with its pseudonym secret. */
export function ownDemoWorld(env: Record<string, string> = {}): DemoWorld {
  return generateDemoWorld(readDemoConfig({ ...env, PSEUDONYM_SECRET: OWN_PSEUDONYM_SECRET }));
}

/** Signing and direct calls for the installation in `dataDir` whose subgraphs listen at `urls`. */
function directAccess(urls: Readonly<Record<string, string>>, dataDir: string): Pick<RunningGraph, 'assertion' | 'askSubgraph'> {
  const sign = testAssertionSigner(loadInstallationSecrets(dataDir).callerAssertionPrivateKey);
  return {
    assertion: sign,
    askSubgraph: async (subgraph, query, variables, assertion) => {
      const url = urls[subgraph];
      if (!url) throw new Error(`no subgraph ${subgraph}`);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(assertion ? { [CALLER_ASSERTION_HEADER]: assertion } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
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
    assertion: (claims, target) => started().assertion(claims, target),
    askSubgraph: (subgraph, query, variables, assertion) => started().askSubgraph(subgraph, query, variables, assertion),
  };
}

/**
 * Starts the graph the way `npm start` does, but in one process on free ports: embedded PGlite in
 * memory, or — when DATABASE_URL is set — a scratch database on that server (one schema per
 * subgraph, as in production), and Redis when REDIS_URL is set (also for the subgraphs' replay check).
 * Its installation (secrets, development issuer) is created in a temporary folder, as `npm start`
 * creates one in DATA_DIR: the gateway reads its private key there, the subgraphs get the public key.
 */
export interface OwnGraphOptions {
  /**
   * Subgraphs to start as processes of their own, the way `npm start` runs them (`src/index.ts`),
   * so that a test can stop or hang one (SIGSTOP) for real. Default none.
   */
  ownProcesses?: readonly (typeof SUBGRAPH_NAMES)[number][];
  /** Gateway environment on top of the test's (e.g. `SUBGRAPH_TIMEOUT_MS`). */
  gatewayEnv?: Readonly<Record<string, string>>;
  /** Subgraph environment on top of the test's (e.g. `DISCLOSURE_CELLS_PER_DAY`). */
  subgraphEnv?: Readonly<Record<string, string>>;
}

export async function startOwnGraph(options: OwnGraphOptions = {}): Promise<OwnGraph> {
  const serverUrl = process.env.DATABASE_URL;
  const dataDir = await mkdtemp(join(tmpdir(), 'sociaal-graph-e2e-'));
  const installation = loadInstallationSecrets(dataDir);
  const secrets = secretsAsEnv({ callerAssertionPublicKey: installation.callerAssertionPublicKey, pseudonymSecret: OWN_PSEUDONYM_SECRET });
  const redis = { ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}), REDIS_KEY_PREFIX: `sociaal-graph-test-${process.pid}:` };
  const issuer = await loadDevIssuer(dataDir);
  const scratch: ScratchDatabase | undefined = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
  const subgraphs = new Map<string, RunningSubgraph>();
  const processes = new Map<string, ChildProcess>();
  const urls = new Map<string, string>();
  for (const name of SUBGRAPH_NAMES) {
    const env = {
      DATA_DIR: 'memory', ...secrets, ...redis, ...(scratch ? { DATABASE_URL: scratch.url } : {}),
      // The end-to-end files ask many slices of the aggregates on purpose (the attack suite every one); the
      // daily bound of cells per caller has a file of its own (disclosure-budget.test.ts).
      ...DISCLOSURE_BUDGET_OFF_ENV,
      ...options.subgraphEnv,
    };
    if (options.ownProcesses?.includes(name)) {
      const started = await startSubgraphProcess(name, env);
      processes.set(name, started.child);
      urls.set(name, started.url);
      continue;
    }
    const { subgraph } = (await import(`../subgraphs/${name}/src/schema.ts`)) as { subgraph: SubgraphDefinition };
    const config = readSubgraphConfig(name, 0, env);
    const running = await startSubgraph(subgraph, { ...config, port: 0 }, { report: () => undefined });
    subgraphs.set(name, running);
    urls.set(name, running.url);
  }
  const gateway = await createGatewayServer({
    ...readGatewayConfig({
      ...redis,
      // The gateway reads its private key and actor secret in the installation's folder.
      DATA_DIR: dataDir,
      // Every test sends from 127.0.0.1, many as one caller; the limits have tests of their own.
      ...CALLER_LIMITS_OFF_ENV,
      // The end-to-end files read residents in bulk on purpose (every resident against every rule);
      // the bounds on personal-data reads have a file of their own (personal-data-limits.test.ts).
      MAX_RESIDENTS_PER_REQUEST: '1000000',
      MAX_RESIDENTS_PER_HOUR: '100000000',
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
    pseudonymSecret: OWN_PSEUDONYM_SECRET,
    query: (query, variables, token) => postTo(gateway.url, query, variables, token),
    token: (options) => mintToken(issuer, options),
    ...directAccess(Object.fromEntries(urls), dataDir),
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
