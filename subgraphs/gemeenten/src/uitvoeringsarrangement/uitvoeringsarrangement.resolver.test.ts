import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, world } from '../gemeenten.test-utils.js';
import { subgraph } from '../schema.js';
import { geldigOp, vandaag } from './geldigheid.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(() => harness.close());

type Arrangement = { wet: string; rol: string; uitvoerder: { id: string; naam: string } };

describe('Gemeente.arrangementen', () => {
  it('shows that Amersfoort executes the Jeugdwet for Eemnes (acceptance)', async () => {
    const result = await harness.execute<{ gemeente: { arrangementen: Arrangement[] } }>(
      `{ gemeente(code: "0317") { arrangementen { wet rol uitvoerder { id naam } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const jeugd = result.data?.gemeente.arrangementen.filter((a) => a.wet === 'JEUGDWET') ?? [];
    expect(jeugd.length).toBeGreaterThan(0);
    expect(jeugd.find((a) => a.rol === 'UITVOERING')?.uitvoerder).toEqual({ id: '0307', naam: 'Gemeente Amersfoort' });
    expect(result.data?.gemeente.arrangementen.find((a) => a.wet === 'WMO' && a.rol === 'UITVOERING')?.uitvoerder.id).toBe('uo-hbel');
  });

  it('lists exactly the arrangements of the demo world valid today, and those of an earlier date', async () => {
    const today = vandaag();
    for (const [peildatum, datum] of [[null, today], ['2016-06-01', '2016-06-01']] as const) {
      const result = await harness.execute<{ gemeente: { arrangementen: { id: string }[] } }>(
        `query($p: String) { gemeente(code: "0376") { arrangementen(peildatum: $p) { id } } }`,
        { p: peildatum },
      );
      const expected = world.arrangementen.filter((a) => a.gemeenteCode === '0376' && geldigOp(a, datum)).map((a) => a.id);
      expect(result.data?.gemeente.arrangementen.map((a) => a.id).sort()).toEqual(expected.sort());
    }
  });

  it('refuses an impossible peildatum', async () => {
    const result = await harness.execute(`{ gemeente(code: "0317") { arrangementen(peildatum: "2025-02-30") { id } } }`);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('Gemeente.uitvoerder and Gemeente.eigenUitvoering', () => {
  it('makes execution elsewhere visible instead of a silent zero', async () => {
    const result = await harness.execute(`{
      eemnes: gemeente(code: "0317") {
        jeugd: uitvoerder(wet: JEUGDWET) { id } jeugdZelf: eigenUitvoering(wet: JEUGDWET)
        wmo: uitvoerder(wet: WMO) { id } wmoZelf: eigenUitvoering(wet: WMO)
        inkoop: uitvoerder(wet: WMO, rol: INKOOP) { id }
        voor2015: eigenUitvoering(wet: WMO, peildatum: "2014-12-31")
      }
      huizen: gemeente(code: "0406") { wmoZelf: eigenUitvoering(wet: WMO) wmo: uitvoerder(wet: WMO) { id } }
      hilversum: gemeente(code: "0402") { wmoZelf: eigenUitvoering(wet: WMO) }
      blaricum: gemeente(code: "0376") {
        inkoop2016: uitvoerder(wet: JEUGDWET, rol: INKOOP, peildatum: "2016-06-01") { id }
        inkoopNu: uitvoerder(wet: JEUGDWET, rol: INKOOP) { id }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      eemnes: { jeugd: { id: '0307' }, jeugdZelf: false, wmo: { id: 'uo-hbel' }, wmoZelf: false, inkoop: { id: 'regio-gv' }, voor2015: null },
      // Huizen's HBEL organisation is its own (grondslag EIGEN_ORGANISATIE).
      huizen: { wmoZelf: true, wmo: { id: 'uo-hbel' } },
      hilversum: { wmoZelf: true },
      blaricum: { inkoop2016: { id: '0376' }, inkoopNu: { id: 'regio-gv' } },
    });
  });
});

describe('uitvoeringsarrangementen(...)', () => {
  const query = `query($gemeente: String, $wet: Wet, $rol: Rol, $organisatie: String, $peildatum: String, $first: Int, $offset: Int) {
    uitvoeringsarrangementen(gemeente: $gemeente, wet: $wet, rol: $rol, organisatie: $organisatie, peildatum: $peildatum,
      first: $first, offset: $offset) {
      items { id gemeenteCode wet rol grondslag geldigVan geldigTot eigenUitvoering geldigOp(datum: "2016-06-01") gemeente { code } }
      pageInfo { totaal offset heeftVolgende } } }`;
  type Page = { uitvoeringsarrangementen: { items: { id: string; geldigOp: boolean }[]; pageInfo: { totaal: number; heeftVolgende: boolean } } };

  it('filters by organisation and law and counts like the demo world', async () => {
    const expected = world.arrangementen.filter((a) => a.organisatieId === 'uo-hbel' && a.wet === 'WMO');
    const result = await harness.execute<Page>(query, { organisatie: 'uo-hbel', wet: 'WMO' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.uitvoeringsarrangementen.pageInfo.totaal).toBe(expected.length);
    expect(result.data?.uitvoeringsarrangementen.items.map((a) => a.id).sort()).toEqual(expected.map((a) => a.id).sort());
  });

  it('pages, keeps history without a peildatum and drops it with one', async () => {
    const all = world.arrangementen.filter((a) => a.gemeenteCode === '0376' && a.wet === 'JEUGDWET');
    const page = await harness.execute<Page>(query, { gemeente: '0376', wet: 'JEUGDWET', first: 2, offset: 1 });
    expect(page.data?.uitvoeringsarrangementen.items).toHaveLength(2);
    expect(page.data?.uitvoeringsarrangementen.pageInfo).toEqual({ totaal: all.length, offset: 1, heeftVolgende: true });
    const old = await harness.execute<Page>(query, { gemeente: '0376', wet: 'JEUGDWET', rol: 'INKOOP', peildatum: '2016-06-01' });
    expect(old.data?.uitvoeringsarrangementen.items).toEqual([expect.objectContaining({ id: 'arr-0376-jeugdwet-inkoop-2015', geldigOp: true })]);
  });

  it('refuses malformed filters and pages with BAD_USER_INPUT', async () => {
    for (const variables of [{ gemeente: '317' }, { organisatie: 'uo hbel' }, { peildatum: '1-1-2020' }, { first: -5 }, { offset: -1 }]) {
      const result = await harness.execute(query, variables);
      expect(errorCodes(result), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('organisatie(id) and _entities for Organisatie', () => {
  it('finds an organisation with what it executes, null for an unknown id, BAD_USER_INPUT for a malformed one', async () => {
    const result = await harness.execute<{ organisatie: { arrangementen: { gemeenteCode: string; wet: string }[] } }>(
      `{ organisatie(id: "0307") { id naam soort vestigingGemeente { code } arrangementen(wet: JEUGDWET) { gemeenteCode wet } }
         onbekend: organisatie(id: "bestaat-niet") { id } }`,
    );
    expect(result.errors).toBeUndefined();
    const expected = world.arrangementen.filter((a) => a.organisatieId === '0307' && a.wet === 'JEUGDWET' && geldigOp(a, vandaag()));
    expect(result.data).toMatchObject({ organisatie: { id: '0307', naam: 'Gemeente Amersfoort', soort: 'GEMEENTE', vestigingGemeente: { code: '0307' } }, onbekend: null });
    expect(result.data?.organisatie.arrangementen).toHaveLength(expected.length);
    expect(result.data?.organisatie.arrangementen.filter((a) => a.gemeenteCode === '0317').length).toBeGreaterThan(0);
    const malformed = await harness.execute(`{ organisatie(id: "drop table;") { id } }`);
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
  });

  it('resolves Organisatie representations in order, unknown ids to null', async () => {
    const result = await harness.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisatie { id soort } } }`,
      { r: [{ __typename: 'Organisatie', id: 'regio-gv' }, { __typename: 'Organisatie', id: 'nope' }, { __typename: 'Organisatie', id: 'iasz' }] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ id: 'regio-gv', soort: 'REGIO' }, null, { id: 'iasz', soort: 'UITVOERINGSORGANISATIE' }]);
  });
});
