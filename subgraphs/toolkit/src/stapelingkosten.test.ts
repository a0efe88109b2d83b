import { describe, expect, it } from 'vitest';
import { perElement, stapelingLoader } from './stapelingkosten.js';

// The batching under StapelingKosten: the gateway sends one representation per gemeente, and each extending
// subgraph answers all of them with one statement whose rows name the representation they belong to.
describe('stapelingLoader', () => {
  it('serves every representation of one tick from one fetch, each with its own rows', async () => {
    const batches: unknown[][] = [];
    const loader = stapelingLoader(async (keys: readonly { gemeenteCode: string; jaar: number; leden: string[] }[]) => {
      batches.push([...keys]);
      const { volgnummer, elementen } = perElement(keys, (key) => key.leden);
      return elementen.map((lid, i) => ({ volgnummer: volgnummer[i] ?? -1, lid }));
    });
    const [huizen, laren, leeg] = await Promise.all([
      loader.load({ gemeenteCode: '0406', jaar: 2025, leden: ['a', 'b'] }),
      loader.load({ gemeenteCode: '0417', jaar: 2025, leden: ['c'] }),
      loader.load({ gemeenteCode: '0376', jaar: 2025, leden: [] }),
    ]);
    expect(batches).toHaveLength(1);
    expect(huizen).toEqual([{ volgnummer: 0, lid: 'a' }, { volgnummer: 0, lid: 'b' }]);
    expect(laren).toEqual([{ volgnummer: 1, lid: 'c' }]);
    expect(leeg).toEqual([]);
  });

  it('never merges two representations, even with the same gemeente and year', async () => {
    const loader = stapelingLoader(async (keys: readonly { gemeenteCode: string; jaar: number; leden: string[] }[]) => {
      const { volgnummer, elementen } = perElement(keys, (key) => key.leden);
      return elementen.map((lid, i) => ({ volgnummer: volgnummer[i] ?? -1, lid }));
    });
    const [eerste, tweede] = await Promise.all([
      loader.load({ gemeenteCode: '0406', jaar: 2025, leden: ['a'] }),
      loader.load({ gemeenteCode: '0406', jaar: 2025, leden: ['b'] }),
    ]);
    expect(eerste.map((r) => r.lid)).toEqual(['a']);
    expect(tweede.map((r) => r.lid)).toEqual(['b']);
  });
});

describe('perElement', () => {
  it('flattens the lists into parallel arrays, each element with its representation, gemeente and year', () => {
    const uit = perElement(
      [{ gemeenteCode: '0406', jaar: 2025, leden: ['a', 'b'] }, { gemeenteCode: '0417', jaar: 2024, leden: [] }, { gemeenteCode: '0376', jaar: 2025, leden: ['c'] }],
      (key) => key.leden,
    );
    expect(uit).toEqual({ volgnummer: [0, 0, 2], gemeente: ['0406', '0406', '0376'], jaar: [2025, 2025, 2025], elementen: ['a', 'b', 'c'] });
  });
});
