import { expectCount, expectRelationProtected } from '@sociaal-graph/toolkit/testing';
import { describe, expect, it } from 'vitest';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Issue 4 item 6 (reach per law: clients per 1,000 inhabitants, in-, through- and outflow per quarter) with
// item 10 (verantwoording), through the gateway: the inhabitants come from the gemeenten subgraph (@requires).
// Expected values are computed here from the demo world's toewijzingen with plain date comparisons.
const world = demoWorld();
const graph = useGraph();

const PERIODE = `kwartaal van tot clienten { waarde onderdrukt bewerking } clientenPer1000
  instroom { waarde onderdrukt bewerking } doorstroom { waarde onderdrukt bewerking } uitstroom { waarde onderdrukt bewerking }`;
const BEREIK = `wet jaar doelgroep inwoners jaartotaal { ${PERIODE} } kwartalen { ${PERIODE} }`;
type Root = 'wmoBereik' | 'jeugdBereik' | 'participatieBereik';
const query = (root: Root) => `query ($g: [String!]!, $jaar: Int!) {
  ${root}(gemeenten: $g) {
    verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot laatsteDeclaratie }
    gemeenten { code ${root}(jaar: $jaar) { ${BEREIK} } }
  }
}`;

type Aantal = { waarde: number | null; onderdrukt: string | null; bewerking: string | null };
interface Periode {
  kwartaal: number | null;
  van: string;
  tot: string;
  clienten: Aantal;
  clientenPer1000: number | null;
  instroom: Aantal;
  doorstroom: Aantal;
  uitstroom: Aantal;
}
interface Bereik { wet: string; jaar: number; doelgroep: string; inwoners: number; jaartotaal: Periode; kwartalen: Periode[] }
interface Antwoord {
  verantwoording: { berekendOver: string[]; uitgesloten: { gemeenteCode: string; wet: string; reden: string }[]; gegevensTot: string | null; laatsteDeclaratie: string | null };
  gemeenten: ({ code: string } & Record<string, Bereik | string>)[];
}

/** What the reach counts: a toewijzing or an uitkering of one inwoner, both days inclusive. */
type Voorziening = { inwonerId: string; gemeenteCode: string; ingangsdatum: string; einddatum: string | null };

const dag = (datum: string, delta: number) => new Date(Date.parse(`${datum}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);
const actief = (t: Voorziening, d: string) => t.ingangsdatum <= d && (t.einddatum === null || t.einddatum >= d);

/** The raw flows of one gemeente's toewijzingen in one period, per client (inwoner). */
function flows(toewijzingen: readonly Voorziening[], van: string, tot: string) {
  const byClient = new Map<string, Voorziening[]>();
  for (const t of toewijzingen) byClient.set(t.inwonerId, [...(byClient.get(t.inwonerId) ?? []), t]);
  let clienten = 0;
  let instroom = 0;
  let doorstroom = 0;
  let uitstroom = 0;
  for (const own of byClient.values()) {
    if (own.some((t) => t.ingangsdatum <= tot && (t.einddatum === null || t.einddatum >= van))) clienten += 1;
    if (own.some((t) => t.ingangsdatum >= van && t.ingangsdatum <= tot && !own.some((u) => actief(u, dag(t.ingangsdatum, -1))))) instroom += 1;
    if (own.some((t) => t.einddatum !== null && t.einddatum >= van && t.einddatum <= tot && !own.some((u) => actief(u, dag(t.einddatum ?? '', 1))))) uitstroom += 1;
    if (own.some((t) => actief(t, van)) && own.some((t) => actief(t, tot))) doorstroom += 1;
  }
  return { clienten, instroom, doorstroom, uitstroom };
}

const QUARTERS: [number | null, string, string][] = [
  [null, '01-01', '12-31'],
  [1, '01-01', '03-31'],
  [2, '04-01', '06-30'],
  [3, '07-01', '09-30'],
  [4, '10-01', '12-31'],
];

/** Checks one gemeente's published reach against the world. */
function check(bereik: Bereik, gemeente: string, wet: 'WMO' | 'JEUGDWET' | 'PARTICIPATIEWET', jaar: number): void {
  const info = world.gemeenten.find((g) => g.code === gemeente);
  const inwoners = wet === 'JEUGDWET' ? info?.inwonersOnder18 : info?.inwoners;
  const bron = { WMO: world.wmoToewijzingen, JEUGDWET: world.jeugdToewijzingen, PARTICIPATIEWET: world.uitkeringen }[wet];
  const toewijzingen = (bron as readonly Voorziening[]).filter((t) => t.gemeenteCode === gemeente);
  expect([bereik.wet, bereik.jaar, bereik.inwoners]).toEqual([wet, jaar, inwoners]);
  const periods = [bereik.jaartotaal, ...bereik.kwartalen];
  // Instroom and uitstroom of the quarters add up to the year's (nearly): a protected relation.
  for (const maat of ['instroom', 'uitstroom'] as const) {
    expectRelationProtected(
      bereik.jaartotaal[maat],
      bereik.kwartalen.map((k, i) => ({ published: k[maat], contributors: flows(toewijzingen, `${jaar}-${QUARTERS[i + 1]![1]}`, `${jaar}-${QUARTERS[i + 1]![2]}`)[maat] })),
      `${gemeente} ${maat}`,
    );
  }
  QUARTERS.forEach(([kwartaal, van, tot], i) => {
    const p = periods[i];
    const raw = flows(toewijzingen, `${jaar}-${van}`, `${jaar}-${tot}`);
    expect({ kwartaal: p?.kwartaal, van: p?.van, tot: p?.tot }).toEqual({ kwartaal, van: `${jaar}-${van}`, tot: `${jaar}-${tot}` });
    for (const maat of ['clienten', 'instroom', 'doorstroom', 'uitstroom'] as const) expectCount(p?.[maat], { value: raw[maat] }, `${gemeente} ${kwartaal} ${maat}`);
    const shown = p?.clienten.waarde ?? null;
    if (shown === null) expect(p?.clientenPer1000).toBeNull();
    else expect(p?.clientenPer1000).toBeCloseTo((shown / (inwoners ?? 1)) * 1000, 1);
  });
}

async function ask(root: Root, token: string, gemeenten: string[], jaar: number): Promise<Antwoord> {
  const response = await graph.query<Record<string, Antwoord>>(query(root), { g: gemeenten, jaar }, token);
  expect(response.errors).toBeUndefined();
  const antwoord = response.data?.[root];
  if (!antwoord) throw new Error(`no ${root}`);
  return antwoord;
}

const laatsteIngang = (toewijzingen: readonly Voorziening[], gemeenten: string[]) =>
  toewijzingen.filter((t) => gemeenten.includes(t.gemeenteCode)).map((t) => t.ingangsdatum).sort().at(-1) ?? null;

describe('bereik per wet (issue 4 item 6)', () => {
  it("gives the HBEL analist the Wmo reach of its four gemeenten and leaves Amersfoort out with the reason", async () => {
    const token = await graph.token({ role: 'analist', org: 'uo-hbel' });
    const antwoord = await ask('wmoBereik', token, ['0406', '0376', '0317', '0307'], 2025);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406', '0376', '0317']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0307', wet: 'WMO', reden: 'BUITEN_MANDAAT' }]);
    expect(antwoord.verantwoording.gegevensTot).toBe(laatsteIngang(world.wmoToewijzingen, ['0406', '0376', '0317']));
    expect(antwoord.gemeenten.map((g) => g.code)).toEqual(['0406', '0376', '0317']);
    for (const g of antwoord.gemeenten) check(g.wmoBereik as Bereik, g.code, 'WMO', 2025);
    const huizen = antwoord.gemeenten[0]?.wmoBereik as Bereik;
    expect(huizen.doelgroep).toBe('inwoners');
    expect(huizen.jaartotaal.clientenPer1000).toBeGreaterThan(0);
    expect(huizen.kwartalen.some((k) => k.instroom.waarde !== null)).toBe(true);
  });

  it("leaves Eemnes' Jeugdwet out for the HBEL analist, with the reason, never as zero", async () => {
    const token = await graph.token({ role: 'analist', org: 'uo-hbel' });
    expect(world.jeugdToewijzingen.some((t) => t.gemeenteCode === '0317')).toBe(true);
    const antwoord = await ask('jeugdBereik', token, ['0406', '0317'], 2025);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0317', wet: 'JEUGDWET', reden: 'BUITEN_MANDAAT' }]);
    expect(antwoord.gemeenten.map((g) => g.code)).toEqual(['0406']);
    const huizen = antwoord.gemeenten[0]?.jeugdBereik as Bereik;
    expect(huizen.doelgroep).toBe('inwoners onder 18');
    check(huizen, '0406', 'JEUGDWET', 2025);
  });

  it('gives the Participatiewet reach (uitkeringen) of the HBEL gemeenten and leaves Hilversum out', async () => {
    const token = await graph.token({ role: 'analist', org: 'uo-hbel' });
    const antwoord = await ask('participatieBereik', token, ['0406', '0317', '0402'], 2025);
    expect(antwoord.verantwoording.berekendOver).toEqual(['0406', '0317']);
    expect(antwoord.verantwoording.uitgesloten).toEqual([{ gemeenteCode: '0402', wet: 'PARTICIPATIEWET', reden: 'BUITEN_MANDAAT' }]);
    expect(antwoord.verantwoording.gegevensTot).toBe(laatsteIngang(world.uitkeringen, ['0406', '0317']));
    for (const g of antwoord.gemeenten) check(g.participatieBereik as Bereik, g.code, 'PARTICIPATIEWET', 2025);
    expect((antwoord.gemeenten[0]?.participatieBereik as Bereik).jaartotaal.clienten.waarde).toBeGreaterThan(0);
  });

  it('refuses the reach of a gemeente outside the mandate when asked on the gemeente itself', async () => {
    const token = await graph.token({ role: 'controller', org: '0406' });
    const response = await graph.query<{ gemeente: { code: string; wmoBereik: Bereik | null } | null }>(
      `{ gemeente(code: "0376") { code wmoBereik(jaar: 2025) { jaar } } }`,
      {},
      token,
    );
    expect(response.data?.gemeente?.wmoBereik ?? null).toBeNull();
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
