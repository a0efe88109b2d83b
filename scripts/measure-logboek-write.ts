import 'reflect-metadata';
/**
 * `npx tsx scripts/measure-logboek-write.ts [--root <other checkout>] [--rounds N] [--prefill N]`: CPU time of one
 * Logboek write on PGlite (issue 14), as `npm start` writes them: its data folder on disk, one instance with the
 * log tables in a schema per checkout, this checkout's writer and migrations and, with `--root`, another
 * checkout's (a baseline) beside them, in blocks that alternate. Shapes: one request with 2 and with 4 verwerkingen
 * (a view alone), and 20 requests of 3 that finish together (one group-commit statement under load). The CPU is the
 * process's (user + sys) over a block of writes, the writer's own JSON building included; the table holds `--prefill`
 * verwerkingen first. Not part of `npm test`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Database, openSharedPglite, REPO_ROOT, runMigrations } from '@sociaal-graph/toolkit';

const { values } = parseArgs({ options: { root: { type: 'string' }, rounds: { type: 'string', default: '30' }, prefill: { type: 'string', default: '30000' } }, strict: true });
const rounds = Number(values.rounds);
const BLOK = 8;

interface Verslag {
  traceId: string; verzoekId: string; spanId: string; organisatie: string; rollen: string[]; actor: string; tijdstip: Date; resultaat: 'geslaagd';
  regels: Array<{ activiteit: string; betrokkene: string; soort: 'inwoner' }>;
}
interface Schrijvers {
  schrijfVerwerkingen(db: Pick<Database, 'logboekQuery'>, verslag: Verslag): Promise<void>;
  schrijfVerwerkingenGebundeld(db: Database, verslag: Verslag): Promise<void>;
}

const verslag = (regels: number): Verslag => ({
  traceId: randomBytes(16).toString('hex'),
  verzoekId: randomBytes(16).toString('hex'),
  spanId: randomBytes(8).toString('hex'),
  organisatie: 'uo-hbel',
  rollen: ['consulent'],
  actor: randomBytes(16).toString('base64url'),
  tijdstip: new Date(),
  resultaat: 'geslaagd',
  regels: Array.from({ length: regels }, (_, i) => ({ activiteit: `wmo:toewijzing:lezen-${i % 3}`, betrokkene: `inw-${randomBytes(6).toString('hex')}`, soort: 'inwoner' })),
});

const checkouts = [{ naam: 'deze', root: REPO_ROOT }, ...(values.root ? [{ naam: 'root', root: resolve(values.root) }] : [])];
const dir = await mkdtemp(join(tmpdir(), 'logboek-schrijven-'));
const shared = await openSharedPglite(dir);
const deelnemers: Array<{ naam: string; db: Database; schrijvers: Schrijvers }> = [];
for (const [i, { naam, root }] of checkouts.entries()) {
  const db = await shared.database(`meting_${i}`);
  await runMigrations(db, join(root, 'subgraphs/toolkit/src/logboek/migrations'));
  const schrijvers = (await import(join(root, 'subgraphs/toolkit/src/logboek/schrijf-verwerkingen.ts'))) as Schrijvers;
  // A log that has been written to a while: its indexes several levels deep.
  for (let n = 0; n < Number(values.prefill); n += 500) await schrijvers.schrijfVerwerkingen(db, verslag(500));
  deelnemers.push({ naam, db, schrijvers });
}

const vormen: Array<{ naam: string; schrijf: (d: (typeof deelnemers)[number]) => Promise<unknown> }> = [
  { naam: '1 request, 2 verwerkingen', schrijf: (d) => d.schrijvers.schrijfVerwerkingen(d.db, verslag(2)) },
  { naam: '1 request, 4 verwerkingen', schrijf: (d) => d.schrijvers.schrijfVerwerkingen(d.db, verslag(4)) },
  { naam: '20 requests of 3 together', schrijf: (d) => Promise.all(Array.from({ length: 20 }, () => d.schrijvers.schrijfVerwerkingenGebundeld(d.db, verslag(3)))) },
];
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const metingen = new Map<string, number[]>();
for (let ronde = 0; ronde < rounds; ronde += 1) {
  for (const vorm of vormen) {
    for (const d of ronde % 2 === 0 ? deelnemers : [...deelnemers].reverse()) {
      const begin = cpu();
      for (let i = 0; i < BLOK; i += 1) await vorm.schrijf(d);
      const key = `| ${vorm.naam} | ${d.naam} |`;
      (metingen.get(key) ?? metingen.set(key, []).get(key)!).push((cpu() - begin) / BLOK);
    }
  }
}
const kwantiel = (xs: number[], f: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * f)]!.toFixed(0);
console.log(`| shape | checkout | µs CPU per write, median | p25 | p75 |\n|---|---|---|---|---|`);
for (const [key, xs] of metingen) console.log(`${key} ${kwantiel(xs, 0.5)} | ${kwantiel(xs, 0.25)} | ${kwantiel(xs, 0.75)} |`);
console.log(`(${rounds} blocks of ${BLOK} writes per shape and checkout; ${checkouts.map((c) => `${c.naam} = ${c.root}`).join(', ')})`);
for (const { db } of deelnemers) await db.close();
await rm(dir, { recursive: true, force: true });
