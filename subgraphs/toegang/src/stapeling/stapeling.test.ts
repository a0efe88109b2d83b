import { createDisclosure, type DemoWorld, processKey, testPrincipal } from '@sociaal-graph/toolkit';
import { createSubgraphHarness, expectCount, expectRelationProtected, type SubgraphHarness } from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { demoWorld } from '../world.test-utils.js';
import { selectStapeling } from './stapeling.sql.js';
import { GEEN_STAPELING, stapelingCellen } from './stapeling.type.js';

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

const KEYS = ['WMO', 'JEUGDWET', 'PARTICIPATIEWET'] as const;

/** Per gemeente: households with a TOEGEKEND melding in `jaar`, keyed by their sorted set of laws, counted from the world. */
function rawCounts(world: DemoWorld, gemeente: string, jaar: number): Map<string, number> {
  const huishoudenVan = new Map(world.inwoners.map((i) => [i.id, i.huishoudenId]));
  const wetten = new Map<string, Set<string>>();
  for (const m of world.meldingen) {
    if (m.status !== 'TOEGEKEND' || m.gemeenteCode !== gemeente || !m.datum.startsWith(`${jaar}-`)) continue;
    const hh = huishoudenVan.get(m.inwonerId) ?? '';
    wetten.set(hh, (wetten.get(hh) ?? new Set()).add(m.wet));
  }
  const counts = new Map<string, number>();
  for (const set of wetten.values()) {
    const key = KEYS.filter((k) => set.has(k)).join('+');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('selectStapeling against the demo world', () => {
  it('counts households per combination of laws exactly as the world has them', async () => {
    const world = demoWorld();
    const gemeenten = ['0406', '0317', '0402'];
    for (const jaar of [2024, 2025]) {
      const rows = await selectStapeling(harness.db, gemeenten, jaar);
      for (const code of gemeenten) {
        const raw = rawCounts(world, code, jaar);
        const row = rows.find((r) => r.gemeenteCode === code);
        const get = (k: string) => raw.get(k) ?? 0;
        const totaal = [...raw.values()].reduce((a, b) => a + b, 0);
        expect(totaal, `${code} ${jaar}`).toBeGreaterThan(0);
        expect(row, `${code} ${jaar}`).toMatchObject({
          alleenWmo: get('WMO'),
          alleenJeugdwet: get('JEUGDWET'),
          alleenParticipatiewet: get('PARTICIPATIEWET'),
          wmoEnJeugdwet: get('WMO+JEUGDWET'),
          wmoEnParticipatiewet: get('WMO+PARTICIPATIEWET'),
          jeugdwetEnParticipatiewet: get('JEUGDWET+PARTICIPATIEWET'),
          alleDrie: get('WMO+JEUGDWET+PARTICIPATIEWET'),
          totaal,
        });
      }
      const datums = world.meldingen
        .filter((m) => m.status === 'TOEGEKEND' && gemeenten.includes(m.gemeenteCode) && m.datum.startsWith(`${jaar}-`))
        .map((m) => m.datum)
        .sort();
      expect(rows.every((r) => r.gegevensTot === datums.at(-1))).toBe(true);
    }
  });

  it('has households under more than one law in the world, so the stacking is not trivially zero', () => {
    const raw = rawCounts(demoWorld(), '0402', 2025);
    const stapeling = [...raw.entries()].filter(([k]) => k.includes('+')).reduce((a, [, n]) => a + n, 0);
    expect(stapeling).toBeGreaterThan(0);
  });
});

describe('stapeling', () => {
  const QUERY = `query ($g: [String!]!, $j: Int!) { stapeling(gemeenten: $g, jaar: $j) {
    verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } }
    rijen { gemeente { code } jaar aantalHuishoudens { waarde onderdrukt } tweeWetten { waarde onderdrukt } } } }`;
  type Antwoord = { stapeling: { verantwoording: { berekendOver: string[]; uitgesloten: { gemeenteCode: string; wet: string; reden: string }[] }; rijen: { gemeente: { code: string } }[] } };

  it('counts only gemeenten the caller may count for all three laws, and names the others once per law', async () => {
    const analist = testPrincipal({
      organisatie: 'x',
      rollen: ['analist'],
      scope: () => ({ alle: false, gemeenten: [] }),
      statistiek: (wet) => ({ alle: false, gemeenten: wet === 'JEUGDWET' ? ['0406'] : ['0406', '0317'] }),
    });
    const { data, errors } = await harness.execute<Antwoord>(QUERY, { g: ['0406', '0317', '0402'], j: 2025 }, analist);
    expect(errors).toBeUndefined();
    expect(data?.stapeling.verantwoording.berekendOver).toEqual(['0406']);
    expect(data?.stapeling.verantwoording.uitgesloten).toEqual([
      { gemeenteCode: '0402', wet: 'WMO', reden: 'BUITEN_MANDAAT' },
      { gemeenteCode: '0317', wet: 'JEUGDWET', reden: 'BUITEN_MANDAAT' },
      { gemeenteCode: '0402', wet: 'JEUGDWET', reden: 'BUITEN_MANDAAT' },
      { gemeenteCode: '0402', wet: 'PARTICIPATIEWET', reden: 'BUITEN_MANDAAT' },
    ]);
    expect(data?.stapeling.rijen.map((r) => r.gemeente.code)).toEqual(['0406']);
  });
});

describe('stapelingCellen', () => {
  const disclosure = () => createDisclosure(processKey());
  const sleutels = [11, 22, 33, 44, 55, 66, 77];

  it('withholds the three-law cell, then what would give it back: a level total and a cell under that level', () => {
    // One law: 40 + 30 + 20; two laws: 10 + 12 + 11; three laws: 4 (small).
    const cellen = stapelingCellen({ aantallen: [40, 30, 20, 10, 12, 11, 4], sleutels }, disclosure());
    expect(cellen.drieWetten).toMatchObject({ waarde: null, onderdrukt: 'KLEIN_AANTAL' });
    // All minus one law would give three laws back: the smaller other level total (two laws) goes too...
    expect(cellen.tweeWetten).toMatchObject({ waarde: null, onderdrukt: 'AFLEIDBAAR' });
    // ...and since its three cells would add up to it, its smallest cell as well.
    expect(cellen.wmoEnJeugdwet).toMatchObject({ waarde: null, onderdrukt: 'AFLEIDBAAR' });
    expectCount(cellen.aantalHuishoudens, { value: 127 });
    expectCount(cellen.eenWet, { value: 90 });
    expectCount(cellen.wmoEnParticipatiewet, { value: 12 });
    expectRelationProtected(cellen.aantalHuishoudens, [
      { published: cellen.eenWet, contributors: 90 }, { published: cellen.tweeWetten, contributors: 33 }, { published: cellen.drieWetten, contributors: 4 },
    ]);
  });

  it('withholds every zero: a gemeente without support publishes no exact 0', () => {
    const cellen = stapelingCellen(GEEN_STAPELING, disclosure());
    expect(Object.values(cellen).every((v) => v.waarde === null && v.onderdrukt === 'KLEIN_AANTAL')).toBe(true);
  });
});
