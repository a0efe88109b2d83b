import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, world } from '../gemeenten.test-utils.js';
import { subgraph } from '../schema.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(() => harness.close());

const byName = (a: { naam: string; code: string }, b: { naam: string; code: string }) =>
  a.naam < b.naam ? -1 : a.naam > b.naam ? 1 : a.code < b.code ? -1 : 1;

describe('gemeente(code)', () => {
  it('finds a gemeente with the figures of the demo world', async () => {
    const expected = world.gemeenten.find((g) => g.code === '0317');
    const result = await harness.execute(`{ gemeente(code: "0317") {
      code naam provincie inwoners inwonersOnder18 huishoudens grootteklasse regio { code naam organisatie { id } }
      samenwerkingsverbanden { code uitvoeringsorganisatie { id soort } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.gemeente).toEqual({
      code: '0317',
      naam: expected?.naam,
      provincie: 'Utrecht',
      inwoners: expected?.inwoners,
      inwonersOnder18: expected?.inwonersOnder18,
      huishoudens: expected?.huishoudens,
      grootteklasse: expected?.grootteklasse,
      regio: { code: 'regio-gv', naam: 'Regio Gooi en Vechtstreek', organisatie: { id: 'regio-gv' } },
      samenwerkingsverbanden: [{ code: 'hbel', uitvoeringsorganisatie: { id: 'uo-hbel', soort: 'UITVOERINGSORGANISATIE' } }],
    });
  });

  it('returns null for a well-formed code that does not exist', async () => {
    const result = await harness.execute(`{ gemeente(code: "9999") { code } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.gemeente).toBeNull();
  });

  it('refuses a malformed code with BAD_USER_INPUT and a clear message', async () => {
    const result = await harness.execute(`{ gemeente(code: "GM0406") { code } }`);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toContain('geen CBS-gemeentecode');
  });
});

describe('gemeenten(first, offset, regio)', () => {
  const query = `query($first: Int, $offset: Int, $regio: String) {
    gemeenten(first: $first, offset: $offset, regio: $regio) { items { code naam } pageInfo { totaal offset heeftVolgende } } }`;
  type Page = { gemeenten: { items: { code: string; naam: string }[]; pageInfo: { totaal: number; offset: number; heeftVolgende: boolean } } };

  it('pages through all gemeenten ordered by name', async () => {
    const all = [...world.gemeenten].sort(byName).map(({ code, naam }) => ({ code, naam }));
    const first = await harness.execute<Page>(query, { first: 4, offset: 0 });
    expect(first.data?.gemeenten.items).toEqual(all.slice(0, 4));
    expect(first.data?.gemeenten.pageInfo).toEqual({ totaal: all.length, offset: 0, heeftVolgende: true });
    const last = await harness.execute<Page>(query, { first: 4, offset: all.length - 2 });
    expect(last.data?.gemeenten.items).toEqual(all.slice(-2));
    expect(last.data?.gemeenten.pageInfo.heeftVolgende).toBe(false);
    const beyond = await harness.execute<Page>(query, { first: 4, offset: 100 });
    expect(beyond.data?.gemeenten).toEqual({ items: [], pageInfo: { totaal: all.length, offset: 100, heeftVolgende: false } });
  });

  it('filters by region membership', async () => {
    const regio = world.regios.find((r) => r.code === 'zuid-kennemerland');
    const result = await harness.execute<Page>(query, { regio: 'zuid-kennemerland' });
    expect(result.data?.gemeenten.items.map((g) => g.code).sort()).toEqual([...(regio?.gemeenteCodes ?? [])].sort());
    expect(result.data?.gemeenten.pageInfo.totaal).toBe(regio?.gemeenteCodes.length);
  });

  it('refuses a negative offset, a negative or too large page and a malformed region', async () => {
    for (const variables of [{ offset: -1 }, { first: -1 }, { first: 501 }, { regio: 'Regio GV!' }]) {
      const result = await harness.execute(query, variables);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.data).toBeNull();
    }
  });
});

describe('regio and samenwerkingsverband', () => {
  it('lists every region with its gemeenten, and null for an unknown region', async () => {
    const result = await harness.execute<{ regios: { code: string; gemeenten: { code: string }[] }[]; regio: null }>(
      `{ regios { code gemeenten { code } } regio(code: "bestaat-niet") { code } }`,
    );
    expect(result.errors).toBeUndefined();
    const expected = world.regios.map((r) => ({ code: r.code, gemeenten: [...r.gemeenteCodes].sort() }));
    const actual = (result.data?.regios ?? []).map((r) => ({ code: r.code, gemeenten: r.gemeenten.map((g) => g.code).sort() }));
    expect(actual.sort((a, b) => a.code.localeCompare(b.code))).toEqual(expected.sort((a, b) => a.code.localeCompare(b.code)));
    expect(result.data?.regio).toBeNull();
  });

  it('shows HBEL with its organisation in Huizen and its four gemeenten', async () => {
    const result = await harness.execute(`{ samenwerkingsverband(code: "hbel") {
      naam uitvoeringsorganisatie { id vestigingGemeente { code } } gemeenten { code } }
      samenwerkingsverbanden { code } onbekend: samenwerkingsverband(code: "xyz") { code } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      samenwerkingsverband: {
        naam: world.samenwerkingsverbanden.find((s) => s.code === 'hbel')?.naam,
        uitvoeringsorganisatie: { id: 'uo-hbel', vestigingGemeente: { code: '0406' } },
        // Ordered by name: Blaricum, Eemnes, Huizen, Laren.
        gemeenten: [{ code: '0376' }, { code: '0317' }, { code: '0406' }, { code: '0417' }],
      },
      samenwerkingsverbanden: expect.arrayContaining([{ code: 'hbel' }, { code: 'iasz' }, { code: 'ijmond-werkt' }]),
      onbekend: null,
    });
  });
});

describe('_entities for Gemeente', () => {
  it('resolves representations in order, unknown codes to null', async () => {
    const result = await harness.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Gemeente { code naam } } }`,
      { r: [{ __typename: 'Gemeente', code: '0397' }, { __typename: 'Gemeente', code: '9999' }, { __typename: 'Gemeente', code: '0406' }] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ code: '0397', naam: 'Heemstede' }, null, { code: '0406', naam: 'Huizen' }]);
  });
});
