import { describe, expect, it } from 'vitest';
import { type BereikRow, wetBereikOf } from './bereik.js';
import { processKey } from './disclosure/cell-key.js';
import { createDisclosure } from './disclosure/disclosure.js';
import { Wet } from './domain.js';
import { expectCount, expectRelationProtected } from './testing/disclosure.js';

const row = (kwartaal: number | null, clienten: number, flows = 0): BereikRow => ({
  gemeenteCode: '0406',
  kwartaal,
  clienten,
  instroom: flows,
  doorstroom: flows,
  uitstroom: flows,
  sleutels: [clienten * 31 + (kwartaal ?? 0), flows * 37, flows * 41, flows * 43],
});
const disclosure = () => createDisclosure(processKey());

describe('wetBereikOf', () => {
  it('gives the year and four quarters with their calendar days, counts by the policy and per 1,000 from the published count', () => {
    const bereik = wetBereikOf([row(null, 838, 12), row(1, 401, 9), row(2, 402), row(3, 403), row(4, 404)], Wet.WMO, 2024, 'inwoners', 27_302, disclosure());
    expect(bereik.jaartotaal).toMatchObject({ kwartaal: null, van: '2024-01-01', tot: '2024-12-31' });
    expectCount(bereik.jaartotaal.clienten, { value: 838 });
    // From the published clients, not the raw 838: the raw count must not follow from the public population.
    expect(bereik.jaartotaal.clientenPer1000).toBe(Math.round(((bereik.jaartotaal.clienten.waarde ?? 0) / 27_302) * 10_000) / 10);
    expect(bereik.kwartalen.map((k) => [k.kwartaal, k.van, k.tot])).toEqual([
      [1, '2024-01-01', '2024-03-31'],
      [2, '2024-04-01', '2024-06-30'],
      [3, '2024-07-01', '2024-09-30'],
      [4, '2024-10-01', '2024-12-31'],
    ]);
    // Quarter 1 has 9 entrants, the others none: the year's 12 minus the quarters would give them back, so the year goes too.
    expect(bereik.kwartalen[0]?.instroom).toMatchObject({ waarde: null, onderdrukt: 'KLEIN_AANTAL' });
    expect(bereik.jaartotaal.instroom).toMatchObject({ waarde: null, onderdrukt: 'AFLEIDBAAR' });
    expectRelationProtected(bereik.jaartotaal.instroom, bereik.kwartalen.map((k, i) => ({ published: k.instroom, contributors: i === 0 ? 9 : 0 })));
  });

  it('withholds the per-1,000 figure with the count, and counts a quarter without rows as zero clients (withheld)', () => {
    const bereik = wetBereikOf([row(null, 7)], Wet.JEUGDWET, 2025, 'inwoners onder 18', 2_000, disclosure());
    expect(bereik.jaartotaal.clientenPer1000).toBeNull();
    expect(bereik.kwartalen).toHaveLength(4);
    expect(bereik.kwartalen[3]?.clienten).toMatchObject({ waarde: null, onderdrukt: 'KLEIN_AANTAL' });
  });
});
