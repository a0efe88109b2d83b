import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { byteOrder, demoWorld } from '../subsidies.test-utils.js';

const world = demoWorld();
let harness: SubgraphHarness;

beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const RAPPORTAGES = `query ($gemeente: String, $jaar: Int, $partner: String, $first: Int, $offset: Int) {
  voorveldrapportages(gemeente: $gemeente, jaar: $jaar, partner: $partner, first: $first, offset: $offset) {
    items { id gemeenteCode jaar kwartaal activiteit aantalDeelnemers aantalContacten partner { id naam } gemeente { code } }
    pageInfo { totaal offset heeftVolgende }
  }
}`;

type Rapportage = (typeof world.voorveldrapportages)[number];
const newestFirst = (a: Rapportage, b: Rapportage) => b.jaar - a.jaar || b.kwartaal - a.kwartaal || byteOrder(a.id, b.id);
const shape = (r: Rapportage) => ({
  id: r.id,
  gemeenteCode: r.gemeenteCode,
  jaar: r.jaar,
  kwartaal: r.kwartaal,
  activiteit: r.activiteit,
  aantalDeelnemers: r.aantalDeelnemers,
  aantalContacten: r.aantalContacten,
  partner: { id: r.partnerId, naam: world.subsidiepartners.find((p) => p.id === r.partnerId)?.naam },
  gemeente: { code: r.gemeenteCode },
});

describe('voorveldrapportages', () => {
  it('lists the reports of a gemeente and year, newest quarter first', async () => {
    const gemeente = world.voorveldrapportages[0].gemeenteCode;
    const expected = world.voorveldrapportages.filter((r) => r.gemeenteCode === gemeente && r.jaar === 2026).sort(newestFirst);
    const { data, errors } = await harness.execute(RAPPORTAGES, { gemeente, jaar: 2026, first: 100 });
    expect(errors).toBeUndefined();
    expect(data?.voorveldrapportages).toEqual({
      items: expected.map(shape),
      pageInfo: { totaal: expected.length, offset: 0, heeftVolgende: false },
    });
  });

  it('pages through the reports of a partner', async () => {
    const partner = world.subsidiepartners[2].id;
    const expected = world.voorveldrapportages.filter((r) => r.partnerId === partner).sort(newestFirst);
    const { data } = await harness.execute(RAPPORTAGES, { partner, first: 4, offset: 4 });
    expect(data?.voorveldrapportages).toEqual({
      items: expected.slice(4, 8).map(shape),
      pageInfo: { totaal: expected.length, offset: 4, heeftVolgende: expected.length > 8 },
    });
  });

  it('refuses a negative page with BAD_USER_INPUT', async () => {
    const { errors } = await harness.execute(RAPPORTAGES, { first: -10 });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('_entities(Voorveldrapportage)', () => {
  it('resolves representations in order, null for a miss', async () => {
    const [a, b] = world.voorveldrapportages.slice(0, 2);
    const { data, errors } = await harness.execute(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Voorveldrapportage { id aantalDeelnemers } } }`,
      { r: [b.id, 'vr-niets', a.id].map((id) => ({ __typename: 'Voorveldrapportage', id })) },
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { id: b.id, aantalDeelnemers: b.aantalDeelnemers },
      null,
      { id: a.id, aantalDeelnemers: a.aantalDeelnemers },
    ]);
  });
});
