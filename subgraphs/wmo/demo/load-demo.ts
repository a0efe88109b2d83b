import { type DemoWorld, insertRows, type Queryable } from '@sociaal-graph/toolkit';

const COLUMNS = [
  'gemeente_code',
  'toewijzingsnummer',
  'inwoner_id',
  'productcategorie',
  'productcode',
  'aanbieder_agb',
  'contract_id',
  'product_id',
  'tarief_id',
  'volume',
  'eenheid',
  'frequentie',
  'leveringsvorm',
  'ingangsdatum',
  'einddatum',
  'reden_beeindiging',
  'eigen_bijdrage',
] as const;

/**
 * Inserts the wmo slice of the demo world (its Wmo toewijzingen) into an empty database.
 * Runs once at start-up, inside the toolkit's demo-loading transaction.
 */
export async function loadDemo(db: Queryable, world: DemoWorld): Promise<void> {
  const rows = world.wmoToewijzingen
    .filter((t) => t.wet === 'WMO')
    .map((t) => [
      t.gemeenteCode,
      t.toewijzingsnummer,
      t.inwonerId,
      t.productcategorie,
      t.productcode,
      t.aanbiederAgb,
      t.contractId,
      t.productId,
      t.tariefId,
      t.volume,
      t.eenheid,
      t.frequentie,
      t.leveringsvorm,
      t.ingangsdatum,
      t.einddatum,
      t.redenBeeindiging,
      t.eigenBijdrage,
    ]);
  await insertRows(db, 'toewijzing', COLUMNS, rows);
}
