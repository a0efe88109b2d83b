import { readFileSync } from 'node:fs';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PERCELEN_PER_CONTRACT, MAX_PRODUCTEN_PER_PERCEEL, MAX_TARIEVEN_PER_PRODUCT } from './lijstgrenzen.js';
import { subgraph } from './schema.js';

let harness: SubgraphHarness;

// An empty database (the demo world, which keeps within the bounds, loads in every graph's start):
// two contracts, each with one perceel, one product and one tariff, written here.
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph, { DEMO_WORLD: 'off' });
  const db = harness.db;
  await db.query(`INSERT INTO aanbieder (agb_code, naam, kvk_nummer, vestigingsplaats, soort) VALUES ('12345678', 'Zorg BV', '12345678', 'Huizen', 'ZORGAANBIEDER')`);
  for (const c of ['a', 'b']) {
    await db.query(
      `INSERT INTO contract (id, naam, contractant_id, aanbieder_agb, wet, soort, procedure, bekostiging, looptijd_van, declaratietermijn_dagen)
       VALUES ($1, $1, 'regio-gv', '12345678', 'WMO', 'REGIONAAL', 'OPEN_HOUSE', 'PXQ', '2025-01-01', 90)`,
      [c],
    );
    await db.query(`INSERT INTO perceel (id, contract_id, naam) VALUES ($1, $2, 'perceel')`, [`${c}-perceel-0`, c]);
    await db.query(
      `INSERT INTO product (id, perceel_id, wet, productcategorie, productcode, naam, eenheid, frequentie) VALUES ($1, $2, 'WMO', '02', '02A01', 'Begeleiding', '04', '2')`,
      [`${c}-product-0`, `${c}-perceel-0`],
    );
    await db.query(`INSERT INTO tarief (id, product_id, bedrag, eenheid, geldig_van) VALUES ($1, $2, 6000, '04', '2025-01-01')`, [`${c}-tarief-0`, `${c}-product-0`]);
  }
});

afterAll(async () => {
  await harness?.close();
});

/**
 * Each list whose `@listSize` the gateway multiplies by: its table, the column naming the parent,
 * the parents of contract a and b, and how to write one more row under a parent.
 */
const LISTS = [
  {
    field: 'percelen: [Perceel!]!', max: MAX_PERCELEN_PER_CONTRACT, table: 'perceel', parent: 'contract_id', parents: ['a', 'b'],
    insert: (id: string, parent: string) => harness.db.query(`INSERT INTO perceel (id, contract_id, naam) VALUES ($1, $2, 'perceel')`, [id, parent]),
  },
  {
    field: 'producten: [Product!]!', max: MAX_PRODUCTEN_PER_PERCEEL, table: 'product', parent: 'perceel_id', parents: ['a-perceel-0', 'b-perceel-0'],
    insert: (id: string, parent: string) =>
      harness.db.query(`INSERT INTO product (id, perceel_id, wet, productcategorie, productcode, naam, eenheid, frequentie) VALUES ($1, $2, 'WMO', '02', '02A01', 'Begeleiding', '04', '2')`, [id, parent]),
  },
  {
    field: 'tarieven: [Tarief!]!', max: MAX_TARIEVEN_PER_PRODUCT, table: 'tarief', parent: 'product_id', parents: ['a-product-0', 'b-product-0'],
    insert: (id: string, parent: string) => harness.db.query(`INSERT INTO tarief (id, product_id, bedrag, eenheid, geldig_van) VALUES ($1, $2, 6000, '04', '2025-01-01')`, [id, parent]),
  },
] as const;

describe('list sizes are bounds the data keeps (issue 11)', () => {
  it.each(LISTS)('$table: the schema gives $max, and the database refuses one row more', async ({ field, max, table, parent, parents: [full, other], insert }) => {
    // The size the gateway estimates with is the committed schema's.
    const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(sdl).toMatch(new RegExp(`${field.replace(/[[\]!]/g, '\\$&')}[^\\n]*@listSize\\(assumedSize: ${max}\\b`));
    // One row there already; up to the bound is accepted, one more refused.
    for (let i = 1; i < max; i += 1) await insert(`${full}-${table}-${i}`, full);
    await expect(insert(`${full}-${table}-${max}`, full)).rejects.toThrow(/het maximum/);
    const count = async (id: string) => (await harness.db.query<{ aantal: number }>(`SELECT count(*)::int AS aantal FROM ${table} WHERE ${parent} = $1`, [id]))[0].aantal;
    expect(await count(full)).toBe(max);
    // Nor can a row be moved under a parent that is full.
    await expect(harness.db.query(`UPDATE ${table} SET ${parent} = $1 WHERE ${parent} = $2`, [full, other])).rejects.toThrow(/het maximum/);
    expect(await count(other)).toBe(1);
  });
});
