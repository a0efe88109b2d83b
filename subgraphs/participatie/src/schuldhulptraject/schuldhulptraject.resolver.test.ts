import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteOrder, demoWorld, mostFrequent } from '../participatie.test-utils.js';
import { subgraph } from '../schema.js';

const world = demoWorld();
let harness: SubgraphHarness;

beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const TRAJECTEN = `query ($gemeente: String, $first: Int, $offset: Int) {
  schuldhulptrajecten(gemeente: $gemeente, first: $first, offset: $offset) {
    items { id fase { code } startdatum einddatum schuldbedrag schuldbedragTekst aantalSchuldeisers inwoner { id } gemeente { code } }
    pageInfo { totaal offset heeftVolgende }
  }
}`;

describe('schuldhulptrajecten', () => {
  const gemeente = mostFrequent(world.schuldhulptrajecten, (t) => t.gemeenteCode);
  const expected = world.schuldhulptrajecten
    .filter((t) => t.gemeenteCode === gemeente)
    .sort((a, b) => byteOrder(b.startdatum, a.startdatum) || byteOrder(a.id, b.id));

  it('pages through a gemeente as the demo world has it', async () => {
    const { data, errors } = await harness.execute(TRAJECTEN, { gemeente, first: 2, offset: 1 });
    expect(errors).toBeUndefined();
    expect(data?.schuldhulptrajecten).toEqual({
      items: expected.slice(1, 3).map((t) => ({
        id: t.id,
        fase: { code: t.fase },
        startdatum: t.startdatum,
        einddatum: t.einddatum,
        schuldbedrag: t.schuldbedrag,
        schuldbedragTekst: expect.stringMatching(/^€ [\d.]+,\d{2}$/),
        aantalSchuldeisers: t.aantalSchuldeisers,
        inwoner: { id: t.inwonerId },
        gemeente: { code: gemeente },
      })),
      pageInfo: { totaal: expected.length, offset: 1, heeftVolgende: expected.length > 3 },
    });
  });

  it('counts all trajecten', async () => {
    const { data } = await harness.execute(TRAJECTEN, { first: 0 });
    expect(data?.schuldhulptrajecten).toMatchObject({ items: [], pageInfo: { totaal: world.schuldhulptrajecten.length } });
  });

  it('refuses a negative page with BAD_USER_INPUT', async () => {
    const { errors } = await harness.execute(TRAJECTEN, { first: -3 });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/first moet tussen 0 en 500/);
  });
});

describe('_entities(Schuldhulptraject)', () => {
  it('resolves representations in order, null for a miss', async () => {
    const [a, b] = world.schuldhulptrajecten.slice(0, 2);
    const { data, errors } = await harness.execute(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Schuldhulptraject { id schuldbedrag } } }`,
      { r: [b.id, 'sh-0000-0', a.id].map((id) => ({ __typename: 'Schuldhulptraject', id })) },
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([{ id: b.id, schuldbedrag: b.schuldbedrag }, null, { id: a.id, schuldbedrag: a.schuldbedrag }]);
  });
});
