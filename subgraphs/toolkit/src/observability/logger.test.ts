import { context, trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubMessage, serializeError, tapLogLines } from './logger.js';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { startTelemetry } from './tracing.js';

// Recording: only then is there an active span for the mixin (tracing off: see tracing-off.test.ts).
startTelemetry({ serviceName: 'test', exporter: new InMemorySpanExporter() });

/** The JSON lines `log` writes. */
function linesOf(log: () => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const untap = tapLogLines((line) => lines.push(line));
  try {
    log();
  } finally {
    untap();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the structured log', () => {
  it('writes one JSON line with service, level, time and message', () => {
    const [line] = linesOf(() => createLogger('wmo').warn({ subgraph: 'wmo' }, 'iets'));
    expect(line).toMatchObject({ level: 'warn', service: 'wmo', subgraph: 'wmo', msg: 'iets' });
    expect(new Date(String(line.time)).toISOString()).toBe(line.time);
  });

  it('names the trace and span of the active span', () => {
    const span = trace.getTracer('test').startSpan('verzoek');
    const [line] = linesOf(() => context.with(trace.setSpan(context.active(), span), () => createLogger('gateway').info('binnen')));
    expect(line).toMatchObject({ trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId });
    span.end();
  });

  it('blanks a standalone nine-digit number (a BSN) anywhere in a line, not the digits of a trace id', () => {
    const [line] = linesOf(() => createLogger('toegang').error({ extra: 'bsn 123456782 gevonden', trace: 'ab123456789012cd' }, 'voor 999999990'));
    expect(JSON.stringify(line)).not.toMatch(/123456782|999999990/);
    expect(line.trace).toBe('ab123456789012cd');
  });

  it('keeps an error its type, code and frames, without what its message quotes or a driver adds', () => {
    const error = Object.assign(new Error('invalid input syntax for type date: "Jansen 12-03-1980"'), { code: '22007', detail: 'Key (bsn)=(123456782) already exists.' });
    const serialized = serializeError(error);
    expect(serialized).toMatchObject({ type: 'Error', code: '22007', message: 'invalid input syntax for type date: "…"' });
    expect(JSON.stringify(serialized)).not.toMatch(/Jansen|1980|123456782/);
    expect(scrubMessage("Variable \"$bsn\" got invalid value 'x'; Key (bsn)=(1)")).toBe('Variable "…" got invalid value "…"; Key "…"');
  });
});
