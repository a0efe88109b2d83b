/**
 * `npm run berichten:jaar [-- --aandeel 1] [--aandeel-mutaties 1] [--dagen 365] [--seed 2026] [--uit scripts/results/berichten-jaar.md]`:
 * a year of generated iWmo/iJw 3.2 traffic of the HBEL gemeenten (scripts/berichten-verkeer.ts) through the
 * folder command and through the GraphQL mutations at the gateway, each on fresh databases with the demo
 * world (PGlite in a temporary folder, or scratch databases on DATABASE_URL), each timed and reconciled:
 * messages in, rows stored, retours per retourcode against what the generator expects. Writes the figures
 * as markdown (default scripts/results/berichten-jaar.md) and exits 1 when anything does not reconcile.
 * `--aandeel` is the share of the HBEL toewijzingen of the year that get their messages (default 1, the whole
 * year: about 1,900 messages at the default demo scale, 700 of them 323 declaraties); `--aandeel 0.1` for a
 * lighter run. `--aandeel-mutaties` gives the mutation path (about five times slower per message) traffic of
 * its own share of the toewijzingen (default: the same traffic as the command).
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { genereerVerkeer, REPO_ROOT, type VerwachteRijen, Wet } from '@sociaal-graph/toolkit';
import { nieuweInstallatie, type Uitslag, viaMutaties, viaOpdracht } from './berichten-verkeer.js';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
const { values } = parseArgs({
  options: {
    aandeel: { type: 'string', default: '1' },
    'aandeel-mutaties': { type: 'string' },
    dagen: { type: 'string', default: '365' },
    seed: { type: 'string', default: '2026' },
    uit: { type: 'string', default: join(REPO_ROOT, 'scripts/results/berichten-jaar.md') },
  },
});
const aandeel = Number(values.aandeel);
const dagen = Number(values.dagen);
const seed = Number(values.seed);

const installatie = await nieuweInstallatie();
try {
  const verkeer = genereerVerkeer(installatie.world, { seed, dagen, aandeel });
  console.log(`${verkeer.berichten.length} berichten van ${verkeer.van} tot ${verkeer.tot}; via de opdracht...`);
  const opdracht = await viaOpdracht(installatie, verkeer);
  console.log(`opdracht: ${opdracht.seconden.toFixed(1)} s, ${opdracht.verzoening.verschillen.length} verschillen; via de mutaties...`);
  const verkeerMutaties = values['aandeel-mutaties'] === undefined ? verkeer : genereerVerkeer(installatie.world, { seed, dagen, aandeel: Number(values['aandeel-mutaties']) });
  const mutatie = await viaMutaties(installatie, verkeerMutaties);
  console.log(`mutaties: ${mutatie.seconden.toFixed(1)} s, ${mutatie.verzoening.verschillen.length} verschillen`);

  const args = [values.aandeel !== '1' ? `--aandeel ${values.aandeel}` : '', values['aandeel-mutaties'] !== undefined ? `--aandeel-mutaties ${values['aandeel-mutaties']}` : '', values.dagen !== '365' ? `--dagen ${values.dagen}` : '', values.seed !== '2026' ? `--seed ${values.seed}` : '']
    .filter(Boolean)
    .join(' ');
  const aantal = (u: Uitslag) => (u.pad === 'mutatie' ? verkeerMutaties : verkeer).berichten.length;
  const per = (u: Uitslag) => (aantal(u) / u.seconden).toFixed(1);
  const eigen = verkeerMutaties !== verkeer;
  const nummers = new Map<string, number>();
  for (const b of verkeer.berichten) nummers.set(`${b.wet === Wet.WMO ? 'iWmo' : 'iJw'} ${b.nummer}`, (nummers.get(`${b.wet === Wet.WMO ? 'iWmo' : 'iJw'} ${b.nummer}`) ?? 0) + 1);
  const v = opdracht.verzoening;
  const regels = [
    '# A year of HBEL message traffic: folder command and mutation path',
    '',
    `Command: \`npm run berichten:jaar${args ? ` -- ${args}` : ''}\` (${new Date().toISOString().slice(0, 10)}, ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}, ${cpus().length} cores shared with other work).`,
    '',
    `Generated traffic (subgraphs/toolkit/src/berichten/verkeer.ts, seed ${seed}): the messages the aanbieders of Huizen 0406, Blaricum 0376,`,
    `Eemnes 0317 and Laren 0417 would send from ${verkeer.van} to ${verkeer.tot} about ${aandeel === 1 ? 'all the' : `a share ${aandeel} of the`} demo world's`,
    'toewijzingen (zorg in natura) that begin in that year: 315 before, 305 at the start, 307 at the end, 317 for some running ones, and faulty',
    'messages among them; 323 declaraties to inkoop each month per aanbieder, gemeente and law about the same toewijzingen (from the',
    "world's toewijzingsberichten and tarieven inkoop loads), some with faulty lines or sent twice. Each way in starts from fresh",
    'databases with the demo world (its loading not timed).',
    ...(eigen ? ['', `The mutation path got traffic of its own: a share ${values['aandeel-mutaties']} of the toewijzingen, ${verkeerMutaties.berichten.length} messages (same seed); its expected figures are in their own columns.`] : []),
    '',
    '| messages | count |',
    '|---|---:|',
    ...[...nummers].sort().map(([nummer, n]) => `| ${nummer} | ${n} |`),
    ...Object.entries(v.perSoort).sort().map(([soort, n]) => `| of which ${soort} | ${n} |`),
    `| **total** | **${verkeer.berichten.length}** |`,
    '',
    '## Retours per retourcode (number of answers carrying the code)',
    '',
    `| retourcode | expected | folder command |${eigen ? ' expected (mutations) |' : ''} mutation path |`,
    `|---|---:|---:|${eigen ? '---:|' : ''}---:|`,
    ...Object.keys({ ...v.retourcodes, ...mutatie.verzoening.retourcodes }).sort().map(
      (code) =>
        `| ${code} | ${v.retourcodes[code]?.verwacht ?? 0} | ${v.retourcodes[code]?.gezien ?? 0} |${eigen ? ` ${mutatie.verzoening.retourcodes[code]?.verwacht ?? 0} |` : ''} ${mutatie.verzoening.retourcodes[code]?.gezien ?? 0} |`,
    ),
    '',
    '## Rows stored',
    '',
    `| law | rows | expected | folder command |${eigen ? ' expected (mutations) |' : ''} mutation path |`,
    `|---|---|---:|---:|${eigen ? '---:|' : ''}---:|`,
    ...(['WMO', 'JEUGDWET'] as const).flatMap((wet) =>
      (Object.keys(v.rijen[wet]!.verwacht) as (keyof VerwachteRijen)[]).map(
        (rij) =>
          `| ${wet} | ${rij} | ${v.rijen[wet]!.verwacht[rij]} | ${v.rijen[wet]!.opgeslagen[rij]} |${eigen ? ` ${mutatie.verzoening.rijen[wet]!.verwacht[rij]} |` : ''} ${mutatie.verzoening.rijen[wet]!.opgeslagen[rij]} |`,
      ),
    ),
    '',
    'levering to retours in wmo and jeugd (305, 307, 315, 317); declaratieregels (lines INGEDIEND), declaraties, declaratiesOntvangen and',
    'declaratieretours (325) in inkoop (323).',
    '',
    `Folder command totals: ${JSON.stringify(Object.fromEntries(['aangeboden', 'geaccepteerd', 'afgekeurd', 'herhaald', 'geweigerd'].map((k) => [k, opdracht.opdracht?.[k]])))}.`,
    `Mutation path: accepted ${mutatie.verzoening.geaccepteerd.gezien} (expected ${mutatie.verzoening.geaccepteerd.verwacht}), repeats ${mutatie.verzoening.herhaald.gezien} (expected ${mutatie.verzoening.herhaald.verwacht}).`,
    '',
    '## Time (ingest only)',
    '',
    '| way in | messages | seconds | messages/s | time per message against the folder command |',
    '|---|---:|---:|---:|---:|',
    `| folder command (\`npm run berichten:inlezen\`, its own process, start-up included) | ${aantal(opdracht)} | ${opdracht.seconden.toFixed(1)} | ${per(opdracht)} | 1.00 |`,
    `| mutations through the gateway, one at a time | ${aantal(mutatie)} | ${mutatie.seconden.toFixed(1)} | ${per(mutatie)} | ${(mutatie.seconden / aantal(mutatie) / (opdracht.seconden / aantal(opdracht))).toFixed(2)} |`,
    '',
    `Differences: folder command ${opdracht.verzoening.verschillen.length}, mutation path ${mutatie.verzoening.verschillen.length}.`,
    ...[...opdracht.verzoening.verschillen.map((d) => `- command: ${d}`), ...mutatie.verzoening.verschillen.map((d) => `- mutation: ${d}`)].slice(0, 40),
    '',
  ];
  writeFileSync(values.uit!, regels.join('\n'));
  console.log(`geschreven: ${values.uit}`);
  process.exitCode = opdracht.verzoening.verschillen.length + mutatie.verzoening.verschillen.length > 0 ? 1 : 0;
} finally {
  await installatie.opruimen();
}
