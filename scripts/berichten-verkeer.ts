/**
 * Generated HBEL traffic (subgraphs/toolkit/src/berichten/verkeer.ts) through the two ways in: the folder
 * command (`npm run berichten:inlezen`, a process of its own) and the GraphQL mutations ontvangWmoBericht,
 * ontvangJeugdBericht and (323) ontvangDeclaratieBericht through the gateway, each on fresh wmo, jeugd and inkoop databases with the demo world
 * loaded, each reconciled against what the generator expects (messages in, rows stored, retours per
 * retourcode). Used by scripts/berichten-jaar.ts (timed, a year) and its test (a few weeks).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALLER_LIMITS_OFF_ENV, createGatewayServer, loadDevIssuer, mintToken, readGatewayConfig } from '@sociaal-graph/gateway';
import {
  type Beantwoord,
  type BerichtWet,
  type DemoWorld,
  type SubgraphDefinition,
  type Verkeer,
  type VerwachteRijen,
  type Verzoening,
  generateDemoWorld,
  loadDemoWorldIfEmpty,
  openDatabase,
  opgeslagenDeclaratierijen,
  opgeslagenRijen,
  readDemoConfig,
  readSubgraphConfig,
  REPO_ROOT,
  retourcodesIn,
  runSubgraphMigrations,
  startSubgraph,
  verzoen,
  Wet,
} from '@sociaal-graph/toolkit';
import { loadInstallationSecrets, secretsAsEnv } from '@sociaal-graph/toolkit/secrets';
import { createScratchDatabase, type ScratchDatabase } from '@sociaal-graph/toolkit/testing';
import { subgraph as gemeenten } from '../subgraphs/gemeenten/src/schema.js';
import { subgraph as inkoop } from '../subgraphs/inkoop/src/schema.js';
import { subgraph as jeugd } from '../subgraphs/jeugd/src/schema.js';
import { subgraph as wmo } from '../subgraphs/wmo/src/schema.js';

const EIGENAREN: readonly [BerichtWet, SubgraphDefinition<unknown>][] = [
  [Wet.WMO, wmo as SubgraphDefinition<unknown>],
  [Wet.JEUGDWET, jeugd as SubgraphDefinition<unknown>],
];
/** The 323s of both laws go to inkoop, which owns the declaraties. */
const DECLARATIES = inkoop as SubgraphDefinition<unknown>;
const ONTVANGERS = [...EIGENAREN.map(([, d]) => d), DECLARATIES];

/** A run's installation: its own random secrets in a temporary folder, as `npm start` makes one in DATA_DIR. */
export interface Installatie {
  readonly map: string;
  readonly pseudonymSecret: string;
  readonly env: Readonly<Record<string, string>>;
  /** The demo world the subgraphs load with this installation's secret (ids compare with the generator's). */
  readonly world: DemoWorld;
  opruimen(): Promise<void>;
}

export async function nieuweInstallatie(): Promise<Installatie> {
  const map = await mkdtemp(join(tmpdir(), 'berichtenverkeer-'));
  const secrets = loadInstallationSecrets(map);
  const env = { ...secretsAsEnv({ callerAssertionPublicKey: secrets.callerAssertionPublicKey, pseudonymSecret: secrets.pseudonymSecret }), APOLLO_TELEMETRY_DISABLED: '1' };
  const world = generateDemoWorld(readDemoConfig({ ...process.env, PSEUDONYM_SECRET: secrets.pseudonymSecret }));
  return { map, pseudonymSecret: secrets.pseudonymSecret, env, world, opruimen: () => rm(map, { recursive: true, force: true }) };
}

/** Fresh databases for wmo, jeugd and inkoop: a scratch database on DATABASE_URL's server, or PGlite folders. */
async function nieuweOpslag(installatie: Installatie, naam: string): Promise<{ env: Record<string, string>; scratch?: ScratchDatabase }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl);
    return { env: { DATABASE_URL: scratch.url }, scratch };
  }
  const dataDir = join(installatie.map, naam);
  await mkdir(dataDir, { recursive: true });
  return { env: { DATA_DIR: dataDir } };
}

export async function rijenIn(env: Record<string, string>): Promise<Record<BerichtWet, VerwachteRijen>> {
  const open = (definition: SubgraphDefinition<unknown>) => {
    const config = readSubgraphConfig(definition.name, definition.defaultPort, env);
    return openDatabase(config.databaseUrl ? { url: config.databaseUrl, schema: definition.name } : { schema: definition.name, dataDir: config.dataDir });
  };
  const rijen = {} as Record<BerichtWet, VerwachteRijen>;
  const declaraties = await open(DECLARATIES);
  try {
    for (const [wet, definition] of EIGENAREN) {
      const db = await open(definition);
      rijen[wet] = { ...(await opgeslagenRijen(db, wet)), ...(await opgeslagenDeclaratierijen(declaraties, wet)) };
      await db.close();
    }
  } finally {
    await declaraties.close();
  }
  return rijen;
}

export interface Uitslag {
  readonly pad: 'opdracht' | 'mutatie';
  /** Seconds for the ingest alone (the demo world's loading not counted). */
  readonly seconden: number;
  /** What the command printed (its own totals), for the command. */
  readonly opdracht?: Record<string, unknown>;
  readonly verzoening: Verzoening;
}

/** Fresh wmo, jeugd and inkoop databases with the demo world, and the traffic as a folder of files, for the command. */
export interface Opdrachtopslag {
  readonly env: Readonly<Record<string, string>>;
  readonly map: string;
  opruimen(): Promise<void>;
}

export async function opdrachtopslag(installatie: Installatie, verkeer: Verkeer): Promise<Opdrachtopslag> {
  const opslag = await nieuweOpslag(installatie, 'opdracht');
  const env = { ...installatie.env, ...opslag.env, DEMO_WORLD: 'off' };
  for (const definition of ONTVANGERS) {
    const config = readSubgraphConfig(definition.name, definition.defaultPort, env);
    const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl, schema: definition.name } : { schema: definition.name, dataDir: config.dataDir });
    await runSubgraphMigrations(db, definition);
    await loadDemoWorldIfEmpty(db, definition, { ...config.demo, load: true });
    await db.close();
  }
  const map = join(installatie.map, 'berichten');
  await rm(map, { recursive: true, force: true });
  await mkdir(map, { recursive: true });
  for (const b of verkeer.berichten) await writeFile(join(map, b.bestand), b.xml);
  return { env, map, opruimen: async () => void (await opslag.scratch?.drop()) };
}

/** `npm run berichten:inlezen -- <map>` as a process of its own, on the given storage. */
export function startOpdracht(opslag: Opdrachtopslag): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/berichten-inlezen.ts'), opslag.map], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...opslag.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The answers the command wrote (`<map>/antwoorden/<bericht>.<retour>.xml`), with their retourcodes. */
export async function antwoordenVanOpdracht(opslag: Opdrachtopslag): Promise<Beantwoord[]> {
  const antwoorden = join(opslag.map, 'antwoorden');
  const beantwoord: Beantwoord[] = [];
  for (const naam of (await readdir(antwoorden)).sort()) {
    const [, basis, retour] = /^(.*)\.(\d{3})\.xml$/.exec(naam)!;
    beantwoord.push({ bestand: `${basis}.xml`, retour: retour!, retourcodes: retourcodesIn(await readFile(join(antwoorden, naam), 'utf8')) });
  }
  return beantwoord;
}

/**
 * The folder command: the demo world loaded into fresh wmo, jeugd and inkoop databases, the traffic written to a
 * folder, `npm run berichten:inlezen -- <map>` run as a process and timed, its answers and the stored rows
 * reconciled. The command's own totals (accepted, rejected, repeated) are checked too.
 */
export async function viaOpdracht(installatie: Installatie, verkeer: Verkeer): Promise<Uitslag> {
  const opslag = await opdrachtopslag(installatie, verkeer);
  try {
    const begin = performance.now();
    const { code, stdout, stderr } = await uitkomst(startOpdracht(opslag));
    const seconden = (performance.now() - begin) / 1000;
    if (code !== 0) throw new Error(`berichten:inlezen eindigde met ${code}:\n${stderr.slice(-2000)}`);
    const opdracht = totalenVan(stdout);
    const verzoening = verzoen(verkeer, await antwoordenVanOpdracht(opslag), await rijenIn(opslag.env));
    // The command gives accepted, rejected and repeated as totals: held against the generator's here.
    const verwacht = {
      aangeboden: verkeer.berichten.length,
      geaccepteerd: verkeer.berichten.filter((b) => b.geaccepteerd && !b.herhaald).length,
      afgekeurd: verkeer.berichten.filter((b) => !b.geaccepteerd && !b.herhaald).length,
      herhaald: verkeer.berichten.filter((b) => b.herhaald).length,
      geweigerd: 0,
    };
    const verschillen = [...verzoening.verschillen];
    for (const [naam, aantal] of Object.entries(verwacht)) if (opdracht[naam] !== aantal) verschillen.push(`opdracht ${naam}: verwacht ${aantal}, gaf ${String(opdracht[naam])}`);
    return { pad: 'opdracht', seconden, opdracht, verzoening: { ...verzoening, verschillen } };
  } finally {
    await opslag.opruimen();
  }
}

/**
 * The mutation path: wmo, jeugd and inkoop started as the graph starts them (demo world loaded), the gateway in
 * front, each message sent as `ontvangWmoBericht`/`ontvangJeugdBericht` (a 323 `ontvangDeclaratieBericht`) by the back office that executes
 * its law for its gemeente, in order, one at a time; answers and stored rows reconciled.
 */
export async function viaMutaties(installatie: Installatie, verkeer: Verkeer): Promise<Uitslag> {
  const opslag = await nieuweOpslag(installatie, 'mutatie');
  const env = { ...installatie.env, ...opslag.env };
  const gestart: { stop(): Promise<void> }[] = [];
  try {
    const urls: Record<string, string> = {};
    // gemeenten too: the gateway reads the caller's mandates (arrangements) there.
    for (const definition of [gemeenten as SubgraphDefinition<unknown>, ...ONTVANGERS]) {
      const config = readSubgraphConfig(definition.name, 0, env);
      const running = await startSubgraph(definition, { ...config, port: 0 }, { report: () => undefined });
      gestart.push(running);
      urls[definition.name] = running.url;
    }
    // Only wmo, jeugd and inkoop answer these mutations (gemeenten the mandates); the gateway plans nothing for the other subgraphs.
    const gateway = await createGatewayServer({
      // A minute per message before the gateway gives up on a subgraph: each message's schema check starts a
      // validator of its own, slow on a loaded machine; the traffic must go through, not race a deadline.
      ...readGatewayConfig({ DATA_DIR: installatie.map, METRICS_PORT: 'off', SUBGRAPH_TIMEOUT_MS: '60000', ...CALLER_LIMITS_OFF_ENV }),
      port: 0,
      metricsPort: 0,
      subgraphUrls: urls,
    });
    gestart.unshift(gateway);
    // Each message is offered by the back office that executes its law for its gemeente (the demo world's arrangement).
    const issuer = await loadDevIssuer(installatie.map);
    const tokens = new Map<string, string>();
    const tokenVoor = async (wet: BerichtWet, gemeente: string) => {
      const uitvoerder = installatie.world.arrangementen.find((a) => a.gemeenteCode === gemeente && a.wet === wet && a.rol === 'UITVOERING' && a.geldigTot === null);
      if (!uitvoerder) throw new Error(`geen uitvoerder van de ${wet} voor ${gemeente} in de demowereld`);
      if (!tokens.has(uitvoerder.organisatieId)) tokens.set(uitvoerder.organisatieId, await mintToken(issuer, { role: 'backoffice', org: uitvoerder.organisatieId, subject: 'berichtenverkeer' }));
      return tokens.get(uitvoerder.organisatieId)!;
    };
    const beantwoord: Beantwoord[] = [];
    const begin = performance.now();
    for (const b of verkeer.berichten) {
      const naam = b.nummer === '323' ? 'Declaratie' : b.wet === Wet.WMO ? 'Wmo' : 'Jeugd';
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenVoor(b.wet, b.gemeente)}` },
        body: JSON.stringify({
          query: `mutation Ontvang($xml: String!) { ontvang${naam}Bericht(xml: $xml) { geaccepteerd herhaald retourcodes { code } antwoord { berichtnummer } } }`,
          variables: { xml: b.xml },
        }),
      });
      const body = (await response.json()) as { data?: Record<string, { geaccepteerd: boolean; herhaald: boolean; retourcodes: { code: string }[]; antwoord: { berichtnummer: string } }>; errors?: unknown[] };
      const ontvangst = body.data?.[`ontvang${naam}Bericht`];
      if (!ontvangst) throw new Error(`${b.bestand}: ${response.status} ${JSON.stringify(body.errors)}`);
      beantwoord.push({ bestand: b.bestand, retour: ontvangst.antwoord.berichtnummer, retourcodes: ontvangst.retourcodes.map((c) => c.code), geaccepteerd: ontvangst.geaccepteerd, herhaald: ontvangst.herhaald });
    }
    const seconden = (performance.now() - begin) / 1000;
    for (const running of gestart.splice(0)) await running.stop();
    return { pad: 'mutatie', seconden, verzoening: verzoen(verkeer, beantwoord, await rijenIn(env)) };
  } finally {
    for (const running of gestart) await running.stop().catch(() => undefined);
    await opslag.scratch?.drop();
  }
}

/** The totals the command prints last (a JSON object), after any log lines. */
export function totalenVan(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout.slice(stdout.lastIndexOf('{\n  "map"'))) as Record<string, unknown>;
}

/** How a process ended (exit code, or the signal that ended it) and what it printed. */
export function uitkomst(child: ChildProcess): Promise<{ code: number | string; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code: code ?? signal ?? -1, stdout, stderr }));
  });
}
