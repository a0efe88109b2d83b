import { context, trace } from '@opentelemetry/api';
import { startTelemetry } from '@sociaal-graph/toolkit';
import { InMemorySpanExporter } from '@sociaal-graph/toolkit/testing';
import { describe, expect, it } from 'vitest';
import { createGatewayContext } from './context.js';

// Recording: only then is there an active span (with tracing off no context manager is registered).
startTelemetry({ serviceName: 'test', exporter: new InMemorySpanExporter() });

describe('createGatewayContext', () => {
  it('takes the trace and span id of the active (server) span', () => {
    const span = trace.getTracer('test').startSpan('server');
    const { traceId, spanId } = span.spanContext();
    const gatewayContext = context.with(trace.setSpan(context.active(), span), () => createGatewayContext());
    expect(gatewayContext.traceId).toBe(traceId);
    // Recorded (an exporter is configured), and the client is told so.
    expect(gatewayContext.traceresponse).toBe(`00-${traceId}-${spanId}-01`);
    span.end();
  });

  it('takes the ids the listener gives it (tracing off: no active span)', () => {
    const ids = { traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), sampled: false };
    const gatewayContext = createGatewayContext({}, undefined, ids);
    expect(gatewayContext).toMatchObject({ traceId: ids.traceId, spanId: ids.spanId, traceresponse: `00-${ids.traceId}-${ids.spanId}-00` });
  });

  it('draws ids of its own outside a span, a different trace for every request', () => {
    const first = createGatewayContext();
    expect(first.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(first.traceresponse).toMatch(new RegExp(`^00-${first.traceId}-[0-9a-f]{16}-00$`));
    expect(createGatewayContext().traceId).not.toBe(first.traceId);
  });
});
