import { describe, expect, it } from 'vitest';
import { type BereikRow, wetBereikOf } from './bereik.js';
import { Wet } from './domain.js';

const row = (kwartaal: number | null, clienten: number, flows = 0): BereikRow => ({
  gemeenteCode: '0406',
  kwartaal,
  clienten,
  instroom: flows,
  doorstroom: flows,
  uitstroom: flows,
});

describe('wetBereikOf', () => {
  it('gives the year and four quarters with their calendar days, counts rounded to 5 and per 1,000 from the rounded count', () => {
    const bereik = wetBereikOf([row(null, 838, 12), row(1, 401, 9), row(2, 402), row(3, 403), row(4, 404)], Wet.WMO, 2024, 'inwoners', 27_302);
    expect(bereik.jaartotaal).toMatchObject({ kwartaal: null, van: '2024-01-01', tot: '2024-12-31', clienten: { waarde: 840, onderdrukt: null } });
    // 840 published clients, not the raw 838: the raw count must not follow from the public population.
    expect(bereik.jaartotaal.clientenPer1000).toBe(30.8);
    expect(bereik.kwartalen.map((k) => [k.kwartaal, k.van, k.tot])).toEqual([
      [1, '2024-01-01', '2024-03-31'],
      [2, '2024-04-01', '2024-06-30'],
      [3, '2024-07-01', '2024-09-30'],
      [4, '2024-10-01', '2024-12-31'],
    ]);
    expect(bereik.kwartalen[0]?.instroom).toEqual({ waarde: null, onderdrukt: 'KLEIN_AANTAL' });
    expect(bereik.jaartotaal.instroom).toEqual({ waarde: 10, onderdrukt: null });
  });

  it('withholds the per-1,000 figure with the count, and counts a quarter without rows as zero clients (withheld)', () => {
    const bereik = wetBereikOf([row(null, 7)], Wet.JEUGDWET, 2025, 'inwoners onder 18', 2_000);
    expect(bereik.jaartotaal.clientenPer1000).toBeNull();
    expect(bereik.kwartalen).toHaveLength(4);
    expect(bereik.kwartalen[3]?.clienten).toEqual({ waarde: null, onderdrukt: 'KLEIN_AANTAL' });
  });
});
