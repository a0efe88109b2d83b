import { type GraphAddress, request, runWhenMain } from '../graph-client.js';
import { BackofficeDeclaratiesDocument, BackofficeWmoToewijzingenDocument } from './generated/graphql.js';

/**
 * The back office in brief: the Wmo toewijzingen it executes for Huizen (0406) with their
 * declaraties, and the Wmo declaraties to pay. Run: `TOKEN=$(npm run -s token -- --role backoffice
 * --org uo-hbel --client backoffice) npx tsx clients/backoffice/example.ts`.
 */
export async function backofficeExample(graph: GraphAddress) {
  const { wmoToewijzingen } = await request(graph, BackofficeWmoToewijzingenDocument, { gemeente: '0406', first: 5 });
  const { declaraties } = await request(graph, BackofficeDeclaratiesDocument, { gemeente: '0406', wet: 'WMO', first: 10 });
  return {
    wmoToewijzingen: wmoToewijzingen?.pageInfo.totaal ?? 0,
    declaratiesBijDeEerste: wmoToewijzingen?.items.reduce((sum, toewijzing) => sum + (toewijzing.declaraties?.length ?? 0), 0) ?? 0,
    wmoDeclaraties: declaraties?.pageInfo.totaal ?? 0,
    teBetalenEurocent: declaraties?.items.filter((declaratie) => declaratie.status === 'INGEDIEND').reduce((sum, declaratie) => sum + declaratie.bedrag, 0) ?? 0,
  };
}

runWhenMain(import.meta.url, backofficeExample);
