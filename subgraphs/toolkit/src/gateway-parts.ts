/**
 * The parts of the toolkit the gateway uses (`@sociaal-graph/toolkit/gateway`): HTTP, caller
 * assertions, errors, observability, secrets. Without the rest of the toolkit (database, schema
 * building, imports, demo world), which the gateway never runs and which would cost it tens of MiB
 * of memory in modules loaded for nothing (issue 14: the gateway's RSS).
 */
export * from './authorization.js';
export * from './caller-assertion.js';
export * from './data-dir.js';
export * from './errors.js';
export * from './http.js';
export * from './vandaag.js';
export { GELEZEN_INWONERS_EXTENSION, LOGBOEK_ONBEREIKBAAR, VERWERKT_EXTENSION, leeslimietError } from './logboek/logboek-plugin.js';
export * from './observability/logger.js';
export * from './observability/metrics.js';
export * from './observability/shutdown.js';
export * from './observability/tracing.js';
export type { Leesbudget } from './principal.js';
export * from './secrets.js';
export { REPO_ROOT } from './subgraph-list.js';
export type { SubgraphAnswerMessage, SubgraphCallMessage, SubgraphVastleggingMessage } from './subgraph-channel.js';
