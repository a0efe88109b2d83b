import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentPrincipal, type Principal, Rol, testPrincipal, Wet } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { createLoaders } from '../loaders.js';
import { subgraph } from '../schema.js';
import { demoWorld, wettenVan } from '../world.test-utils.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(() => harness?.close());

/** Like the HBEL organisation: toegang for Huizen, Blaricum, Eemnes, Laren; Eemnes' Jeugdwet is Amersfoort's. */
const hbel: Principal = testPrincipal({
  organisatie: 'uo-hbel',
  rollen: ['consulent'],
  scope: (wet, rol) =>
    rol !== Rol.TOEGANG
      ? { alle: false, gemeenten: [] }
      : { alle: false, gemeenten: wet === Wet.JEUGDWET ? ['0406', '0376', '0417'] : ['0406', '0376', '0317', '0417'] },
});

describe('resident batch functions', () => {
  it('re-order rows to the keys and give null for misses', async () => {
    const world = demoWorld();
    const ids = [world.inwoners[7].id, 'e'.repeat(32), world.inwoners[1].id, world.inwoners[4].id];
    const rows = await createLoaders(harness.db, developmentPrincipal).residents.inwoner.loadMany(ids);
    expect(rows.map((row) => (row && 'id' in row ? row.id : null))).toEqual([ids[0], null, ids[2], ids[3]]);
  });

  it('group meldingen under their resident, [] for a resident without', async () => {
    const world = demoWorld();
    const zonder = world.inwoners.find((i) => wettenVan(world, i).size === 0);
    const met = world.inwoners.find((i) => wettenVan(world, i).size > 1);
    expect(zonder && met).toBeTruthy();
    const ids = [met?.id ?? '', zonder?.id ?? ''];
    const [metRows, zonderRows] = await createLoaders(harness.db, developmentPrincipal).residents.meldingenVanInwoner.loadMany(ids);
    expect(zonderRows).toEqual([]);
    expect(Array.isArray(metRows) && metRows.every((m) => m.inwonerId === met?.id)).toBe(true);
  });
});

describe('scope in SQL', () => {
  it('hides residents outside every toegang scope', async () => {
    const world = demoWorld();
    const hilversum = world.inwoners.find((i) => i.gemeenteCode === '0402');
    const huizen = world.inwoners.find((i) => i.gemeenteCode === '0406');
    const loaders = createLoaders(harness.db, hbel).residents;
    expect(await loaders.inwoner.load(hilversum?.id ?? '')).toBeNull();
    expect((await loaders.inwoner.load(huizen?.id ?? ''))?.id).toBe(huizen?.id);
    expect(await loaders.huishouden.load(hilversum?.huishoudenId ?? '')).toBeNull();
    const pagina = await loaders.inwonerPagina({ wetten: null, first: 5, offset: 0 }).load('0402');
    expect(pagina).toEqual({ gemeenteCode: '0402', totaal: 0, inwoners: [] });
  });

  it("shows an Eemnes resident's Wmo meldingen but not the Jeugdwet ones", async () => {
    const world = demoWorld();
    const eemnes = world.inwoners.filter((i) => i.gemeenteCode === '0317');
    const metJeugd = eemnes.find((i) => wettenVan(world, i).has('JEUGDWET'));
    expect(metJeugd).toBeDefined();
    const loaders = createLoaders(harness.db, hbel).residents;
    const meldingen = await loaders.meldingenVanInwoner.load(metJeugd?.id ?? '');
    const expected = world.meldingen.filter((m) => m.inwonerId === metJeugd?.id && m.wet !== 'JEUGDWET');
    expect(meldingen.map((m) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
    const jeugdPagina = await loaders.inwonerPagina({ wetten: ['JEUGDWET'], first: 5, offset: 0 }).load('0317');
    expect(jeugdPagina.totaal).toBe(0);
  });
});
