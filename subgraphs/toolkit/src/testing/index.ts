export * from './harness.js';
export * from './logged-execution.js';
export * from './scratch-database.js';
export * from './secrets.js';
export * from './stapeling-toewijzingen.tests.js';
export * from './disclosure.js';
// Spans recorded in memory, for tests that read a trace (startTelemetry({ exporter })).
export { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
// The 3.2 schema check of outgoing messages, for subgraph tests of what their mutations send.
export { valideerTegenSchema } from '../berichten/xsd.js';
