import { type GraphAddress, request, runWhenMain } from '../graph-client.js';
import { AanbiederDeclaratiesDocument, AanbiederToewijzingenDocument } from './generated/graphql.js';

/**
 * A provider's system in brief: its own Wmo and Jeugdwet toewijzingen, in every gemeente, and its
 * own declaraties. Run: `TOKEN=$(npm run -s token -- --role aanbieder --org <its AGB code> --client
 * aanbieder) npx tsx clients/aanbieder/example.ts`.
 */
export async function aanbiederExample(graph: GraphAddress) {
  const toewijzingen = await request(graph, AanbiederToewijzingenDocument, { first: 5 });
  const { declaraties } = await request(graph, AanbiederDeclaratiesDocument, { first: 10 });
  return {
    wmoToewijzingen: toewijzingen.wmoToewijzingen?.pageInfo.totaal ?? 0,
    jeugdToewijzingen: toewijzingen.jeugdToewijzingen?.pageInfo.totaal ?? 0,
    declaraties: declaraties?.pageInfo.totaal ?? 0,
    gemeenten: [...new Set(toewijzingen.wmoToewijzingen?.items.map((toewijzing) => toewijzing.gemeenteCode))],
  };
}

runWhenMain(import.meta.url, aanbiederExample);
