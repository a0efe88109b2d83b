import { type DemoWorld, type Principal, testPrincipal, type WorldDeclaratie } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byText, dataOf, defaultWorld, firstError } from '../inkoop.test-utils.js';
import { createLoaders } from '../loaders.js';
import { subgraph } from '../schema.js';
import { findDeclaraties } from './declaratie.sql.js';

let harness: SubgraphHarness;
let world: DemoWorld;

beforeAll(async () => {
  world = defaultWorld();
  harness = await createSubgraphHarness(subgraph);
});

afterAll(async () => {
  await harness?.close();
});

const byDagtekening = byText<WorldDeclaratie>((d) => `${d.ingediendOp}\u0000${d.id}`);
const byLevering = byText<WorldDeclaratie>((d) => `${d.leveringVan}\u0000${d.ingediendOp}\u0000${d.id}`);

/** Days from the last day of the delivery month to the dagtekening, computed without SQL. */
function vertraging(d: WorldDeclaratie): number {
  const tot = new Date(`${d.leveringTot}T00:00:00Z`);
  const monthEnd = Date.UTC(tot.getUTCFullYear(), tot.getUTCMonth() + 1, 0);
  return Math.round((Date.parse(`${d.ingediendOp}T00:00:00Z`) - monthEnd) / 86_400_000);
}

describe('declaraties', () => {
  it('filters on gemeente, law and period of dagtekening, as the demo world has them', async () => {
    const expected = world.declaraties
      .filter((d) => d.gemeenteCode === '0406' && d.wet === 'WMO' && d.ingediendOp >= '2024-01-01' && d.ingediendOp <= '2024-12-31')
      .sort(byDagtekening);
    expect(expected.length).toBeGreaterThan(20);
    const result = await harness.execute<{ declaraties: { items: Record<string, unknown>[]; pageInfo: unknown } }>(
      `{ declaraties(gemeente: "0406", wet: WMO, ingediendVanaf: "2024-01-01", ingediendTot: "2024-12-31", first: 20) {
        pageInfo { totaal heeftVolgende }
        items { id gemeenteCode gemeente { code } wet toewijzingsnummer aanbieder { agbCode } productcategorie { code }
          productcode leveringVan leveringTot geleverdVolume eenheid { code } bedrag ingediendOp status vertragingInDagen } } }`,
    );
    const page = dataOf(result).declaraties;
    expect(page.pageInfo).toEqual({ totaal: expected.length, heeftVolgende: true });
    expect(page.items).toEqual(
      expected.slice(0, 20).map((d) => ({
        id: d.id,
        gemeenteCode: d.gemeenteCode,
        gemeente: { code: d.gemeenteCode },
        wet: d.wet,
        toewijzingsnummer: d.toewijzingsnummer,
        aanbieder: { agbCode: d.aanbiederAgb },
        productcategorie: { code: d.productcategorie },
        productcode: d.productcode,
        leveringVan: d.leveringVan,
        leveringTot: d.leveringTot,
        geleverdVolume: d.geleverdVolume,
        eenheid: { code: d.eenheid },
        bedrag: d.bedrag,
        ingediendOp: d.ingediendOp,
        status: d.status,
        vertragingInDagen: vertraging(d),
      })),
    );
  });

  it('filters on aanbieder and shows amounts as text', async () => {
    const agb = world.declaraties[0].aanbiederAgb;
    const expected = world.declaraties.filter((d) => d.aanbiederAgb === agb).sort(byDagtekening);
    const result = await harness.execute<{ declaraties: { items: { id: string; bedragTekst: string }[]; pageInfo: { totaal: number } } }>(
      `{ declaraties(aanbieder: "${agb}", first: 3, offset: 1) { pageInfo { totaal } items { id bedragTekst } } }`,
    );
    const page = dataOf(result).declaraties;
    expect(page.pageInfo.totaal).toBe(expected.length);
    expect(page.items.map((d) => d.id)).toEqual(expected.slice(1, 4).map((d) => d.id));
    for (const item of page.items) expect(item.bedragTekst).toMatch(/^-?€ \d{1,3}(\.\d{3})*,\d\d$/);
  });

  it.each([
    ['gemeente: "Huizen"', '"Huizen" is geen CBS-gemeentecode (vier cijfers, bijvoorbeeld "0406").'],
    ['aanbieder: "AGB12345"', '"AGB12345" is geen AGB-code (acht cijfers).'],
    ['ingediendVanaf: "2024-02-30"', '"2024-02-30" is geen datum in de vorm JJJJ-MM-DD.'],
    ['ingediendVanaf: "2024-06-01", ingediendTot: "2024-05-31"', 'ingediendVanaf (2024-06-01) ligt na ingediendTot (2024-05-31).'],
    ['offset: -1', 'offset mag niet negatief zijn, niet -1.'],
  ])('refuses %s with BAD_USER_INPUT', async (args, message) => {
    const result = await harness.execute(`{ declaraties(${args}) { items { id } } }`);
    expect(firstError(result)).toEqual({ code: 'BAD_USER_INPUT', message });
  });
});

describe('declaraties of a toewijzing (_entities)', () => {
  const query = `query ($r: [_Any!]!) { _entities(representations: $r) {
    ... on WmoToewijzing { gemeenteCode toewijzingsnummer declaraties { id wet correctieVan { id status } } }
    ... on JeugdToewijzing { gemeenteCode toewijzingsnummer declaraties { id wet } } } }`;

  it('returns the declaraties of a Wmo toewijzing by delivery period, with the one a correction replaces', async () => {
    const correctie = world.declaraties.find((d) => d.wet === 'WMO' && d.correctieVan !== null);
    if (!correctie) throw new Error('the world has no Wmo correction');
    const expected = world.declaraties
      .filter((d) => d.wet === 'WMO' && d.gemeenteCode === correctie.gemeenteCode && d.toewijzingsnummer === correctie.toewijzingsnummer)
      .sort(byLevering);
    const result = await harness.execute<{ _entities: { declaraties: { id: string; correctieVan: unknown }[] }[] }>(query, {
      r: [{ __typename: 'WmoToewijzing', gemeenteCode: correctie.gemeenteCode, toewijzingsnummer: correctie.toewijzingsnummer }],
    });
    const [toewijzing] = dataOf(result)._entities;
    expect(toewijzing.declaraties.map((d) => d.id)).toEqual(expected.map((d) => d.id));
    expect(toewijzing.declaraties.find((d) => d.id === correctie.id)?.correctieVan).toEqual({
      id: correctie.correctieVan,
      status: 'GECREDITEERD',
    });
  });

  it('keeps the laws apart: a Jeugdwet number asked as WmoToewijzing has no declaraties', async () => {
    const jeugd = world.declaraties.find((d) => d.wet === 'JEUGDWET');
    if (!jeugd) throw new Error('the world has no Jeugdwet declaratie');
    const key = { gemeenteCode: jeugd.gemeenteCode, toewijzingsnummer: jeugd.toewijzingsnummer };
    const result = await harness.execute(query, {
      r: [{ __typename: 'WmoToewijzing', ...key }, { __typename: 'JeugdToewijzing', ...key }],
    });
    const expected = world.declaraties
      .filter((d) => d.wet === 'JEUGDWET' && d.gemeenteCode === key.gemeenteCode && d.toewijzingsnummer === key.toewijzingsnummer)
      .sort(byLevering)
      .map((d) => ({ id: d.id, wet: 'JEUGDWET' }));
    expect(dataOf(result)).toEqual({ _entities: [{ ...key, declaraties: [] }, { ...key, declaraties: expected }] });
  });

  it('costs the same statements for the declaraties of 2 and 20 toewijzingen', async () => {
    const keys = [...new Map(world.declaraties.filter((d) => d.wet === 'WMO').map((d) => [`${d.gemeenteCode}:${d.toewijzingsnummer}`, d]))]
      .slice(0, 20)
      .map(([, d]) => ({ __typename: 'WmoToewijzing', gemeenteCode: d.gemeenteCode, toewijzingsnummer: d.toewijzingsnummer }));
    const two = await harness.countStatements(query, { r: keys.slice(0, 2) });
    const twenty = await harness.countStatements(query, { r: keys });
    dataOf(two.result);
    dataOf(twenty.result);
    expect(twenty.statements).toBe(two.statements);
  });
});

describe('row filter (CONTRACTBEHEER per law, in SQL)', () => {
  /** A caller who manages Wmo contracts for Huizen and Jeugdwet contracts for Amersfoort only. */
  const principal: Principal = testPrincipal({
    organisatie: 'test',
    rollen: ['CONTRACTBEHEER'],
    scope: (wet) =>
      wet === 'WMO' ? { alle: false, gemeenten: ['0406'] } : wet === 'JEUGDWET' ? { alle: false, gemeenten: ['0307'] } : { alle: false, gemeenten: [] },
  });

  it('counts only rows of gemeenten the caller manages for the declaratie\'s own law', async () => {
    const loaders = createLoaders(harness.db, principal);
    const { totaal } = await findDeclaraties(harness.db, {}, { first: 0, offset: 0 }, loaders.scoped.scope);
    const expected = world.declaraties.filter(
      (d) => (d.wet === 'WMO' && d.gemeenteCode === '0406') || (d.wet === 'JEUGDWET' && d.gemeenteCode === '0307'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(totaal).toBe(expected.length);
  });

  it('hides the declaraties of a toewijzing outside the scope and keeps one inside', async () => {
    const scoped = createLoaders(harness.db, principal).scoped;
    const inside = world.declaraties.find((d) => d.wet === 'WMO' && d.gemeenteCode === '0406');
    const outside = world.declaraties.find((d) => d.wet === 'JEUGDWET' && d.gemeenteCode === '0406');
    if (!inside || !outside) throw new Error('the world lacks Huizen declaraties');
    const [seen, hidden] = await Promise.all([
      scoped.declaratiesByWmoToewijzing.load(`${inside.gemeenteCode}:${inside.toewijzingsnummer}`),
      scoped.declaratiesByJeugdToewijzing.load(`${outside.gemeenteCode}:${outside.toewijzingsnummer}`),
    ]);
    expect(seen.map((d) => d.id)).toContain(inside.id);
    expect(hidden).toEqual([]);
    expect(await scoped.declaratie.loadMany([outside.id, inside.id])).toEqual([null, expect.objectContaining({ id: inside.id })]);
  });
});
