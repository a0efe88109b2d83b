import { formatEurocent } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { demoWorld, newestYearFirst } from '../subsidies.test-utils.js';

const world = demoWorld();
let harness: SubgraphHarness;

beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const SUBSIDIES = `query ($gemeente: String, $jaar: Int, $partner: String, $first: Int, $offset: Int) {
  subsidies(gemeente: $gemeente, jaar: $jaar, partner: $partner, first: $first, offset: $offset) {
    items {
      id gemeenteCode jaar aangevraagd verleend vastgesteld budgetplafond
      aangevraagdTekst verleendTekst vastgesteldTekst budgetplafondTekst
      soort { code } status { code } partner { id } gemeente { code }
      prestatieafspraken { id indicator eenheid afgesproken gerealiseerd realisatiePercentage subsidie { id } }
    }
    pageInfo { totaal offset heeftVolgende }
  }
}`;

const shape = (s: (typeof world.subsidies)[number]) => ({
  id: s.id,
  gemeenteCode: s.gemeenteCode,
  jaar: s.jaar,
  aangevraagd: s.aangevraagd,
  verleend: s.verleend,
  vastgesteld: s.vastgesteld,
  budgetplafond: s.budgetplafond,
  aangevraagdTekst: formatEurocent(s.aangevraagd),
  verleendTekst: formatEurocent(s.verleend),
  vastgesteldTekst: s.vastgesteld === null ? null : formatEurocent(s.vastgesteld),
  budgetplafondTekst: formatEurocent(s.budgetplafond),
  soort: { code: s.soort },
  status: { code: s.status },
  partner: { id: s.partnerId },
  gemeente: { code: s.gemeenteCode },
  prestatieafspraken: world.prestatieafspraken
    .filter((p) => p.subsidieId === s.id)
    .map((p) => ({
      id: p.id,
      indicator: p.indicator,
      eenheid: p.eenheid,
      afgesproken: p.afgesproken,
      gerealiseerd: p.gerealiseerd,
      realisatiePercentage: p.gerealiseerd === null ? null : Math.round((p.gerealiseerd / p.afgesproken) * 1000) / 10,
      subsidie: { id: s.id },
    })),
});

describe('subsidies', () => {
  const gemeente = world.subsidies[0].gemeenteCode;

  it('lists the subsidies of a gemeente and year as the demo world has them', async () => {
    for (const jaar of [2025, 2026]) {
      const expected = world.subsidies.filter((s) => s.gemeenteCode === gemeente && s.jaar === jaar).sort(newestYearFirst);
      const { data, errors } = await harness.execute(SUBSIDIES, { gemeente, jaar, first: 100 });
      expect(errors).toBeUndefined();
      expect(data?.subsidies).toEqual({
        items: expected.map(shape),
        pageInfo: { totaal: expected.length, offset: 0, heeftVolgende: false },
      });
    }
  });

  it('pages through the subsidies of a partner, newest year first', async () => {
    const partner = world.subsidiepartners[1].id;
    const expected = world.subsidies.filter((s) => s.partnerId === partner).sort(newestYearFirst);
    const { data } = await harness.execute(SUBSIDIES, { partner, first: 2, offset: 1 });
    expect(data?.subsidies).toEqual({
      items: expected.slice(1, 3).map(shape),
      pageInfo: { totaal: expected.length, offset: 1, heeftVolgende: expected.length > 3 },
    });
  });

  it('counts all subsidies', async () => {
    const { data } = await harness.execute(SUBSIDIES, { first: 0 });
    expect(data?.subsidies).toEqual({ items: [], pageInfo: { totaal: world.subsidies.length, offset: 0, heeftVolgende: true } });
  });

  it.each([
    [{ gemeente: '40' }, /CBS-gemeentecode/],
    [{ jaar: 3000 }, /geen geldig jaar/],
    [{ partner: 'sp 0406' }, /subsidiepartner/],
    [{ offset: -1 }, /offset/],
  ])('refuses %o with BAD_USER_INPUT', async (variables, message) => {
    const { errors } = await harness.execute(SUBSIDIES, variables);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(message);
  });
});

describe('_entities(Subsidie, Prestatieafspraak)', () => {
  it('resolves representations in order, null for a miss', async () => {
    const [a, b] = world.subsidies.slice(-2);
    const afspraak = world.prestatieafspraken[0];
    const { data, errors } = await harness.execute(
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Subsidie { id verleend }
        ... on Prestatieafspraak { id afgesproken subsidie { id } }
      } }`,
      {
        r: [
          { __typename: 'Subsidie', id: b.id },
          { __typename: 'Subsidie', id: 'sub-0000-niets-2025' },
          { __typename: 'Prestatieafspraak', id: afspraak.id },
          { __typename: 'Subsidie', id: a.id },
          { __typename: 'Prestatieafspraak', id: 'pa-niets' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { id: b.id, verleend: b.verleend },
      null,
      { id: afspraak.id, afgesproken: afspraak.afgesproken, subsidie: { id: afspraak.subsidieId } },
      { id: a.id, verleend: a.verleend },
      null,
    ]);
  });
});
