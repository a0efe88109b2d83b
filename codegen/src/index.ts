export { type Composition, composeRepository, composeSupergraph, type PrintedSubgraph, type RepositoryComposition } from './compose.js';
export {
  loadSubgraphDefinition,
  printSubgraphSdl,
  routingUrl,
  SUBGRAPHS,
  type SubgraphEntry,
  SUPERGRAPH_PATH,
} from './subgraph-list.js';
