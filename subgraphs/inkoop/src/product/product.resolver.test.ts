import { codesOf, type DemoWorld, developmentPrincipal, EENHEID } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, defaultWorld, firstError } from '../inkoop.test-utils.js';
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

const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) {
  ... on Product { id wet productcode naam productcategorie { code omschrijving } eenheid { code } frequentie { code } }
  ... on Tarief { id bedrag bedragTekst geldigVan geldigTot eenheid { code omschrijving } product { id } } } }`;

describe('_entities', () => {
  it('resolves Product representations with the code list of their law, null for a miss', async () => {
    const jeugd = world.producten.find((p) => p.wet === 'JEUGDWET' && p.productcategorie === '45');
    const wmo = world.producten.find((p) => p.wet === 'WMO' && p.productcategorie === '01');
    if (!jeugd || !wmo) throw new Error('the world lacks a 45 or 01 product');
    const result = await harness.execute<{ _entities: unknown[] }>(ENTITIES, {
      r: [jeugd, wmo].map((p) => ({ __typename: 'Product', id: p.id })).concat({ __typename: 'Product', id: 'geen' }),
    });
    expect(dataOf(result)._entities).toEqual([
      {
        id: jeugd.id,
        wet: 'JEUGDWET',
        productcode: jeugd.productcode,
        naam: jeugd.naam,
        productcategorie: { code: '45', omschrijving: 'Jeugdhulp ambulant' },
        eenheid: { code: jeugd.eenheid },
        frequentie: { code: jeugd.frequentie },
      },
      {
        id: wmo.id,
        wet: 'WMO',
        productcode: wmo.productcode,
        naam: wmo.naam,
        productcategorie: { code: '01', omschrijving: 'Hulp bij het huishouden' },
        eenheid: { code: wmo.eenheid },
        frequentie: { code: wmo.frequentie },
      },
      null,
    ]);
  });

  it('resolves Tarief representations with amount, text, unit and product', async () => {
    const tarief = world.tarieven.find((t) => t.eenheid === '04');
    if (!tarief) throw new Error('the world has no hourly tariff');
    const result = await harness.execute(ENTITIES, {
      r: [{ __typename: 'Tarief', id: 'geen' }, { __typename: 'Tarief', id: tarief.id }],
    });
    const euros = Math.floor(tarief.bedrag / 100);
    expect(dataOf(result)).toEqual({
      _entities: [
        null,
        {
          id: tarief.id,
          bedrag: tarief.bedrag,
          bedragTekst: `€ ${euros.toLocaleString('nl-NL')},${String(tarief.bedrag % 100).padStart(2, '0')}`,
          geldigVan: tarief.geldigVan,
          geldigTot: tarief.geldigTot,
          eenheid: { code: '04', omschrijving: 'Uur' },
          product: { id: tarief.productId },
        },
      ],
    });
  });
});

describe('Product.tariefOp', () => {
  const query = `query ($r: [_Any!]!, $datum: String!) { _entities(representations: $r) {
    ... on Product { tariefOp(datum: $datum) { id } } } }`;

  it('finds the tariff valid on a date, both ends inclusive, and null before the first', async () => {
    const product = world.producten[0];
    const tarieven = world.tarieven.filter((t) => t.productId === product.id);
    const closed = tarieven.find((t) => t.geldigTot !== null);
    if (!closed?.geldigTot) throw new Error('the product has no closed tariff');
    const r = [{ __typename: 'Product', id: product.id }];
    for (const datum of [closed.geldigVan, closed.geldigTot]) {
      const result = await harness.execute(query, { r, datum });
      expect(dataOf(result)).toEqual({ _entities: [{ tariefOp: { id: closed.id } }] });
    }
    const before = await harness.execute(query, { r, datum: '2000-01-01' });
    expect(dataOf(before)).toEqual({ _entities: [{ tariefOp: null }] });
  });

  it('refuses a date that does not exist', async () => {
    const result = await harness.execute(query, { r: [{ __typename: 'Product', id: world.producten[0].id }], datum: '2025-02-30' });
    expect(firstError(result)).toEqual({ code: 'BAD_USER_INPUT', message: '"2025-02-30" is geen datum in de vorm JJJJ-MM-DD.' });
  });
});

describe('eenheden', () => {
  it('lists the WJ756 units in code-list order', async () => {
    const result = await harness.execute(`{ eenheden { code omschrijving } }`);
    expect(dataOf(result)).toEqual({ eenheden: codesOf(EENHEID) });
  });
});

describe('batch functions', () => {
  it('answer keys in the order asked, null or [] for a miss', async () => {
    const loaders = createLoaders(harness.db, developmentPrincipal);
    const [a, b] = [world.producten[7], world.producten[2]];
    const producten = await loaders.product.loadMany([a.id, 'geen', b.id]);
    expect(producten.map((p) => (p && !(p instanceof Error) ? p.id : p))).toEqual([a.id, null, b.id]);
    const tarieven = await loaders.tarievenByProduct.loadMany([b.id, 'geen', a.id]);
    const ids = (productId: string) => world.tarieven.filter((t) => t.productId === productId).map((t) => t.id);
    expect(tarieven.map((list) => (Array.isArray(list) ? list.map((t) => t.id) : list))).toEqual([ids(b.id), [], ids(a.id)]);
    const tarief = await loaders.tarief.loadMany(['geen', ids(a.id)[0]]);
    expect(tarief.map((t) => (t && !(t instanceof Error) ? t.id : t))).toEqual([null, ids(a.id)[0]]);
  });
});
