import { type GraphAddress, request, runWhenMain } from '../graph-client.js';
import { InwonerDossierDocument, InwonersMetMeldingDocument } from './generated/graphql.js';

/**
 * The consulent front-end in brief: the work list of residents of Eemnes (0317) with a Wmo melding,
 * then the first one's file. Run: `TOKEN=$(npm run -s token -- --role consulent --org uo-hbel
 * --client consulent) npx tsx clients/consulent/example.ts`.
 */
export async function consulentExample(graph: GraphAddress) {
  const { inwoners } = await request(graph, InwonersMetMeldingDocument, { gemeente: '0317', wet: 'WMO', first: 5 });
  const first = inwoners?.items[0];
  const dossier = first ? (await request(graph, InwonerDossierDocument, { id: first.id })).inwoner : null;
  return {
    inwonersMetWmoMelding: inwoners?.pageInfo.totaal ?? 0,
    eerste: dossier && {
      naam: `${dossier.voornaam} ${dossier.achternaam}`,
      meldingen: dossier.meldingen?.length ?? 0,
      wmoToewijzingen: dossier.wmoToewijzingen?.map((toewijzing) => toewijzing.productcategorie.omschrijving) ?? [],
    },
  };
}

runWhenMain(import.meta.url, consulentExample);
