import { type GraphAddress, request, runWhenMain } from '../graph-client.js';
import { RegioContractenDocument, RegioDeclaratiesDocument } from './generated/graphql.js';

/**
 * The region's contract management in brief: its Wmo contracts with products and tariffs, and the
 * Wmo declaraties of Huizen (0406) under them. Run: `TOKEN=$(npm run -s token -- --role inkoper
 * --org regio-gv --client regio) npx tsx clients/regio/example.ts`.
 */
export async function regioExample(graph: GraphAddress) {
  const { contracten } = await request(graph, RegioContractenDocument, { contractant: 'regio-gv', wet: 'WMO' });
  const { declaraties } = await request(graph, RegioDeclaratiesDocument, { gemeente: '0406', wet: 'WMO', first: 10 });
  return {
    contracten: contracten.pageInfo.totaal,
    producten: contracten.items.flatMap((contract) => contract.percelen.flatMap((perceel) => perceel.producten)).length,
    declaraties: declaraties?.pageInfo.totaal ?? 0,
  };
}

runWhenMain(import.meta.url, regioExample);
