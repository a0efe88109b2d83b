import { type GraphAddress, request, runWhenMain } from '../graph-client.js';
import { AnalistBereikPerWetDocument } from './generated/graphql.js';

/**
 * The analyst in brief: the reach of each law in Huizen (0406) in 2025, clients per 1,000
 * inhabitants (small counts suppressed). Run: `TOKEN=$(npm run -s token -- --role analist --org 0406
 * --client analist) npx tsx clients/analist/example.ts`.
 */
export async function analistExample(graph: GraphAddress) {
  const { wmoBereik } = await request(graph, AnalistBereikPerWetDocument, { gemeenten: ['0406'], jaar: 2025 });
  // A gemeente is null while the gemeenten subgraph is out (issue 11): the others still come.
  return (wmoBereik?.gemeenten ?? []).flatMap((gemeente) => (gemeente ? [gemeente] : [])).map((gemeente) => ({
    gemeente: gemeente.naam,
    wmoPer1000: gemeente.wmoBereik?.jaartotaal.clientenPer1000 ?? null,
    jeugdPer1000: gemeente.jeugdBereik?.jaartotaal.clientenPer1000 ?? null,
    participatiePer1000: gemeente.participatieBereik?.jaartotaal.clientenPer1000 ?? null,
  }));
}

runWhenMain(import.meta.url, analistExample);
