import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDevIssuer, mintToken } from '@sociaal-graph/gateway';
import { CALLER_ASSERTION_HEADER, type CallerClaims, loadInstallationSecrets } from '@sociaal-graph/toolkit';
import { createScratchDatabase, type ScratchDatabase, testAssertionSigner } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePortBase } from './bench/ports.js';
import { GRAPH_LOADER_FLAGS } from './graph-loader/flags.js';

/**
 * `npm start`'s default layout (issue 14, item 4): the whole graph in one process on embedded PGlite,
 * started as npm start starts it. The seven parts must stay seven subgraphs (their own ports, their
 * own refusal of a request the gateway did not sign for them), the gateway must serve the loaded
 * world, and a second start must reuse the data. With DATABASE_URL set (CI's run with services) the same
 * process also starts on PostgreSQL, where its seven subgraphs load at once. The separate-process layout is started by the
 * trust-between-parts and outage tests (test/), which spawn subgraphs/<name>/src/index.ts.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SUBGRAPHS = ['gemeenten', 'toegang', 'wmo', 'jeugd', 'participatie', 'subsidies', 'inkoop'];

interface Started {
  child: ChildProcess;
  output: () => string;
  subgraphUrls: Map<string, string>;
  /** Each subgraph's `/metrics`. */
  metricsUrls: Map<string, string>;
  gatewayUrl: string;
}

async function startGraph(dataDir: string, databaseUrl = ''): Promise<Started> {
  // Ports picked here (a metrics port of 0 means off), each subgraph's address in *_URL as npm start
  // (scripts/start-graph.ts) sets it: the gateway still reaches those over the channel.
  // One free range below the kernel's ports for outgoing connections (freePortBase): a port picked by
  // listening on 0 and closing could be handed out twice in a row, and two subgraphs then met on one.
  const ports: Record<string, string> = {};
  const base = await freePortBase(2 * SUBGRAPHS.length);
  for (const [i, name] of SUBGRAPHS.entries()) {
    const port = base + 2 * i;
    ports[`${name.toUpperCase()}_PORT`] = String(port);
    ports[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}/graphql`;
    ports[`${name.toUpperCase()}_METRICS_PORT`] = String(port + 1);
  }
  // As a shell gives it to npm start: without what vite adds to the test's environment (BASE_URL would
  // read as a subgraph's address).
  const { BASE_URL: _vite, ...env } = process.env;
  const child = spawn(process.execPath, [...GRAPH_LOADER_FLAGS, 'scripts/graph-in-one-process.ts'], {
    cwd: ROOT,
    env: { ...env, ...ports, GATEWAY_PORT: '0', METRICS_PORT: 'off', DATA_DIR: dataDir, DEMO_SCALE: '0.01', DATABASE_URL: databaseUrl, REDIS_URL: '', APOLLO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const subgraphUrls = new Map<string, string>();
  const metricsUrls = new Map<string, string>();
  const gatewayUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the graph did not start within 8 minutes:\n${output.slice(-3000)}`));
    }, 480_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      for (const match of output.matchAll(/"service":"(\w+)"[^\n]*"url":"(http:\/\/[^"]+)"[^\n]*"msg":"subgraph listening"/g)) subgraphUrls.set(match[1]!, match[2]!);
      for (const match of output.matchAll(/"service":"(\w+)"[^\n]*"metrics":"(http:\/\/[^"]+)"[^\n]*"msg":"subgraph listening"/g)) metricsUrls.set(match[1]!, match[2]!);
      const gateway = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"gateway ready/.exec(output);
      if (gateway) {
        clearTimeout(timer);
        resolve(gateway[1]!);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the graph exited (${signal ?? code}) before it was ready:\n${output.slice(-3000)}`));
    });
  });
  return { child, output: () => output, subgraphUrls, metricsUrls, gatewayUrl };
}

async function stop(started: Started | undefined): Promise<void> {
  if (!started || started.child.exitCode !== null || started.child.signalCode !== null) return;
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  await exited;
}

const README_QUERY = '{ wmoToewijzingen(gemeente: "0317", first: 3) { items { toewijzingsnummer } } }';

async function residentQuery(gatewayUrl: string, token: string): Promise<{ status: number; body: any }> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: README_QUERY }),
  });
  return { status: response.status, body: await response.json() };
}

/** A subgraph's GraphQL answers so far by route (`graphql`: over HTTP; `channel`: from the gateway's thread). */
async function graphqlAnswers(metricsUrl: string): Promise<{ graphql: number; channel: number }> {
  const text = await (await fetch(metricsUrl)).text();
  const count = { graphql: 0, channel: 0 };
  for (const match of text.matchAll(/^sociaal_graph_http_requests_total\{[^}]*route="(graphql|channel)"[^}]*\} (\d+)$/gm)) count[match[1] as 'graphql' | 'channel'] += Number(match[2]);
  return count;
}

/** Each subgraph loaded its slice of one world, which the first of them generated and the other six took. */
function expectWorldGeneratedOnce(output: string): void {
  const slices = (pattern: RegExp) => [...output.matchAll(pattern)].map((match) => match[1]);
  const generatedBy = slices(/"service":"(\w+)"[^\n]*"msg":"demo world: generated in /g);
  expect(generatedBy).toHaveLength(1);
  const takenBy = slices(/"service":"(\w+)"[^\n]*"msg":"demo world: empty database, loading this subgraph's part of the world this process generated /g);
  expect([...generatedBy, ...takenBy].sort()).toEqual([...SUBGRAPHS].sort());
}

describe('npm start: the whole graph in one process', () => {
  let dataDir: string;
  let first: Started | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sociaal-graph-one-process-'));
    first = await startGraph(dataDir);
  }, 600_000);
  afterAll(async () => {
    await stop(first);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs seven subgraphs, each on a port of its own with its own health, and loads the world once, by COPY', async () => {
    const started = first!;
    expect([...started.subgraphUrls.keys()].sort()).toEqual([...SUBGRAPHS].sort());
    expect(new Set([...started.subgraphUrls.values()].map((url) => new URL(url).port)).size).toBe(7);
    for (const [name, url] of started.subgraphUrls) {
      const health = await fetch(new URL('/health', url));
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', subgraph: name });
    }
    // One PGlite for all seven (each its own schema), in DATA_DIR/graph/; the world generated by the first, reused by the rest.
    expect(started.output()).toContain(`"opening schema gemeenten of the shared PGlite and running its migrations"`);
    expectWorldGeneratedOnce(started.output());
  });

  it('keeps each subgraph its own check of the caller assertion: unsigned, or signed for another subgraph, is refused', async () => {
    const started = first!;
    const query = '{ wmoToewijzingen(gemeente: "0317", first: 2) { items { toewijzingsnummer } } }';
    const sign = testAssertionSigner(loadInstallationSecrets(dataDir).callerAssertionPrivateKey);
    const claims: CallerClaims = {
      org: 'uo-hbel',
      roles: ['consulent'],
      actor: 'test-actor',
      traceId: randomBytes(16).toString('hex'),
      verzoekId: randomBytes(16).toString('hex'),
      mandates: { WMO: { TOEGANG: ['0317'], UITVOERING: ['0317'] } },
    };
    const forWmo = () => sign(claims, { subgraph: 'wmo', query });
    const ask = (name: string, assertion?: string) =>
      fetch(started.subgraphUrls.get(name)!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(assertion ? { [CALLER_ASSERTION_HEADER]: assertion } : {}) },
        body: JSON.stringify({ query }),
      });
    for (const name of SUBGRAPHS) {
      const unsigned = await ask(name);
      expect(unsigned.status).toBe(401);
      expect(((await unsigned.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    }
    // Signed for wmo: inkoop, in the same process, refuses it; wmo answers it.
    expect((await ask('inkoop', await forWmo())).status).toBe(401);
    const admitted = await ask('wmo', await forWmo());
    expect(admitted.status).toBe(200);
    expect(((await admitted.json()) as { data: { wmoToewijzingen: { items: unknown[] } } }).data.wmoToewijzingen.items).toHaveLength(2);
  });

  it('sends the gateway\'s subgraph calls over the channel between its thread and the subgraphs\', not over HTTP', async () => {
    const started = first!;
    const token = await mintToken(await loadDevIssuer(dataDir), { role: 'consulent', org: 'uo-hbel' });
    // The first request of a token fetches the organisation's mandates from gemeenten over HTTP (then cached).
    expect((await residentQuery(started.gatewayUrl, token)).status).toBe(200);
    const before = await graphqlAnswers(started.metricsUrls.get('wmo')!);
    const { status, body } = await residentQuery(started.gatewayUrl, token);
    expect(status).toBe(200);
    expect(body.data.wmoToewijzingen.items).toHaveLength(3);
    const after = await graphqlAnswers(started.metricsUrls.get('wmo')!);
    expect(after.graphql).toBe(before.graphql);
    expect(after.channel).toBeGreaterThan(before.channel);
  });

  it('serves the loaded world through the gateway, and a second start reuses it without loading again', async () => {
    const token = await mintToken(await loadDevIssuer(dataDir), { role: 'consulent', org: 'uo-hbel' });
    const before = await residentQuery(first!.gatewayUrl, token);
    expect(before.status).toBe(200);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data.wmoToewijzingen.items).toHaveLength(3);

    await stop(first);
    first = await startGraph(dataDir);
    expect(first.output()).not.toContain('demo world: empty database');
    const after = await residentQuery(first.gatewayUrl, token);
    expect(after.body).toEqual(before.body);
    // A whole second start of the graph: on a loaded two-core CI machine more than the default minute.
  }, 600_000);
});

describe.runIf(process.env.DATABASE_URL)('npm start on PostgreSQL (DATABASE_URL): the whole graph in one process', () => {
  let dataDir: string;
  let database: ScratchDatabase;
  let started: Started | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sociaal-graph-one-process-pg-'));
    database = await createScratchDatabase(process.env.DATABASE_URL!);
    started = await startGraph(dataDir, database.url);
  }, 600_000);
  afterAll(async () => {
    await stop(started);
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts the seven subgraphs at once, each loading its slice of one world into its own schema, and serves them', async () => {
    const output = started!.output();
    expect([...started!.subgraphUrls.keys()].sort()).toEqual([...SUBGRAPHS].sort());
    expect(output).toContain('"opening PostgreSQL (schema gemeenten) and running its migrations"');
    expectWorldGeneratedOnce(output);
    // At once, not one after the other: every subgraph began before the first of them was listening.
    const firstListening = output.indexOf('"msg":"subgraph listening"');
    for (const name of SUBGRAPHS) {
      const began = output.search(new RegExp(`"service":"${name}"[^\\n]*"msg":"opening PostgreSQL`));
      expect(began, name).toBeGreaterThanOrEqual(0);
      expect(began, name).toBeLessThan(firstListening);
    }
    const token = await mintToken(await loadDevIssuer(dataDir), { role: 'consulent', org: 'uo-hbel' });
    const { status, body } = await residentQuery(started!.gatewayUrl, token);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.wmoToewijzingen.items).toHaveLength(3);
  });
});
