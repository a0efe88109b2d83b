import { type DemoWorld, developmentPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byText, dataOf, defaultWorld, firstError } from '../inkoop.test-utils.js';
import { createLoaders } from '../loaders.js';
import { subgraph } from '../schema.js';

let harness: SubgraphHarness;
let world: DemoWorld;

beforeAll(async () => {
  world = defaultWorld();
  harness = await createSubgraphHarness(subgraph);
});

afterAll(async () => {
  await harness?.close();
});

const TREE = `
  id naam wet soort procedure bekostiging looptijdVan looptijdTot declaratietermijnDagen lumpsumPerJaar
  contractant { id }
  aanbieder { agbCode naam }
  deelnemendeGemeenten { code }
  percelen { naam producten { productcode naam productcategorie { code } eenheid { code } frequentie { code }
    tarieven { id bedrag geldigVan geldigTot } } }`;

/** The contract tree as the demo world has it, in the order the schema promises. */
function expectedTree(world: DemoWorld, contractId: string) {
  const contract = world.contracten.find((c) => c.id === contractId);
  if (!contract) throw new Error(`no contract ${contractId} in the world`);
  const aanbieder = world.aanbieders.find((a) => a.agbCode === contract.aanbiederAgb);
  return {
    id: contract.id,
    naam: contract.naam,
    wet: contract.wet,
    soort: contract.soort,
    procedure: contract.procedure,
    bekostiging: contract.bekostiging,
    looptijdVan: contract.looptijdVan,
    looptijdTot: contract.looptijdTot,
    declaratietermijnDagen: contract.declaratietermijnDagen,
    lumpsumPerJaar: contract.lumpsumPerJaar,
    contractant: { id: contract.contractantId },
    aanbieder: { agbCode: aanbieder?.agbCode, naam: aanbieder?.naam },
    deelnemendeGemeenten: [...contract.deelnemendeGemeenteCodes].sort().map((code) => ({ code })),
    percelen: world.percelen
      .filter((p) => p.contractId === contract.id)
      .sort(byText((p) => p.naam))
      .map((perceel) => ({
        naam: perceel.naam,
        producten: world.producten
          .filter((p) => p.perceelId === perceel.id)
          .sort(byText((p) => p.productcode))
          .map((product) => ({
            productcode: product.productcode,
            naam: product.naam,
            productcategorie: { code: product.productcategorie },
            eenheid: { code: product.eenheid },
            frequentie: { code: product.frequentie },
            tarieven: world.tarieven
              .filter((t) => t.productId === product.id)
              .sort(byText((t) => t.geldigVan))
              .map(({ id, bedrag, geldigVan, geldigTot }) => ({ id, bedrag, geldigVan, geldigTot })),
          })),
      })),
  };
}

describe('contracten of the region', () => {
  it('returns the whole contract tree of regio-gv as the demo world has it', async () => {
    const result = await harness.execute<{ contracten: { items: { id: string }[]; pageInfo: { totaal: number } } }>(
      `{ contracten(contractant: "regio-gv", first: 500) { pageInfo { totaal heeftVolgende } items { ${TREE} } } }`,
    );
    const regio = world.contracten.filter((c) => c.contractantId === 'regio-gv').sort(byText((c) => c.naam + '\u0000' + c.id));
    expect(regio.length).toBeGreaterThanOrEqual(20);
    const { contracten } = dataOf(result);
    expect(contracten.pageInfo).toEqual({ totaal: regio.length, heeftVolgende: false });
    expect(contracten.items.map((c) => c.id)).toEqual(regio.map((c) => c.id));
    expect(contracten.items).toEqual(regio.map((c) => expectedTree(world, c.id)));
  });

  it('leaves Eemnes out of the regional jeugdhulp contracts (its Jeugdwet is bought through Amersfoort)', async () => {
    const result = await harness.execute<{ contracten: { items: { deelnemendeGemeenten: { code: string }[] }[] } }>(
      `{ contracten(contractant: "regio-gv", wet: JEUGDWET, first: 50) { items { deelnemendeGemeenten { code } } } }`,
    );
    const items = dataOf(result).contracten.items;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.deelnemendeGemeenten.map((g) => g.code)).not.toContain('0317');
  });

  it('filters on a deelnemende gemeente and law', async () => {
    const result = await harness.execute<{ contracten: { items: { id: string }[]; pageInfo: { totaal: number } } }>(
      `{ contracten(gemeente: "0317", wet: JEUGDWET) { pageInfo { totaal } items { id } } }`,
    );
    const expected = world.contracten.filter((c) => c.wet === 'JEUGDWET' && c.deelnemendeGemeenteCodes.includes('0317'));
    expect(expected.length).toBeGreaterThan(0);
    expect(dataOf(result).contracten.items.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(dataOf(result).contracten.pageInfo.totaal).toBe(expected.length);
  });

  it('shows the lumpsum of a lumpsum contract in eurocent and as text', async () => {
    const lumpsum = world.contracten.find((c) => c.bekostiging === 'LUMPSUM' && c.lumpsumPerJaar !== null);
    if (!lumpsum?.lumpsumPerJaar) throw new Error('the world has no lumpsum contract');
    const result = await harness.execute<{ contract: { lumpsumPerJaar: number; lumpsumPerJaarTekst: string } }>(
      `query ($id: String!) { contract(id: $id) { lumpsumPerJaar lumpsumPerJaarTekst } }`,
      { id: lumpsum.id },
    );
    expect(dataOf(result).contract.lumpsumPerJaar).toBe(lumpsum.lumpsumPerJaar);
    expect(dataOf(result).contract.lumpsumPerJaarTekst).toMatch(/^€ [\d.]+,\d\d$/);
  });
});

describe('contract(id)', () => {
  it('finds a contract, returns null on a miss and refuses a malformed id', async () => {
    const id = world.contracten[0].id;
    const hit = await harness.execute(`query ($id: String!) { contract(id: $id) { ${TREE} } }`, { id });
    expect(dataOf(hit)).toEqual({ contract: expectedTree(world, id) });
    const miss = await harness.execute(`{ contract(id: "c-99999") { id } }`);
    expect(dataOf(miss)).toEqual({ contract: null });
    const bad = await harness.execute(`{ contract(id: "") { id } }`);
    expect(firstError(bad)).toEqual({ code: 'BAD_USER_INPUT', message: '"" is geen geldige contract-id.' });
  });
});

describe('paging', () => {
  it('pages with first and offset and reports the total', async () => {
    const total = world.contracten.filter((c) => c.contractantId === 'regio-gv').length;
    const result = await harness.execute<{ contracten: { items: unknown[]; pageInfo: unknown } }>(
      `{ contracten(contractant: "regio-gv", first: 5, offset: ${total - 2}) { items { id } pageInfo { totaal offset heeftVolgende } } }`,
    );
    expect(dataOf(result).contracten.items).toHaveLength(2);
    expect(dataOf(result).contracten.pageInfo).toEqual({ totaal: total, offset: total - 2, heeftVolgende: false });
  });

  it.each([
    ['first: -1', 'first'],
    ['first: 501', 'first'],
    ['offset: -3', 'offset'],
  ])('refuses %s with BAD_USER_INPUT', async (args, argument) => {
    const result = await harness.execute(`{ contracten(${args}) { items { id } } }`);
    expect(firstError(result)?.code).toBe('BAD_USER_INPUT');
    expect(firstError(result)?.message).toContain(argument);
  });

  it('refuses a malformed gemeentecode', async () => {
    const result = await harness.execute(`{ contracten(gemeente: "406") { items { id } } }`);
    expect(firstError(result)).toEqual({
      code: 'BAD_USER_INPUT',
      message: '"406" is geen CBS-gemeentecode (vier cijfers, bijvoorbeeld "0406").',
    });
  });
});

describe('statements', () => {
  it('costs the same statements for 2 and 20 contracts with their whole tree', async () => {
    const query = `query ($first: Int!) { contracten(contractant: "regio-gv", first: $first) {
      items { aanbieder { naam } percelen { producten { tarieven { bedrag } } } } } }`;
    const two = await harness.countStatements<{ contracten: { items: unknown[] } }>(query, { first: 2 });
    const twenty = await harness.countStatements<{ contracten: { items: unknown[] } }>(query, { first: 20 });
    expect(dataOf(two.result).contracten.items).toHaveLength(2);
    expect(dataOf(twenty.result).contracten.items).toHaveLength(20);
    expect(twenty.statements).toBe(two.statements);
  });
});

describe('_entities', () => {
  it('resolves Contract representations, null for a miss', async () => {
    const id = world.contracten[3].id;
    const result = await harness.execute(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Contract { id naam aanbieder { agbCode } } } }`,
      { r: [{ __typename: 'Contract', id }, { __typename: 'Contract', id: 'c-99999' }] },
    );
    const contract = world.contracten[3];
    expect(dataOf(result)).toEqual({
      _entities: [{ id, naam: contract.naam, aanbieder: { agbCode: contract.aanbiederAgb } }, null],
    });
  });

  it('adds the contracts a gemeente takes part in, optionally for one law', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Gemeente { code
      alle: contracten { id } jeugd: contracten(wet: JEUGDWET) { id } } } }`;
    const result = await harness.execute<{ _entities: { code: string; alle: { id: string }[]; jeugd: { id: string }[] }[] }>(
      query,
      { r: [{ __typename: 'Gemeente', code: '0406' }, { __typename: 'Gemeente', code: '9999' }] },
    );
    const [huizen, nowhere] = dataOf(result)._entities;
    const expected = world.contracten.filter((c) => c.deelnemendeGemeenteCodes.includes('0406'));
    expect(huizen.alle.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(huizen.jeugd.map((c) => c.id).sort()).toEqual(expected.filter((c) => c.wet === 'JEUGDWET').map((c) => c.id).sort());
    expect(huizen.jeugd.map((c) => c.id)).toContain(
      world.contracten.find((c) => c.contractantId === '0406' && c.wet === 'JEUGDWET')?.id,
    );
    expect(nowhere).toEqual({ code: '9999', alle: [], jeugd: [] });
  });

  it('costs the same statements for the contracts of 2 and 15 gemeenten', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Gemeente { contracten {
      aanbieder { naam } percelen { producten { tarieven { bedrag } } } } } } }`;
    const representations = (codes: readonly string[]) => ({ r: codes.map((code) => ({ __typename: 'Gemeente', code })) });
    const codes = world.gemeenten.map((g) => g.code);
    expect(codes.length).toBeGreaterThanOrEqual(15);
    const two = await harness.countStatements(query, representations(codes.slice(0, 2)));
    const all = await harness.countStatements(query, representations(codes));
    dataOf(two.result);
    dataOf(all.result);
    expect(all.statements).toBe(two.statements);
  });
});

describe('batch functions', () => {
  it('answer keys in the order asked, null or [] for a miss, one statement per batch', async () => {
    const loaders = createLoaders(harness.db, developmentPrincipal);
    const [a, b] = [world.contracten[5], world.contracten[1]];
    const before = harness.db.statementCount;
    const contracten = await loaders.contract.loadMany([a.id, 'c-00', b.id]);
    expect(contracten.map((c) => (c && !(c instanceof Error) ? c.id : c))).toEqual([a.id, null, b.id]);
    const percelen = await loaders.percelenByContract.loadMany([b.id, 'c-00', a.id]);
    expect(percelen.map((list) => (Array.isArray(list) ? list.map((p) => p.contractId) : list))).toEqual([
      world.percelen.filter((p) => p.contractId === b.id).map(() => b.id),
      [],
      world.percelen.filter((p) => p.contractId === a.id).map(() => a.id),
    ]);
    expect(harness.db.statementCount - before).toBe(2);
  });
});
