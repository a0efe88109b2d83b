/**
 * `npm run berichten:genereer -- <map> [--dagen 365] [--aandeel 1] [--seed 2026] [--van YYYY-MM-DD]`: writes
 * generated iWmo/iJw 3.2 traffic of the HBEL gemeenten (305, 307, 315, 317, 323, valid and faulty) about the
 * demo world's toewijzingen into a folder, one file per message in sending order, with `verwacht.json`: the
 * retour and retourcodes the generator expects for each, and the rows an ingest should leave behind
 * (subgraphs/toolkit/src/berichten/verkeer.ts). Same settings as the graph (DEMO_*, PSEUDONYM_SECRET or
 * DATA_DIR's installation), so the messages refer to the rows the graph loaded. Then:
 * `npm run berichten:inlezen -- <map>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemoWorld, genereerVerkeer, readSubgraphConfig, verwachting } from '@sociaal-graph/toolkit';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dagen: { type: 'string', default: '365' }, aandeel: { type: 'string', default: '1' }, seed: { type: 'string', default: '2026' }, van: { type: 'string' } },
});
const map = positionals[0];
if (!map) {
  console.error('gebruik: npm run berichten:genereer -- <map> [--dagen 365] [--aandeel 1] [--seed 2026] [--van YYYY-MM-DD]');
  process.exit(2);
}
const world = generateDemoWorld(readSubgraphConfig('wmo', 4003).demo);
const verkeer = genereerVerkeer(world, { seed: Number(values.seed), dagen: Number(values.dagen), aandeel: Number(values.aandeel), van: values.van });
mkdirSync(map, { recursive: true });
for (const bericht of verkeer.berichten) writeFileSync(join(map, bericht.bestand), bericht.xml);
writeFileSync(join(map, 'verwacht.json'), `${JSON.stringify(verwachting(verkeer), null, 2)}\n`);
const soorten: Record<string, number> = {};
for (const b of verkeer.berichten) soorten[b.soort] = (soorten[b.soort] ?? 0) + 1;
console.log(JSON.stringify({ map: resolve(map), van: verkeer.van, tot: verkeer.tot, berichten: verkeer.berichten.length, soorten, rijen: verkeer.rijen }, null, 2));
