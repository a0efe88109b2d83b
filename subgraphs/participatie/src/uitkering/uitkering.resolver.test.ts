import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeOn, byteOrder, demoWorld, mostFrequent } from '../participatie.test-utils.js';
import { subgraph } from '../schema.js';

const world = demoWorld();
let harness: SubgraphHarness;

beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const UITKERING = `query ($id: String!) {
  uitkering(id: $id) {
    id gemeenteCode bedragPerMaand bedragPerMaandTekst ingangsdatum einddatum
    regeling { code omschrijving } normcategorie { code } redenBeeindiging { code }
    inwoner { id } gemeente { code }
  }
}`;

const UITKERINGEN = `query ($gemeente: String, $actiefOp: String, $first: Int, $offset: Int) {
  uitkeringen(gemeente: $gemeente, actiefOp: $actiefOp, first: $first, offset: $offset) {
    items { id ingangsdatum }
    pageInfo { totaal offset heeftVolgende }
  }
}`;

describe('uitkering(id)', () => {
  it('returns a benefit as the demo world has it', async () => {
    const expected = world.uitkeringen.find((u) => u.einddatum !== null) ?? world.uitkeringen[0];
    const { data, errors } = await harness.execute(UITKERING, { id: expected.id });
    expect(errors).toBeUndefined();
    expect(data?.uitkering).toEqual({
      id: expected.id,
      gemeenteCode: expected.gemeenteCode,
      bedragPerMaand: expected.bedragPerMaand,
      bedragPerMaandTekst: expect.stringMatching(/^€ \d{1,3}(\.\d{3})*,\d{2}$/),
      ingangsdatum: expected.ingangsdatum,
      einddatum: expected.einddatum,
      regeling: { code: expected.regeling, omschrijving: expect.any(String) },
      normcategorie: { code: expected.normcategorie },
      redenBeeindiging: expected.redenBeeindiging === null ? null : { code: expected.redenBeeindiging },
      inwoner: { id: expected.inwonerId },
      gemeente: { code: expected.gemeenteCode },
    });
  });

  it('returns null for an id that does not exist', async () => {
    const { data, errors } = await harness.execute(UITKERING, { id: 'uk-0000-0' });
    expect(errors).toBeUndefined();
    expect(data?.uitkering).toBeNull();
  });

  it('refuses a malformed id with BAD_USER_INPUT', async () => {
    const { errors } = await harness.execute(UITKERING, { id: "x'; DROP TABLE uitkering" });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/geen geldige identificatie van een uitkering/);
  });
});

describe('uitkeringen', () => {
  const gemeente = mostFrequent(world.uitkeringen, (u) => u.gemeenteCode);
  const ofGemeente = world.uitkeringen
    .filter((u) => u.gemeenteCode === gemeente)
    .sort((a, b) => byteOrder(b.ingangsdatum, a.ingangsdatum) || byteOrder(a.id, b.id));

  it('pages through a gemeente newest first, with the total of the demo world', async () => {
    const first = await harness.execute(UITKERINGEN, { gemeente, first: 3, offset: 0 });
    const second = await harness.execute(UITKERINGEN, { gemeente, first: 3, offset: 3 });
    expect(first.errors).toBeUndefined();
    expect(first.data?.uitkeringen).toEqual({
      items: ofGemeente.slice(0, 3).map((u) => ({ id: u.id, ingangsdatum: u.ingangsdatum })),
      pageInfo: { totaal: ofGemeente.length, offset: 0, heeftVolgende: ofGemeente.length > 3 },
    });
    expect(second.data?.uitkeringen).toMatchObject({
      items: ofGemeente.slice(3, 6).map((u) => ({ id: u.id, ingangsdatum: u.ingangsdatum })),
      pageInfo: { totaal: ofGemeente.length, offset: 3 },
    });
  });

  it('counts all benefits, and those active on a day, as the demo world does', async () => {
    const day = '2025-12-31';
    const all = await harness.execute(UITKERINGEN, { first: 0 });
    const active = await harness.execute(UITKERINGEN, { gemeente, actiefOp: day, first: 500 });
    expect(all.data?.uitkeringen).toEqual({ items: [], pageInfo: { totaal: world.uitkeringen.length, offset: 0, heeftVolgende: true } });
    const expected = ofGemeente.filter((u) => activeOn(u, day)).map((u) => u.id);
    expect(active.data?.uitkeringen).toMatchObject({ pageInfo: { totaal: expected.length } });
    expect((active.data?.uitkeringen as { items: { id: string }[] }).items.map((u) => u.id)).toEqual(expected.slice(0, 500));
  });

  it('returns an empty page past the end, still with the total', async () => {
    const { data } = await harness.execute(UITKERINGEN, { gemeente, offset: ofGemeente.length + 10 });
    expect(data?.uitkeringen).toEqual({ items: [], pageInfo: { totaal: ofGemeente.length, offset: ofGemeente.length + 10, heeftVolgende: false } });
  });

  it.each([
    [{ first: -1 }, /first/],
    [{ offset: -5 }, /offset/],
    [{ first: 501 }, /first/],
    [{ gemeente: '406' }, /CBS-gemeentecode/],
    [{ actiefOp: '2025-02-30' }, /JJJJ-MM-DD/],
  ])('refuses %o with BAD_USER_INPUT', async (variables, message) => {
    const { errors } = await harness.execute(UITKERINGEN, variables);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(message);
  });
});

describe('_entities(Uitkering)', () => {
  it('resolves representations in order, null for a miss', async () => {
    const [a, b] = world.uitkeringen.slice(-2);
    const { data, errors } = await harness.execute(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Uitkering { id bedragPerMaand inwoner { id } } } }`,
      { r: [b, { id: 'uk-0000-0' }, a].map((u) => ({ __typename: 'Uitkering', id: u.id })) },
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { id: b.id, bedragPerMaand: b.bedragPerMaand, inwoner: { id: b.inwonerId } },
      null,
      { id: a.id, bedragPerMaand: a.bedragPerMaand, inwoner: { id: a.inwonerId } },
    ]);
  });
});
