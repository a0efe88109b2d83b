export { type Composition, composeRepository, composeSupergraph, type PrintedSubgraph, type RepositoryComposition } from './compose.js';
export {
  loadSubgraphDefinition,
  printSubgraphSdl,
  routingUrl,
  SUBGRAPHS,
  type SubgraphEntry,
  SUPERGRAPH_PATH,
} from './subgraph-list.js';
export { type ClientEntry, CLIENTS } from './client-list.js';
export { apiSchemaSdl, documentId, type GeneratedFile, generateClients } from './client-codegen.js';
export { privacyLint } from './privacy-lint.js';
export { changelogEntry, checkAgainst, type ClientManifest, type SchemaChange, type SchemaCheck } from './schema-check.js';
export { checkAgainstRef, type RefCheck } from './check-against-ref.js';
