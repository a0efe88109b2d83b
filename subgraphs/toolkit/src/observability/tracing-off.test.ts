import { trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLER_ASSERTION_HEADER } from '../caller-assertion.js';
import { readSubgraphConfig } from '../config.js';
import { newInstallationSecrets, secretsAsEnv } from '../secrets.js';
import { type RunningSubgraph, startSubgraph } from '../start-subgraph.js';
import { proefSubgraph } from '../testing/proef-subgraph.js';
import { testAssertionSigner } from '../testing/secrets.js';
import { setLogLevel, tapLogLines } from './logger.js';
import { startTelemetry } from './tracing.js';

// Tracing off (no OTLP endpoint, the default): no tracer provider and no async context manager
// (issue 14: its per-promise hooks cost about 15 % of a subgraph's CPU). The request's ids still
// reach the Logboek and the log lines, carried by the request's context.
const telemetry = startTelemetry({ serviceName: 'test', env: {} });
setLogLevel('debug');

const proef = proefSubgraph();

const installation = newInstallationSecrets();
const sign = testAssertionSigner(installation.callerAssertionPrivateKey);
let running: RunningSubgraph;

beforeAll(async () => {
  const env = { DATA_DIR: 'memory', DEMO_WORLD: 'off', METRICS_PORT: 'off', PROEF_METRICS_PORT: 'off', ...secretsAsEnv({ callerAssertionPublicKey: installation.callerAssertionPublicKey, pseudonymSecret: installation.pseudonymSecret }) };
  running = await startSubgraph(proef, { ...readSubgraphConfig('proef', 0, env), port: 0 }, { report: () => undefined });
}, 120_000);

afterAll(async () => {
  await running?.stop();
});

describe('a request with tracing off', () => {
  it('has the trace id the gateway sent in the Logboek and in its log line, without an active span', async () => {
    expect(telemetry.recording).toBe(false);
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const query = 'query Lees($ids: [String!]!) { inwoners(ids: $ids) }';
    const variables = { ids: ['i-tracing-off'] };
    const assertion = await sign({ org: 'uo-hbel', roles: ['consulent'], actor: 'a1', mandates: {}, traceId, verzoekId: 'ab'.repeat(16) }, { subgraph: 'proef', query, variables });
    const lines: string[] = [];
    const untap = tapLogLines((line) => lines.push(line));
    try {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CALLER_ASSERTION_HEADER]: assertion, traceparent: `00-${traceId}-00f067aa0ba902b7-00` },
        body: JSON.stringify({ query, variables }),
      });
      expect(await response.json()).toMatchObject({ data: { inwoners: ['i-tracing-off'] } });
    } finally {
      untap();
    }
    expect(trace.getActiveSpan()).toBeUndefined();

    const [record] = await running.db.query<{ trace_id: string; span_id: string; actor_in_trace: boolean }>(
      `SELECT v.trace_id, v.span_id, a.trace_id = v.trace_id AS actor_in_trace FROM verwerking v JOIN verwerking_actor a ON a.id = v.actor_id WHERE v.betrokkene = 'i-tracing-off'`,
    );
    expect(record?.trace_id).toBe(traceId);
    expect(record?.actor_in_trace).toBe(true);
    // This subgraph's own span of the request: a new id, not the gateway's.
    expect(record?.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(record?.span_id).not.toBe('00f067aa0ba902b7');

    const line = lines.map((each) => JSON.parse(each) as Record<string, unknown>).find((each) => each.msg === 'graphql request');
    expect(line).toMatchObject({ operation: 'Lees', trace_id: traceId, span_id: record?.span_id });
  });
});
