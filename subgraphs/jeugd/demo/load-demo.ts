import { type DemoWorld, insertRows, type Queryable } from '@sociaal-graph/toolkit';

/**
 * Inserts the jeugd slice of the demo world: the peildatum, verwijzingen, trajecten and the
 * Jeugdwet toewijzingen of every gemeente (also Eemnes', which Amersfoort executes: mandates decide
 * who sees them, not the data). Runs once, inside the toolkit's demo-loading transaction.
 */
export async function loadDemo(db: Queryable, world: DemoWorld): Promise<void> {
  await db.query(`INSERT INTO stand (peildatum) VALUES ($1)`, [world.peildatum]);
  await insertRows(
    db,
    'verwijzing',
    ['id', 'inwoner_id', 'gemeente_code', 'verwijzer_type', 'verwijzer_naam', 'datum'],
    world.verwijzingen.map((v) => [v.id, v.inwonerId, v.gemeenteCode, v.verwijzerType, v.verwijzerNaam, v.datum]),
  );
  await insertRows(
    db,
    'traject',
    ['id', 'inwoner_id', 'gemeente_code', 'startdatum', 'einddatum', 'herhaald_beroep'],
    world.jeugdTrajecten.map((t) => [t.id, t.inwonerId, t.gemeenteCode, t.startdatum, t.einddatum, t.herhaaldBeroep]),
  );
  await insertRows(
    db,
    'toewijzing',
    [
      'gemeente_code',
      'toewijzingsnummer',
      'inwoner_id',
      'productcategorie',
      'productcode',
      'aanbieder_agb',
      'contract_id',
      'tarief_id',
      'volume',
      'eenheid',
      'frequentie',
      'leveringsvorm',
      'ingangsdatum',
      'einddatum',
      'reden_beeindiging',
      'verwijzing_id',
      'traject_id',
    ],
    world.jeugdToewijzingen.map((t) => [
      t.gemeenteCode,
      t.toewijzingsnummer,
      t.inwonerId,
      t.productcategorie,
      t.productcode,
      t.aanbiederAgb,
      t.contractId,
      t.tariefId,
      t.volume,
      t.eenheid,
      t.frequentie,
      t.leveringsvorm,
      t.ingangsdatum,
      t.einddatum,
      t.redenBeeindiging,
      t.verwijzingId,
      t.trajectId,
    ]),
  );
}
