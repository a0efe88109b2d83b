export * from './harness.js';
export * from './logged-execution.js';
export * from './scratch-database.js';
export * from './secrets.js';
export * from './stapeling-toewijzingen.tests.js';
export * from './disclosure.js';
// Spans recorded in memory, for tests that read a trace (startTelemetry({ exporter })).
export { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
