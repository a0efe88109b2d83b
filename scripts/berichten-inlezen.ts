/**
 * `npm run berichten:inlezen -- <map>`: receives every iWmo/iJw 3.2 message (*.xml, in name order) of a
 * folder into the subgraph that owns it (docs/berichten.md), one transaction per message, as the mutation
 * does; writes each answer to `<map>/antwoorden/` and prints the counts and the time taken. A rerun after
 * a crash halfway repeats nothing: a message received before gets its first answer and changes nothing.
 * Same settings as the graph (DATABASE_URL, DATA_DIR, PSEUDONYM_SECRET); on PGlite, stop the graph first
 * (one process per data folder). Acts for the whole deployment: every gemeente its arrangements serve.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type Berichtnummer,
  type BerichtWet,
  type Berichtverwerker,
  leesXml,
  ontvangBericht,
  openDatabase,
  readSubgraphConfig,
  runSubgraphMigrations,
  valideerTegenSchema,
  Wet,
  zorgverwerker,
  type Database,
  declaratieverwerker,
  type SubgraphDefinition,
} from '@sociaal-graph/toolkit';
import { subgraph as inkoop } from '../subgraphs/inkoop/src/schema.js';
import { subgraph as jeugd } from '../subgraphs/jeugd/src/schema.js';
import { subgraph as wmo } from '../subgraphs/wmo/src/schema.js';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
const map = process.argv[2];
if (!map) {
  console.error('gebruik: npm run berichten:inlezen -- <map met .xml-berichten>');
  process.exit(2);
}

const eigenaren: { definition: SubgraphDefinition<unknown>; verwerker: Berichtverwerker }[] = [
  { definition: wmo as SubgraphDefinition<unknown>, verwerker: zorgverwerker(Wet.WMO) },
  { definition: jeugd as SubgraphDefinition<unknown>, verwerker: zorgverwerker(Wet.JEUGDWET) },
  // 323 declaraties of both laws: inkoop owns the declaraties.
  { definition: inkoop as SubgraphDefinition<unknown>, verwerker: declaratieverwerker() },
];
const databases = new Map<string, Database>();
async function databaseVan(definition: SubgraphDefinition<unknown>) {
  let db = databases.get(definition.name);
  if (!db) {
    const config = readSubgraphConfig(definition.name, definition.defaultPort);
    db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl, schema: definition.name } : { schema: definition.name, dataDir: config.dataDir });
    await runSubgraphMigrations(db, definition);
    databases.set(definition.name, db);
  }
  return db;
}

const begin = performance.now();
const bestanden = readdirSync(map).filter((naam) => naam.endsWith('.xml')).sort();
const uitvoer = join(map, 'antwoorden');
mkdirSync(uitvoer, { recursive: true });
const secret = readSubgraphConfig('wmo', 4003).demo.pseudonymSecret;

// Schema checks per kind of message in one xmllint run each (a run costs a worker thread).
const teksten = new Map(bestanden.map((naam) => [naam, readFileSync(join(map, naam), 'utf8')]));
const soorten = new Map<string, { wet: BerichtWet; nummer: Berichtnummer; namen: string[] }>();
const onleesbaar: string[] = [];
for (const naam of bestanden) {
  try {
    const { wet, nummer } = leesXml(teksten.get(naam)!);
    const key = `${wet}|${nummer}`;
    if (!soorten.has(key)) soorten.set(key, { wet, nummer, namen: [] });
    soorten.get(key)!.namen.push(naam);
  } catch {
    onleesbaar.push(naam);
  }
}
const schemafouten = new Map<string, string[]>();
for (const { wet, nummer, namen } of soorten.values()) {
  const fouten = await valideerTegenSchema(wet, nummer, namen.map((naam) => teksten.get(naam)!));
  namen.forEach((naam, i) => schemafouten.set(naam, fouten[i]!));
}

const telling = { aangeboden: bestanden.length, geaccepteerd: 0, afgekeurd: 0, herhaald: 0, geweigerd: onleesbaar.length };
const perCode = new Map<string, number>();
for (const naam of bestanden) {
  if (onleesbaar.includes(naam)) {
    console.error(`${naam}: geen bericht van de 3.2-catalogus; overgeslagen`);
    continue;
  }
  const { wet, nummer } = leesXml(teksten.get(naam)!);
  const eigenaar = eigenaren.find((e) => e.verwerker.wetten.includes(wet) && e.verwerker.nummers.includes(nummer));
  if (!eigenaar) {
    telling.geweigerd += 1;
    console.error(`${naam}: een ${nummer} (${wet}) leest deze opdracht (nog) niet in`);
    continue;
  }
  try {
    const ontvangst = await ontvangBericht(await databaseVan(eigenaar.definition), teksten.get(naam)!, eigenaar.verwerker, {
      pseudonymSecret: secret,
      magOntvangen: () => true,
      // The command acts for the deployment; its records name it, as a request names its caller.
      verslag: { subgraph: eigenaar.verwerker.subgraph ?? eigenaar.definition.name, traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), organisatie: 'berichten:inlezen', rollen: [], actor: 'berichten:inlezen' },
      schemafouten: schemafouten.get(naam),
    });
    if (ontvangst.herhaald) telling.herhaald += 1;
    else if (ontvangst.geaccepteerd) telling.geaccepteerd += 1;
    else telling.afgekeurd += 1;
    for (const code of ontvangst.retourcodes) perCode.set(code, (perCode.get(code) ?? 0) + 1);
    // A 301 of the backlog gets no retour: its codes are in the counts (and in the log line of a refused one).
    if (ontvangst.antwoord) writeFileSync(join(uitvoer, `${naam.replace(/\.xml$/, '')}.${ontvangst.antwoord.berichtnummer}.xml`), ontvangst.antwoord.xml);
    else if (!ontvangst.geaccepteerd && !ontvangst.herhaald) console.error(`${naam}: afgekeurd, retourcodes ${ontvangst.retourcodes.join(' ')}`);
  } catch (error) {
    telling.geweigerd += 1;
    console.error(`${naam}: ${(error as Error).message}`);
  }
}
for (const db of databases.values()) await db.close();
const seconden = (performance.now() - begin) / 1000;
console.log(JSON.stringify({ map: resolve(map), ...telling, retourcodes: Object.fromEntries([...perCode].sort()), seconden: Number(seconden.toFixed(1)) }, null, 2));
process.exit(telling.geweigerd > 0 ? 1 : 0);
