/**
 * `npm run import -- --gemeente 0406 --soort toewijzingen --bestand x.csv [--dry-run] [--stand JJJJ-MM-DD] [--json]`:
 * bulk import of a municipality's CSV export (issue 15 item 4; columns in README "Bulk import from CSV").
 * Opens the databases the kind needs as a subgraph start does (DATABASE_URL, or PGlite under DATA_DIR:
 * then with the graph stopped, PGlite being one process's), runs their migrations, and imports.
 * Exit code 0: every line accepted; 1: some lines refused (the others imported); 2: nothing done (bad
 * arguments or a file that cannot be read); 3: cut off by a failing database (rerun to complete it).
 */
import { readFileSync } from 'node:fs';
import { vandaagInNederland } from '@sociaal-graph/toolkit';
import { parseArgs } from 'node:util';
import {
  assertGemeentecode, BestandFout, type Database, type ImportRapport, type ImportSubgraph, importeer, loadDemoWorldIfEmpty, openDatabase, readSubgraphConfig,
  runSubgraphMigrations, SOORTEN, type SoortNaam, type SubgraphDefinition,
} from '@sociaal-graph/toolkit';

const GEBRUIK = `gebruik: npm run import -- --gemeente CBS-CODE --soort ${Object.keys(SOORTEN).join('|')} --bestand BESTAND.csv [--dry-run] [--stand JJJJ-MM-DD] [--json]

  --gemeente  de CBS-code van de gemeente waar het bestand vandaan komt (vier cijfers, bijvoorbeeld 0406)
  --soort     clienten, toewijzingen of declaraties (kolommen: README, "Bulk import from CSV")
  --bestand   het CSV-bestand (scheidingsteken ; of ,  met kopregel)
  --dry-run   alleen melden wat zou veranderen (nieuw, gewijzigd, ongewijzigd, geweigerd met redenen); niets opslaan
  --stand     de datum tot waar de export bijgewerkt is (standaard vandaag): de actualiteit van de bron in de stuurinformatie
  --json      het rapport als JSON`;

function stop(melding: string): never {
  console.error(melding);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        gemeente: { type: 'string' }, soort: { type: 'string' }, bestand: { type: 'string' }, stand: { type: 'string' },
        'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (error) {
    return stop(`${(error as Error).message}\n\n${GEBRUIK}`);
  }
})();
if (values.help) {
  console.log(GEBRUIK);
  process.exit(0);
}
if (!values.gemeente || !values.soort || !values.bestand) stop(GEBRUIK);
if (!(values.soort in SOORTEN)) stop(`--soort moet ${Object.keys(SOORTEN).join(', ')} zijn, niet "${values.soort}"`);
const soort = values.soort as SoortNaam;
let gemeente: string;
try {
  gemeente = assertGemeentecode(values.gemeente, 'gemeente');
} catch (error) {
  stop((error as Error).message);
}
const stand = values.stand ?? vandaagInNederland();
if (!/^\d{4}-\d{2}-\d{2}$/.test(stand) || Number.isNaN(Date.parse(stand))) stop(`--stand moet een datum JJJJ-MM-DD zijn, niet "${stand}"`);
let csv: string;
try {
  csv = readFileSync(values.bestand, 'utf8');
} catch (error) {
  stop(`Kan ${values.bestand} niet lezen: ${(error as Error).message}`);
}

/** A subgraph's definition, for its migrations and its demo slice (opened as its own start opens it). */
async function definitie(naam: ImportSubgraph): Promise<SubgraphDefinition<unknown>> {
  const module = (await import(`@sociaal-graph/${naam}`)) as { subgraph: SubgraphDefinition<unknown> };
  return module.subgraph;
}

const databases: Partial<Record<ImportSubgraph, Database>> = {};
let rapport: ImportRapport;
try {
  for (const naam of SOORTEN[soort].subgraphs) {
    const definition = await definitie(naam);
    const config = readSubgraphConfig(naam, definition.defaultPort);
    const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl, schema: naam } : { schema: naam, dataDir: config.dataDir });
    databases[naam] = db;
    await runSubgraphMigrations(db, definition);
    // As at a subgraph's first start: a new installation gets the demo world unless DEMO_WORLD=off.
    if (config.demo.load) await loadDemoWorldIfEmpty(db, definition, config.demo, (line) => console.error(`${naam}: ${line}`));
  }
  const pseudonymSecret = readSubgraphConfig('toegang', 0).demo.pseudonymSecret;
  rapport = await importeer({
    soort, gemeente: gemeente!, csv: csv!, proef: values['dry-run'], pseudonymSecret, stand, databases,
    voortgang: (melding) => console.error(melding),
  });
} catch (error) {
  if (error instanceof BestandFout) stop(`${values.bestand}: ${error.message} Er is niets opgeslagen.`);
  // A database that failed midway: each database's part is whole or absent, and a rerun completes the import.
  console.error(`Import afgebroken: ${(error as Error).message}. Wat al is opgeslagen is per database volledig; draai de import opnieuw om hem af te maken.`);
  process.exit(3);
} finally {
  for (const db of Object.values(databases)) await db.close();
}

if (values.json) {
  console.log(JSON.stringify(rapport, null, 2));
} else {
  const regels = (lijst: readonly number[]) => (lijst.length === 0 ? '' : `: regel ${lijst.slice(0, 20).join(', ')}${lijst.length > 20 ? ` en ${lijst.length - 20} meer` : ''}`);
  console.log(`${rapport.proef ? 'Proef (--dry-run), er is niets opgeslagen' : 'Import'}: ${rapport.soort} van gemeente ${rapport.gemeente}, ${rapport.regels} regels`);
  console.log(`  nieuw        ${rapport.nieuw.length}${regels(rapport.nieuw)}`);
  console.log(`  gewijzigd    ${rapport.gewijzigd.length}${regels(rapport.gewijzigd)}`);
  console.log(`  ongewijzigd  ${rapport.ongewijzigd.length}`);
  console.log(`  geweigerd    ${rapport.geweigerd.length}`);
  for (const { regel, redenen } of rapport.geweigerd) console.log(`    regel ${regel}: ${redenen.join('; ')}`);
  for (const t of rapport.tabellen) console.log(`  ${t.subgraph}.${t.tabel}: ${t.nieuw} nieuw, ${t.gewijzigd} gewijzigd, ${t.ongewijzigd} ongewijzigd`);
}
process.exit(rapport.geweigerd.length > 0 ? 1 : 0);
