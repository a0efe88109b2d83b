import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentPrincipal, type Principal, Rol, testPrincipal, Wet, withDeadline } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { createLoaders } from '../loaders.js';
import { subgraph } from '../schema.js';
import { consulentVan, demoWorld, inwonersVan, wettenVan } from '../world.test-utils.js';

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

  it('reads the same page without its count, the total then null', async () => {
    const loaders = createLoaders(harness.db, hbel).residents;
    const geteld = await loaders.inwonerPagina({ wetten: ['WMO'], first: 3, offset: 1 }).load('0406');
    const ongeteld = await loaders.inwonerPagina({ wetten: ['WMO'], first: 3, offset: 1, metTotaal: false }).load('0406');
    expect(geteld.inwoners).toHaveLength(3);
    expect(geteld.totaal).toBeGreaterThan(3);
    expect(ongeteld).toEqual({ ...geteld, totaal: null });
    expect(await loaders.inwonerPagina({ wetten: null, first: 5, offset: 0, metTotaal: false }).load('0402')).toEqual({ gemeenteCode: '0402', totaal: null, inwoners: [] });
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

describe('a resident is visible through the whole front door or a visible melding', () => {
  const world = demoWorld();
  const amersfoort = consulentVan(world, '0307');
  const hbelUitWereld = consulentVan(world, 'uo-hbel');
  const eemnes = inwonersVan(world, '0317');
  const metWet = (...wetten: string[]) => eemnes.filter((i) => wetten.some((wet) => wettenVan(world, i).has(wet))).map((i) => i.id);

  it('follows the arrangements: Eemnes\' Jeugdwet toegang is Amersfoort\'s, its Wmo and Participatiewet HBEL\'s', () => {
    const toegang = (organisatie: string) =>
      world.arrangementen
        .filter((a) => a.organisatieId === organisatie && a.gemeenteCode === '0317' && a.rol === 'TOEGANG')
        .map((a) => a.wet)
        .sort();
    expect(toegang('0307')).toEqual(['JEUGDWET']);
    expect(toegang('uo-hbel')).toEqual(['PARTICIPATIEWET', 'WMO']);
    // Both groups exist and differ, so the assertions below tell the rules apart.
    expect(metWet('JEUGDWET').length).toBeGreaterThan(0);
    expect(metWet('WMO', 'PARTICIPATIEWET').length).toBeGreaterThan(0);
    expect(eemnes.length).toBeGreaterThan(new Set([...metWet('JEUGDWET'), ...metWet('WMO', 'PARTICIPATIEWET')]).size);
  });

  it('pages every wetten filter across offsets as the world has it, with its total', async () => {
    // The page statement keeps one plan for all values: each run must still follow its own filter and scope.
    const loaders = createLoaders(harness.db, hbelUitWereld).residents;
    // Blaricum: HBEL's whole front door. Eemnes: its Wmo and Participatiewet only, so no Jeugdwet melding counts there.
    const wmoOfParticipatie = new Set(metWet('WMO', 'PARTICIPATIEWET'));
    const gemeenten = [
      ['0376', inwonersVan(world, '0376')],
      ['0317', eemnes.filter((i) => wmoOfParticipatie.has(i.id))],
    ] as const;
    for (const [gemeente, zichtbaar] of gemeenten) {
      const telt = (wet: string) => gemeente !== '0317' || wet !== 'JEUGDWET';
      for (const wetten of [null, ['WMO'], ['JEUGDWET', 'WMO'], ['WMO', 'JEUGDWET', 'PARTICIPATIEWET']]) {
        const waar = zichtbaar.filter((i) => (wetten ?? []).every((wet) => telt(wet) && wettenVan(world, i).has(wet))).map((i) => i.id);
        const gelezen: string[] = [];
        for (let offset = 0; offset <= waar.length; offset += 40) {
          const pagina = await loaders.inwonerPagina({ wetten, first: 40, offset }).load(gemeente);
          expect(pagina.totaal).toBe(waar.length);
          gelezen.push(...pagina.inwoners.map((i) => i.id));
        }
        expect(gelezen).toEqual(waar);
      }
    }
  });

  it("gives Amersfoort's consulent exactly the Eemnes residents with a Jeugdwet melding", async () => {
    const loaders = createLoaders(harness.db, amersfoort).residents;
    const pagina = await loaders.inwonerPagina({ wetten: null, first: 1000, offset: 0 }).load('0317');
    expect(pagina.inwoners.map((i) => i.id)).toEqual(metWet('JEUGDWET'));
    expect(pagina.totaal).toBe(metWet('JEUGDWET').length);
    const opId = await loaders.inwoner.loadMany(eemnes.map((i) => i.id));
    expect(opId.flatMap((row) => (row && 'id' in row ? [row.id] : []))).toEqual(metWet('JEUGDWET'));
    const opBsn = await loaders.inwonerOpBsn.loadMany(eemnes.map((i) => i.bsn));
    expect(opBsn.flatMap((row) => (row && 'id' in row ? [row.id] : []))).toEqual(metWet('JEUGDWET'));
    // Its own gemeente: the whole front door.
    const eigen = await loaders.inwonerPagina({ wetten: null, first: 1, offset: 0 }).load('0307');
    expect(eigen.totaal).toBe(inwonersVan(world, '0307').length);
  });

  it("gives HBEL's consulent in Eemnes only residents with a Wmo or Participatiewet melding, in Huizen everyone", async () => {
    const loaders = createLoaders(harness.db, hbelUitWereld).residents;
    const pagina = await loaders.inwonerPagina({ wetten: null, first: 1000, offset: 0 }).load('0317');
    expect(pagina.inwoners.map((i) => i.id)).toEqual(metWet('WMO', 'PARTICIPATIEWET'));
    expect(pagina.totaal).toBe(metWet('WMO', 'PARTICIPATIEWET').length);
    const alleenJeugd = eemnes.find((i) => wettenVan(world, i).size === 1 && wettenVan(world, i).has('JEUGDWET'));
    expect(alleenJeugd).toBeDefined();
    expect(await loaders.inwonerOpBsn.load(alleenJeugd?.bsn ?? '')).toBeNull();
    const huizen = await loaders.inwonerPagina({ wetten: null, first: 1, offset: 0 }).load('0406');
    expect(huizen.totaal).toBe(inwonersVan(world, '0406').length);
  });

  it('shows a household with a visible member, and only its visible members', async () => {
    const loaders = createLoaders(harness.db, amersfoort).residents;
    const zichtbaar = new Set(metWet('JEUGDWET'));
    const huishoudens = world.huishoudens.filter((h) => h.gemeenteCode === '0317');
    const leden = (id: string) =>
      world.inwoners
        .filter((i) => i.huishoudenId === id && zichtbaar.has(i.id))
        .sort((a, b) => a.geboortedatum.localeCompare(b.geboortedatum) || (a.id < b.id ? -1 : 1))
        .map((i) => i.id);
    const gemengd = huishoudens.find(
      (h) => leden(h.id).length > 0 && world.inwoners.some((i) => i.huishoudenId === h.id && !zichtbaar.has(i.id)),
    );
    expect(gemengd).toBeDefined();
    const rows = await loaders.huishouden.loadMany(huishoudens.map((h) => h.id));
    expect(rows.flatMap((row) => (row && 'id' in row ? [row.id] : []))).toEqual(
      huishoudens.filter((h) => leden(h.id).length > 0).map((h) => h.id),
    );
    expect((await loaders.ledenVanHuishouden.load(gemengd?.id ?? '')).map((i) => i.id)).toEqual(leden(gemengd?.id ?? ''));
  });

  /** One served request's resident loaders: its own, on its own view of the database (`withDeadline`), as served. */
  const verzoek = (principal: Principal) => createLoaders(withDeadline(harness.db, Date.now() + 60_000, 60_000), principal).residents;

  it("merges concurrent requests' identical pages into one statement, each request getting its own pages", async () => {
    const filter = { wetten: ['WMO'], first: 7, offset: 3 };
    const alleen = (principal: Principal, codes: string[]) => verzoek(principal).inwonerPagina(filter).loadMany(codes);
    const verwacht = {
      blaricum: await alleen(hbelUitWereld, ['0376']),
      eemnesHuizen: await alleen(hbelUitWereld, ['0317', '0406']),
      huizen: await alleen(hbelUitWereld, ['0406']),
    };
    // The pages differ and are full, so a request handed another's rows would fail below.
    expect(verwacht.blaricum[0]).toMatchObject({ inwoners: expect.arrayContaining([expect.anything()]) });
    expect(verwacht.eemnesHuizen.map((p) => ('inwoners' in p ? p.inwoners.length : -1))).toEqual([7, 7]);

    const voor = harness.db.statementCount;
    const [blaricum, eemnesHuizen, huizen] = await Promise.all([
      alleen(hbelUitWereld, ['0376']),
      alleen(hbelUitWereld, ['0317', '0406']),
      alleen(hbelUitWereld, ['0406']),
    ]);
    expect(harness.db.statementCount - voor).toBe(1);
    expect({ blaricum, eemnesHuizen, huizen }).toEqual(verwacht);
  });

  it('never merges pages asked under another scope or for another page', async () => {
    const pagina = (principal: Principal, offset: number) => verzoek(principal).inwonerPagina({ wetten: null, first: 1000, offset }).load('0317');
    const voor = harness.db.statementCount;
    const [viaHbel, viaAmersfoort, verder] = await Promise.all([pagina(hbelUitWereld, 0), pagina(amersfoort, 0), pagina(amersfoort, 1)]);
    expect(harness.db.statementCount - voor).toBe(3);
    expect(viaHbel.inwoners.map((i) => i.id)).toEqual(metWet('WMO', 'PARTICIPATIEWET'));
    expect(viaAmersfoort.inwoners.map((i) => i.id)).toEqual(metWet('JEUGDWET'));
    expect(verder.inwoners.map((i) => i.id)).toEqual(metWet('JEUGDWET').slice(1));
  });

  it('resolves Inwoner references by the same rule', async () => {
    const [zichtbaar] = metWet('JEUGDWET');
    const onzichtbaar = eemnes.find((i) => !wettenVan(world, i).has('JEUGDWET'));
    const { data, errors } = await harness.execute<{ _entities: ({ id: string } | null)[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Inwoner { id } } }`,
      { representations: [zichtbaar, onzichtbaar?.id].map((id) => ({ __typename: 'Inwoner', id })) },
      amersfoort,
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([{ id: zichtbaar }, null]);
  });
});
