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

const TRAJECTEN = `query ($gemeente: String, $instrument: String, $first: Int, $offset: Int) {
  reintegratietrajecten(gemeente: $gemeente, instrument: $instrument, first: $first, offset: $offset) {
    items { id startdatum einddatum instrument { code omschrijving } resultaat { code } aanbieder { agbCode } inwoner { id } gemeente { code } }
    pageInfo { totaal offset heeftVolgende }
  }
}`;

const newestFirst = (a: { startdatum: string; id: string }, b: { startdatum: string; id: string }) =>
  byteOrder(b.startdatum, a.startdatum) || byteOrder(a.id, b.id);

describe('reintegratietrajecten', () => {
  const gemeente = mostFrequent(world.reintegratietrajecten, (t) => t.gemeenteCode);

  it('lists beschut werk of a gemeente as the demo world has it', async () => {
    const expected = world.reintegratietrajecten
      .filter((t) => t.gemeenteCode === gemeente && t.instrument === 'BESCHUT_WERK')
      .sort(newestFirst);
    const { data, errors } = await harness.execute(TRAJECTEN, { gemeente, instrument: 'BESCHUT_WERK', first: 500 });
    expect(errors).toBeUndefined();
    expect(data?.reintegratietrajecten).toEqual({
      items: expected.map((t) => ({
        id: t.id,
        startdatum: t.startdatum,
        einddatum: t.einddatum,
        instrument: { code: 'BESCHUT_WERK', omschrijving: 'Beschut werk' },
        resultaat: { code: t.resultaat },
        aanbieder: t.aanbiederAgb === null ? null : { agbCode: t.aanbiederAgb },
        inwoner: { id: t.inwonerId },
        gemeente: { code: t.gemeenteCode },
      })),
      pageInfo: { totaal: expected.length, offset: 0, heeftVolgende: false },
    });
  });

  it('pages through all trajecten with the total of the demo world', async () => {
    const all = [...world.reintegratietrajecten].sort(newestFirst);
    const { data } = await harness.execute(TRAJECTEN, { first: 2, offset: 1 });
    expect(data?.reintegratietrajecten).toMatchObject({
      items: all.slice(1, 3).map((t) => ({ id: t.id })),
      pageInfo: { totaal: all.length, offset: 1, heeftVolgende: true },
    });
  });

  it.each([
    [{ instrument: 'beschut werk' }, /geen re-integratie-instrument; kies uit WERKFIT/],
    [{ gemeente: 'Huizen' }, /CBS-gemeentecode/],
    [{ offset: -1 }, /offset/],
  ])('refuses %o with BAD_USER_INPUT', async (variables, message) => {
    const { errors } = await harness.execute(TRAJECTEN, variables);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(message);
  });
});

describe('_entities(Reintegratietraject)', () => {
  it('resolves representations in order, null for a miss', async () => {
    const [a, b] = world.reintegratietrajecten.slice(0, 2);
    const { data, errors } = await harness.execute(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Reintegratietraject { id resultaat { code } } } }`,
      { r: [b.id, 'ri-0000-0', a.id].map((id) => ({ __typename: 'Reintegratietraject', id })) },
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([{ id: b.id, resultaat: { code: b.resultaat } }, null, { id: a.id, resultaat: { code: a.resultaat } }]);
  });
});
