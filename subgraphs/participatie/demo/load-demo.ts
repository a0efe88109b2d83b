import { type DemoWorld, insertRows, type Queryable } from '@sociaal-graph/toolkit';

/** Inserts the participatie slice of the demo world: uitkeringen, trajecten and minimaregelingen. */
export async function loadDemo(db: Queryable, world: DemoWorld): Promise<void> {
  await insertRows(
    db,
    'uitkering',
    ['id', 'inwoner_id', 'gemeente_code', 'regeling', 'normcategorie', 'bedrag_per_maand', 'ingangsdatum', 'einddatum', 'reden_beeindiging'],
    world.uitkeringen.map((u) => [
      u.id, u.inwonerId, u.gemeenteCode, u.regeling, u.normcategorie, u.bedragPerMaand, u.ingangsdatum, u.einddatum, u.redenBeeindiging,
    ]),
  );
  await insertRows(
    db,
    'reintegratietraject',
    ['id', 'inwoner_id', 'gemeente_code', 'instrument', 'aanbieder_agb', 'startdatum', 'einddatum', 'resultaat'],
    world.reintegratietrajecten.map((t) => [
      t.id, t.inwonerId, t.gemeenteCode, t.instrument, t.aanbiederAgb, t.startdatum, t.einddatum, t.resultaat,
    ]),
  );
  await insertRows(
    db,
    'schuldhulptraject',
    ['id', 'inwoner_id', 'gemeente_code', 'fase', 'startdatum', 'einddatum', 'schuldbedrag', 'aantal_schuldeisers'],
    world.schuldhulptrajecten.map((t) => [
      t.id, t.inwonerId, t.gemeenteCode, t.fase, t.startdatum, t.einddatum, t.schuldbedrag, t.aantalSchuldeisers,
    ]),
  );
  await insertRows(
    db,
    'minimaregeling',
    ['id', 'inwoner_id', 'gemeente_code', 'regeling', 'jaar', 'bedrag'],
    world.minimaregelingen.map((m) => [m.id, m.inwonerId, m.gemeenteCode, m.regeling, m.jaar, m.bedrag]),
  );
}
