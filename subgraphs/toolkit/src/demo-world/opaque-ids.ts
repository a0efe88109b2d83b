import { createHmac, hash } from 'node:crypto';
import type { DemoWorld } from './world.js';

/**
 * The keyed hash every opaque id is made with: `(kind, id) => hex`, under a key of its own derived from
 * the installation's secret (not the pseudonym's). Rows made at run time (a toewijzing granted through a
 * mutation) get their visible number from it too, so they reveal no order or count either.
 */
export function opaqueIdHasher(secret: string): (kind: string, id: string) => string {
  // One SHA-256 of key and id per row: a keyed hash with a secret fixed-length prefix, five times faster
  // than an HMAC per row over 100,000 rows, and every subgraph process builds the world at its start.
  const idKey = createHmac('sha256', secret).update('sociaal-graph-id').digest('hex');
  return (kind, id) => hash('sha256', `${idKey}|${kind}|${id}`);
}

/**
 * The generator numbers rows as it makes them (`ml-17`, `hh-0317-12`, `W0317000012`): per gemeente
 * or per resident in order, so a caller who sees some rows could read from a gap that a row exists
 * it may not see (a Jeugdwet melding of a resident whose Wmo meldingen it sees), and from the
 * highest number how many there are. Every id a caller can see that is about residents is
 * therefore replaced by a keyed hash of the generated one: the same installation (same secret)
 * gets the same ids on every start and in every subgraph, while the ids reveal neither count nor
 * order. Ids of public data (contracts, products, subsidies) stay readable.
 */
export function withOpaqueIds(world: Omit<DemoWorld, 'declaraties'>, secret: string): Omit<DemoWorld, 'declaraties'> {
  // Changes the rows of `world` (made for it alone by the generator) and returns it. The declaraties
  // are not in it: they are generated later, as they are loaded, with `opaqueDeclaratieIds`' ids, and
  // carry the toewijzingen's numbers as this leaves them.
  const key = opaqueIdHasher(secret);
  const ids = <T extends { id: string }>(kind: string, rows: readonly T[], make: (row: T, hash: string) => string) => {
    const map = new Map<string, string>();
    for (const row of rows) map.set(row.id, make(row, key(kind, row.id)));
    return map;
  };
  // The gemeente stays readable in ids that carried it (it is no secret: every row has it).
  const withGemeente = (prefix: string) => (row: { gemeenteCode: string }, hash: string) => `${prefix}-${row.gemeenteCode}-${hash.slice(0, 16)}`;
  const huishoudens = ids('huishouden', world.huishoudens, withGemeente('hh'));
  const meldingen = ids('melding', world.meldingen, (_row, hash) => `ml-${hash.slice(0, 20)}`);
  const verwijzingen = ids('verwijzing', world.verwijzingen, withGemeente('vw'));
  const trajecten = ids('traject', world.jeugdTrajecten, withGemeente('tr'));
  const uitkeringen = ids('uitkering', world.uitkeringen, withGemeente('uk'));
  const reintegratie = ids('reintegratietraject', world.reintegratietrajecten, withGemeente('ri'));
  const schuldhulp = ids('schuldhulptraject', world.schuldhulptrajecten, withGemeente('sh'));
  const minima = ids('minimaregeling', world.minimaregelingen, withGemeente('mr'));
  // ToewijzingNummer (iWmo/iJw LDT_Nummer): an integer, unique within gemeente and wet by the standard.
  // Eight digits from the keyed hash (10 000 000-99 999 999), the next hash on a collision: never nine,
  // which the gateway refuses in an operation's text as a possible BSN, so that the README's examples
  // can write one. Unique across gemeenten and laws too: a Wmo and a Jeugdwet toewijzing sharing a
  // number (a few of the ~10,000 per world by the birthday bound) would make a number name two rows.
  const toewijzingen = new Map<string, string>();
  const inGebruik = new Set<string>();
  for (const row of [...world.wmoToewijzingen, ...world.jeugdToewijzingen]) {
    const nummer = row.toewijzingsnummer;
    for (let poging = 0; ; poging += 1) {
      const getal = 10_000_000 + (Number.parseInt(key('toewijzing', `${nummer}|${poging}`).slice(0, 12), 16) % 90_000_000);
      const uniek = String(getal);
      if (inGebruik.has(uniek)) continue;
      inGebruik.add(uniek);
      toewijzingen.set(`${row.wet}|${nummer}`, String(getal));
      break;
    }
  }
  const get = (map: ReadonlyMap<string, string>, id: string): string => {
    const opaque = map.get(id);
    if (opaque === undefined) throw new Error(`demo world: no row for id ${id}`);
    return opaque;
  };
  const maybe = (map: ReadonlyMap<string, string>, id: string | null) => (id === null ? null : get(map, id));
  const toewijzing = <T extends { wet: string; toewijzingsnummer: string }>(row: T) => get(toewijzingen, `${row.wet}|${row.toewijzingsnummer}`);
  // In place: `build` made every row for this world alone, and a copy of each (millions of declaraties
  // nationally) doubled the heap the generator needs at its peak.
  const each = <T>(rows: readonly T[], change: (row: { -readonly [K in keyof T]: T[K] }) => void) => {
    for (const row of rows) change(row as { -readonly [K in keyof T]: T[K] });
  };
  each(world.huishoudens, (row) => (row.id = get(huishoudens, row.id)));
  each(world.inwoners, (row) => (row.huishoudenId = get(huishoudens, row.huishoudenId)));
  each(world.meldingen, (row) => (row.id = get(meldingen, row.id)));
  each(world.wmoToewijzingen, (row) => (row.toewijzingsnummer = toewijzing(row)));
  each(world.jeugdToewijzingen, (row) => {
    row.toewijzingsnummer = toewijzing(row);
    row.verwijzingId = maybe(verwijzingen, row.verwijzingId);
    row.trajectId = maybe(trajecten, row.trajectId);
  });
  each(world.verwijzingen, (row) => (row.id = get(verwijzingen, row.id)));
  each(world.jeugdTrajecten, (row) => (row.id = get(trajecten, row.id)));
  each(world.uitkeringen, (row) => (row.id = get(uitkeringen, row.id)));
  each(world.reintegratietrajecten, (row) => (row.id = get(reintegratie, row.id)));
  each(world.schuldhulptrajecten, (row) => (row.id = get(schuldhulp, row.id)));
  each(world.minimaregelingen, (row) => (row.id = get(minima, row.id)));
  return world;
}

/** A declaratie's published id from its generated one (`d-17`): the same keyed hash as every other id. */
export function opaqueDeclaratieIds(secret: string): (id: string) => string {
  const key = opaqueIdHasher(secret);
  return (id) => `d-${key('declaratie', id).slice(0, 20)}`;
}
