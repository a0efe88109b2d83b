import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayServer, type RunningGateway } from './create-gateway.js';
import {
  ALPHA_RESOLVERS,
  ALPHA_SDL,
  BETA_SDL,
  betaResolvers,
  composeSupergraph,
  postGraphql,
  startTinySubgraph,
  type TinySubgraph,
  tempDir,
  testConfig,
} from './gateway.test-utils.js';

const QUERY = 'query Inwoners { gemeente(code: "0406") { code naam inwonerAantal } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let alpha: TinySubgraph;
let beta: TinySubgraph;
let dir: Awaited<ReturnType<typeof tempDir>>;
let gateway: RunningGateway;

beforeAll(async () => {
  [alpha, beta] = await Promise.all([startTinySubgraph('alpha', ALPHA_SDL, ALPHA_RESOLVERS), startTinySubgraph('beta', BETA_SDL, betaResolvers())]);
  dir = await tempDir();
  const supergraphPath = await dir.file('supergraph.graphql', composeSupergraph([alpha, beta]));
  // metricsPort 0: a free port of its own, as a scrape target.
  gateway = await createGatewayServer(testConfig({ supergraphPath, metricsPort: 0, maxRootFields: 1 }));
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all([alpha?.stop(), beta?.stop()]);
  await dir?.remove();
});

/**
 * Scrapes the gateway's metrics endpoint; the function returned gives the value of the series
 * `name{labels}` (in any label order; `service="gateway"` on every one), 0 when absent.
 */
async function scrape(): Promise<(series: string) => number> {
  const response = await fetch(gateway.metricsUrl!);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const series = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match) series.set(key(match[1], match[2] ?? ''), Number(match[3]));
  }
  return (wanted) => {
    const [, name, labels] = /^([a-z_]+)(?:\{(.*)\})?$/.exec(wanted)!;
    return series.get(key(name, `${labels ? `${labels},` : ''}service="gateway"`)) ?? 0;
  };
}

function key(name: string, labels: string): string {
  return `${name}{${labels.split(/,(?=[a-z_]+=")/).filter(Boolean).sort().join(',')}}`;
}

describe('the metrics endpoint', () => {
  it('is on a port of its own, not on the GraphQL port', async () => {
    expect(gateway.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(gateway.metricsUrl!).port).not.toBe(String(gateway.port));
    expect((await fetch(gateway.url.replace('/graphql', '/metrics'))).status).toBe(404);
  });

  it('counts requests, errors by code, latency per operation and per subgraph, cache hits and refused limits', async () => {
    for (let i = 0; i < 3; i += 1) expect((await postGraphql(gateway.url, { query: QUERY })).status).toBe(200);
    // APQ: the hash alone is a miss (PERSISTED_QUERY_NOT_FOUND), with the text it is registered, then a hit.
    const persistedQuery = { version: 1, sha256Hash: sha256(QUERY) };
    await postGraphql(gateway.url, { extensions: { persistedQuery } });
    await postGraphql(gateway.url, { query: QUERY, extensions: { persistedQuery } });
    await postGraphql(gateway.url, { extensions: { persistedQuery } });
    // More root fields than maxRootFields 1: refused by a limit.
    const wide = await postGraphql(gateway.url, { query: 'query Breed { gemeente(code: "0406") { code } kapot }' });
    expect(wide.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ROOT_FIELDS');
    await postGraphql(gateway.url, { query: '{ kapot }' });

    const value = await scrape();
    expect(value(`sociaal_graph_graphql_operations_total{operation="Inwoners",result="ok"}`)).toBe(5);
    expect(value(`sociaal_graph_graphql_errors_total{operation="Breed",code="TOO_MANY_ROOT_FIELDS"}`)).toBe(1);
    expect(value(`sociaal_graph_graphql_errors_total{operation="(anoniem)",code="INTERNAL_SERVER_ERROR"}`)).toBe(1);
    expect(value(`sociaal_graph_graphql_errors_total{operation="(anoniem)",code="PERSISTED_QUERY_NOT_FOUND"}`)).toBe(1);
    expect(value(`sociaal_graph_graphql_operation_duration_seconds_count{operation="Inwoners"}`)).toBe(5);
    expect(value(`sociaal_graph_http_requests_total{route="graphql",status="200"}`)).toBeGreaterThanOrEqual(5);
    expect(value(`sociaal_graph_gateway_subgraph_request_duration_seconds_count{subgraph="alpha",outcome="ok"}`)).toBeGreaterThanOrEqual(5);
    expect(value(`sociaal_graph_gateway_subgraph_request_duration_seconds_count{subgraph="beta",outcome="ok"}`)).toBe(5);
    expect(value(`sociaal_graph_gateway_cache_lookups_total{cache="apq",result="miss"}`)).toBe(2);
    expect(value(`sociaal_graph_gateway_cache_lookups_total{cache="apq",result="hit"}`)).toBe(1);
    // The first Inwoners is parsed and planned; the four after it come from the caches.
    expect(value(`sociaal_graph_gateway_cache_lookups_total{cache="document",result="hit"}`)).toBeGreaterThanOrEqual(4);
    expect(value(`sociaal_graph_gateway_cache_lookups_total{cache="query_plan",result="miss"}`)).toBeGreaterThanOrEqual(1);
    expect(value(`sociaal_graph_gateway_cache_lookups_total{cache="query_plan",result="hit"}`)).toBeGreaterThanOrEqual(4);
    expect(value(`sociaal_graph_gateway_limits_refused_total{limit="TOO_MANY_ROOT_FIELDS"}`)).toBe(1);
    expect(value(`sociaal_graph_gateway_supergraph_loads_total{result="loaded"}`)).toBe(1);
    expect(value(`sociaal_graph_process_resident_memory_bytes`)).toBeGreaterThan(0);
  });

  it('keeps a client-chosen operation name out of its labels when it holds a long number', async () => {
    // Eight digits: nine anywhere in the text are refused in validation (bsnAsVariableRule).
    await postGraphql(gateway.url, { query: 'query Dossier12345678 { gemeente(code: "0406") { code } }' });
    const text = await (await fetch(gateway.metricsUrl!)).text();
    expect(text).not.toMatch(/12345678/);
    expect(text).toMatch(/sociaal_graph_graphql_operations_total\{operation="\(overig\)",result="(ok|error)",service="gateway"\} 1/);
  });
});
