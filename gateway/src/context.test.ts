import { describe, expect, it } from 'vitest';
import { createGatewayContext } from './context.js';

const request = (traceparent?: string) => ({ headers: traceparent === undefined ? {} : { traceparent } });

describe('createGatewayContext', () => {
  it('continues the caller trace with a span id of its own', () => {
    const incoming = `00-${'4b'.repeat(16)}-${'00f0'.repeat(4)}-00`;
    const context = createGatewayContext(request(incoming));
    expect(context.traceId).toBe('4b'.repeat(16));
    expect(context.traceparent).toMatch(new RegExp(`^00-${'4b'.repeat(16)}-[0-9a-f]{16}-00$`));
    expect(context.traceparent).not.toBe(incoming);
  });

  it('starts a new trace without a valid traceparent', () => {
    for (const header of [undefined, 'rommel', `00-${'0'.repeat(32)}-${'1'.repeat(16)}-01`, `00-${'A'.repeat(32)}-${'1'.repeat(16)}-01`]) {
      const context = createGatewayContext(request(header));
      expect(context.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(context.traceId).not.toBe('0'.repeat(32));
      expect(context.traceparent).toBe(`00-${context.traceId}-${context.traceparent.slice(36, 52)}-01`);
    }
  });

  it('draws a different trace for every request', () => {
    expect(createGatewayContext(request()).traceId).not.toBe(createGatewayContext(request()).traceId);
  });
});
