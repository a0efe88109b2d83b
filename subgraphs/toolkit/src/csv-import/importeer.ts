import type { Database, Queryable } from '../database.js';
import { leesCsv } from './csv.js';
import { samenvoegen, type DoelUitkomst, type Uitkomst } from './samenvoegen.js';
import { type ImportSubgraph, SOORTEN, type SoortNaam } from './soorten.js';

/** One import: a file of one kind for one gemeente. */
export interface ImportOpdracht {
  readonly soort: SoortNaam;
  /** CBS code of the gemeente the file is from. */
  readonly gemeente: string;
  /** The file's text. */
  readonly csv: string;
  /** Report what would change, change nothing. */
  readonly proef: boolean;
  /** The installation's PSEUDONYM_SECRET: the BSN becomes the pseudonym here. */
  readonly pseudonymSecret: string;
  /** The date the export is up to (its stand, JJJJ-MM-DD); recorded as the sources' freshness. */
  readonly stand: string;
  /** The databases of the subgraphs the kind needs (`SOORTEN[soort].subgraphs`). */
  readonly databases: Readonly<Partial<Record<ImportSubgraph, Database>>>;
  /** Told when each database's part is committed (the command prints it). */
  readonly voortgang?: (melding: string) => void;
}

/** What an import did, or would do in a dry run. */
export interface ImportRapport {
  readonly soort: SoortNaam;
  readonly gemeente: string;
  readonly proef: boolean;
  /** Data lines in the file. */
  readonly regels: number;
  /** Line numbers (in the file) per outcome; a line counts under the strongest outcome over the tables it writes. */
  readonly nieuw: readonly number[];
  readonly gewijzigd: readonly number[];
  readonly ongewijzigd: readonly number[];
  /** Refused lines, each with every reason found; they change nothing. */
  readonly geweigerd: readonly { readonly regel: number; readonly redenen: readonly string[] }[];
  /** Per table written: the counts. */
  readonly tabellen: readonly { readonly subgraph: ImportSubgraph; readonly tabel: string; readonly nieuw: number; readonly gewijzigd: number; readonly ongewijzigd: number }[];
}

const STERKTE: Record<Uitkomst, number> = { ongewijzigd: 0, gewijzigd: 1, nieuw: 2 };

/**
 * Imports one CSV file (issue 15 item 4): reads and checks every line (refused lines are reported
 * with their reasons and change nothing), then, per subgraph database, in one transaction: COPY of
 * the accepted rows into a staging table and one set-based merge per table, and in inkoop the record
 * of the delivery (`aanlevering`, the steering answers' freshness). Each database's part is all or
 * nothing; the merge is idempotent, so an import cut off between two databases is completed by
 * running it again, without loss or duplicates. A dry run does all of it but the merge and the record.
 */
export async function importeer(opdracht: ImportOpdracht): Promise<ImportRapport> {
  const soort = SOORTEN[opdracht.soort];
  const regels = leesCsv(opdracht.csv, soort.verplicht, soort.optioneel);
  const database = (subgraph: ImportSubgraph): Database => {
    const db = opdracht.databases[subgraph];
    if (!db) throw new Error(`import ${opdracht.soort}: database of ${subgraph} not given`);
    return db;
  };
  const voorbereid = await soort.voorbereiden(regels, { gemeente: opdracht.gemeente, pseudonymSecret: opdracht.pseudonymSecret, database });

  const uitkomsten: { subgraph: ImportSubgraph; uitkomst: DoelUitkomst }[] = [];
  const subgraphs = [...new Set([...voorbereid.doelen.map((d) => d.subgraph), ...(voorbereid.bronnen.length > 0 ? (['inkoop'] as const) : [])])];
  for (const subgraph of subgraphs) {
    const doelen = voorbereid.doelen.filter((d) => d.subgraph === subgraph && d.doel.rijen.length > 0);
    const registreren = subgraph === 'inkoop' && !opdracht.proef && voorbereid.bronnen.length > 0;
    if (doelen.length === 0 && !registreren) continue;
    await database(subgraph).transaction(async (tx) => {
      // One import per gemeente and kind at a time: two at once would both think a row new.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`import:${opdracht.soort}:${opdracht.gemeente}`]);
      for (const { doel } of doelen) uitkomsten.push({ subgraph, uitkomst: await samenvoegen(tx, doel, opdracht.proef) });
      if (registreren) {
        for (const { bron, wet, aantal } of voorbereid.bronnen) {
          await registreerAanlevering(tx, { gemeente: opdracht.gemeente, wet, bron, kanaal: 'CSV_IMPORT', bijgewerktTot: opdracht.stand, aantal });
        }
      }
    });
    opdracht.voortgang?.(`${subgraph}: ${opdracht.proef ? 'gecontroleerd (proef, niets opgeslagen)' : 'opgeslagen'}`);
  }

  const perRegel = new Map<number, Uitkomst>();
  for (const { uitkomst } of uitkomsten) {
    for (const soortUitkomst of ['nieuw', 'gewijzigd', 'ongewijzigd'] as const) {
      for (const regel of uitkomst[soortUitkomst]) {
        const eerder = perRegel.get(regel);
        if (eerder === undefined || STERKTE[soortUitkomst] > STERKTE[eerder]) perRegel.set(regel, soortUitkomst);
      }
    }
  }
  // A line can be accepted without a row of its own (a second client at an address already in the file): unchanged.
  for (const regel of regels) if (!voorbereid.geweigerd.has(regel.regel) && !perRegel.has(regel.regel)) perRegel.set(regel.regel, 'ongewijzigd');
  const met = (uitkomst: Uitkomst) => [...perRegel].filter(([, u]) => u === uitkomst).map(([regel]) => regel).sort((a, b) => a - b);
  return {
    soort: opdracht.soort,
    gemeente: opdracht.gemeente,
    proef: opdracht.proef,
    regels: regels.length,
    nieuw: met('nieuw'),
    gewijzigd: met('gewijzigd'),
    ongewijzigd: met('ongewijzigd'),
    geweigerd: [...voorbereid.geweigerd].sort(([a], [b]) => a - b).map(([regel, redenen]) => ({ regel, redenen })),
    tabellen: uitkomsten.map(({ subgraph, uitkomst }) => ({
      subgraph, tabel: uitkomst.tabel, nieuw: uitkomst.nieuw.length, gewijzigd: uitkomst.gewijzigd.length, ongewijzigd: uitkomst.ongewijzigd.length,
    })),
  };
}

/** One completed delivery of a source (table `aanlevering` in inkoop): what the steering answers show as `bronnen`. */
export interface Aanlevering {
  readonly gemeente: string;
  readonly wet: 'WMO' | 'JEUGDWET';
  readonly bron: 'TOEWIJZINGEN' | 'DECLARATIES';
  readonly kanaal: 'CSV_IMPORT' | 'BERICHT' | 'DEMOWERELD';
  /** JJJJ-MM-DD: the date the delivery brings the source up to. */
  readonly bijgewerktTot: string;
  readonly aantal: number;
}

/**
 * Records a delivery in inkoop's `aanlevering`, in the transaction that stored it, so the freshness
 * shown never runs ahead of the data. The CSV import calls it; so should the message ingest (per batch).
 */
export async function registreerAanlevering(tx: Queryable, aanlevering: Aanlevering): Promise<void> {
  await tx.query(
    `INSERT INTO aanlevering (gemeente_code, wet, bron, kanaal, bijgewerkt_tot, aantal) VALUES ($1, $2, $3, $4, $5, $6)`,
    [aanlevering.gemeente, aanlevering.wet, aanlevering.bron, aanlevering.kanaal, aanlevering.bijgewerktTot, aanlevering.aantal],
  );
}
