import { context, trace } from '@opentelemetry/api';
import { startTelemetry } from '@sociaal-graph/toolkit';
import { describe, expect, it } from 'vitest';
import { createGatewayContext } from './context.js';

startTelemetry({ serviceName: 'test' });

describe('createGatewayContext', () => {
  it('takes the trace and span id of the active (server) span', () => {
    const span = trace.getTracer('test').startSpan('server');
    const { traceId, spanId } = span.spanContext();
    const gatewayContext = context.with(trace.setSpan(context.active(), span), () => createGatewayContext());
    expect(gatewayContext.traceId).toBe(traceId);
    // Not recorded (no exporter configured), and the client is told so.
    expect(gatewayContext.traceresponse).toBe(`00-${traceId}-${spanId}-00`);
    span.end();
  });

  it('draws ids of its own outside a span, a different trace for every request', () => {
    const first = createGatewayContext();
    expect(first.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(first.traceresponse).toMatch(new RegExp(`^00-${first.traceId}-[0-9a-f]{16}-00$`));
    expect(createGatewayContext().traceId).not.toBe(first.traceId);
  });
});
