import { expectCount, expectRelationProtected, type PublishedValue } from '@sociaal-graph/toolkit/testing';
import { describe, expect, it } from 'vitest';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Issue 4 item 7 (stacking of support per household, the counting half) with item 10 (verantwoording), through
// the gateway. Expected counts are recomputed here from the demo world's meldingen, inwoners and huishoudens.
const world = demoWorld();
const JAAR = 2025;
const graph = useGraph();

const FIELDS = [
  'aantalHuishoudens', 'eenWet', 'tweeWetten', 'drieWetten', 'alleenWmo', 'alleenJeugdwet', 'alleenParticipatiewet',
  'wmoEnJeugdwet', 'wmoEnParticipatiewet', 'jeugdwetEnParticipatiewet',
] as const;
type Veld = (typeof FIELDS)[number];
type Aantal = PublishedValue;
type Rij = { gemeente: { code: string }; jaar: number; onderdrukkingsregel: string } & Record<Veld, Aantal>;
interface Antwoord {
  verantwoording: { berekendOver: string[]; uitgesloten: { gemeenteCode: string; wet: string; reden: string }[]; gegevensTot: string | null };
  rijen: Rij[];
}

const QUERY = `query ($g: [String!]!, $j: Int!) {
  stapeling(gemeenten: $g, jaar: $j) {
    verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot }
    rijen { gemeente { code } jaar onderdrukkingsregel ${FIELDS.map((f) => `${f} { waarde onderdrukt bewerking }`).join(' ')} }
  }
}`;

/** The raw counts of a gemeente: households with a TOEGEKEND melding in the year, by their set of laws. */
function raw(gemeente: string): Record<Veld, number> {
  const huishoudenVan = new Map(world.inwoners.map((i) => [i.id, i.huishoudenId]));
  const wetten = new Map<string, Set<string>>();
  for (const m of world.meldingen) {
    if (m.status !== 'TOEGEKEND' || m.gemeenteCode !== gemeente || !m.datum.startsWith(`${JAAR}-`)) continue;
    const hh = huishoudenVan.get(m.inwonerId) ?? '';
    wetten.set(hh, (wetten.get(hh) ?? new Set()).add(m.wet));
  }
  const sets = [...wetten.values()];
  const exact = (...ws: string[]) => sets.filter((s) => s.size === ws.length && ws.every((w) => s.has(w))).length;
  return {
    aantalHuishoudens: sets.length,
    eenWet: sets.filter((s) => s.size === 1).length,
    tweeWetten: sets.filter((s) => s.size === 2).length,
    drieWetten: sets.filter((s) => s.size === 3).length,
    alleenWmo: exact('WMO'),
    alleenJeugdwet: exact('JEUGDWET'),
    alleenParticipatiewet: exact('PARTICIPATIEWET'),
    wmoEnJeugdwet: exact('WMO', 'JEUGDWET'),
    wmoEnParticipatiewet: exact('WMO', 'PARTICIPATIEWET'),
    jeugdwetEnParticipatiewet: exact('JEUGDWET', 'PARTICIPATIEWET'),
  };
}

/** The published sums: each total over the values it is the sum of. */
const SOMMEN: [Veld, Veld[]][] = [
  ['aantalHuishoudens', ['eenWet', 'tweeWetten', 'drieWetten']],
  ['eenWet', ['alleenWmo', 'alleenJeugdwet', 'alleenParticipatiewet']],
  ['tweeWetten', ['wmoEnJeugdwet', 'wmoEnParticipatiewet', 'jeugdwetEnParticipatiewet']],
];

/** Checks a row against the policy's rules, applied here to the world's counts (issue 10). */
function check(rij: Rij): void {
  const counts = raw(rij.gemeente.code);
  expect(counts.aantalHuishoudens).toBeGreaterThan(0);
  // A zero is a cell under 10 like any other: withheld, never an exact 0 beside a total.
  for (const veld of FIELDS) expectCount(rij[veld], { value: counts[veld] }, veld);
  for (const [totaal, delen] of SOMMEN) {
    expectRelationProtected(rij[totaal], delen.map((d) => ({ published: rij[d], contributors: counts[d] })), totaal);
  }
}

async function ask(token: string, gemeenten: string[]): Promise<Antwoord> {
  const response = await graph.query<{ stapeling: Antwoord }>(QUERY, { g: gemeenten, j: JAAR }, token);
  expect(response.errors).toBeUndefined();
  const antwoord = response.data?.stapeling;
  if (!antwoord) throw new Error('no stapeling');
  return antwoord;
}

function gegevensTot(gemeenten: string[]): string | null {
  return world.meldingen.filter((m) => m.status === 'TOEGEKEND' && gemeenten.includes(m.gemeenteCode) && m.datum.startsWith(`${JAAR}-`)).map((m) => m.datum).sort().at(-1) ?? null;
}

describe('stapeling (issue 4 item 7)', () => {
  it("gives Huizen's analist the stacking of Huizen, suppressed", async () => {
    const token = await graph.token({ role: 'analist', org: '0406' });
    const antwoord = await ask(token, ['0406']);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([]);
    expect(antwoord.verantwoording.gegevensTot).toBe(gegevensTot(['0406']));
    expect(antwoord.rijen.map((r) => [r.gemeente.code, r.jaar])).toEqual([['0406', JAAR]]);
    for (const rij of antwoord.rijen) check(rij);
    expect(antwoord.rijen[0]?.aantalHuishoudens.waarde).toBeGreaterThan(0);
  });

  it('gives the HBEL analist Huizen and leaves Eemnes out for the Jeugdwet, never as zero', async () => {
    const token = await graph.token({ role: 'analist', org: 'uo-hbel' });
    const antwoord = await ask(token, ['0406', '0317']);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0317', wet: 'JEUGDWET', reden: 'BUITEN_MANDAAT' }]);
    expect(antwoord.verantwoording.gegevensTot).toBe(gegevensTot(['0406']));
    expect(antwoord.rijen.map((r) => r.gemeente.code)).toEqual(['0406']);
    for (const rij of antwoord.rijen) check(rij);
  });

  it('is refused to a provider, who reads no aggregates', async () => {
    const agb = world.declaraties[0]?.aanbiederAgb ?? '';
    const response = await graph.query<{ stapeling: Antwoord | null }>(QUERY, { g: ['0406'], j: JAAR }, await graph.token({ role: 'aanbieder', org: agb }));
    expect(response.data?.stapeling ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
