import { expectAmount, expectRelationProtected, type PublishedValue } from '@sociaal-graph/toolkit/testing';
import { describe, expect, it } from 'vitest';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Issue 4 item 7, the cost half: what households with support under one, two or three laws cost, and the most
// expensive households for the front door. The amounts travel toegang -> wmo/jeugd/participatie -> inkoop -> toegang
// through the gateway; the expected amounts are recomputed here from the demo world's households, toewijzingen,
// declaraties, uitkeringen and minimaregelingen.
const world = demoWorld();
const JAAR = 2025;
const graph = useGraph();

type Wet = 'WMO' | 'JEUGDWET' | 'PARTICIPATIEWET';
type Bedrag = PublishedValue;
interface Groep { groep: string; aantalHuishoudens: Bedrag; totaal: Bedrag; wmo: Bedrag; jeugdwet: Bedrag; participatiewet: Bedrag }
interface Duur { rang: number; huishouden: { id: string } | null; wetten: Wet[]; totaal: number; wmo: number; jeugdwet: number; participatiewet: number }
interface Rij { gemeente: { code: string }; aantalHuishoudens: Bedrag; kosten: { groepen: Groep[]; duursteHuishoudens?: Duur[] | null } }

const GROEPEN = `groepen { groep aantalHuishoudens { waarde onderdrukt } totaal { waarde onderdrukt } wmo { waarde onderdrukt }
  jeugdwet { waarde onderdrukt } participatiewet { waarde onderdrukt } }`;
const QUERY = `query ($g: [String!]!, $j: Int!) {
  stapeling(gemeenten: $g, jaar: $j) { rijen { gemeente { code } aantalHuishoudens { waarde onderdrukt } kosten { ${GROEPEN} } } }
}`;
const DUURSTE = `query ($g: [String!]!, $j: Int!, $n: Int) {
  stapeling(gemeenten: $g, jaar: $j) { rijen { gemeente { code } kosten { duursteHuishoudens(aantal: $n) {
    rang huishouden { id } wetten totaal wmo jeugdwet participatiewet } } } }
}`;

const inJaar = (datum: string) => datum.startsWith(`${JAAR}-`);
const begin = `${JAAR}-01-01`;
const eind = `${JAAR}-12-31`;
const dag = (datum: string) => Date.parse(`${datum}T00:00:00Z`) / 86_400_000;

/** The households of a gemeente with a granted melding in the year, their laws, and what all their members cost there. */
function huishoudens(gemeente: string) {
  const huishoudenVan = new Map(world.inwoners.map((i) => [i.id, i.huishoudenId]));
  const wetten = new Map<string, Set<Wet>>();
  for (const m of world.meldingen) {
    if (m.status !== 'TOEGEKEND' || m.gemeenteCode !== gemeente || !inJaar(m.datum)) continue;
    const hh = huishoudenVan.get(m.inwonerId) ?? '';
    wetten.set(hh, (wetten.get(hh) ?? new Set()).add(m.wet as Wet));
  }
  // Declared care: the members' toewijzingen in the gemeente, their declaraties with delivery starting in the year.
  const toewijzingVan = new Map<string, string>();
  for (const t of [...world.wmoToewijzingen, ...world.jeugdToewijzingen]) {
    if (t.gemeenteCode === gemeente) toewijzingVan.set(`${t.wet}:${t.toewijzingsnummer}`, t.inwonerId);
  }
  const kosten = new Map<string, Record<Wet, number>>();
  const add = (inwoner: string, wet: Wet, bedrag: number) => {
    const k = kosten.get(inwoner) ?? { WMO: 0, JEUGDWET: 0, PARTICIPATIEWET: 0 };
    k[wet] += bedrag;
    kosten.set(inwoner, k);
  };
  for (const d of world.declaraties) {
    if (d.gemeenteCode !== gemeente || !inJaar(d.leveringVan) || d.status === 'AFGEWEZEN' || d.status === 'GECREDITEERD') continue;
    const inwoner = toewijzingVan.get(`${d.wet}:${d.toewijzingsnummer}`);
    if (inwoner) add(inwoner, d.wet as Wet, d.bedrag);
  }
  // Bijstand pro rata over its days in the year (rounded half up per uitkering), and the year's minimaregelingen.
  const dagenInJaar = dag(`${JAAR + 1}-01-01`) - dag(begin);
  for (const u of world.uitkeringen) {
    if (u.gemeenteCode !== gemeente || u.ingangsdatum > eind || (u.einddatum !== null && u.einddatum < begin)) continue;
    const dagen = dag(u.einddatum === null || u.einddatum > eind ? eind : u.einddatum) - dag(u.ingangsdatum < begin ? begin : u.ingangsdatum) + 1;
    add(u.inwonerId, 'PARTICIPATIEWET', Math.floor((u.bedragPerMaand * 12 * dagen * 2 + dagenInJaar) / (2 * dagenInJaar)));
  }
  for (const m of world.minimaregelingen) if (m.gemeenteCode === gemeente && m.jaar === JAAR) add(m.inwonerId, 'PARTICIPATIEWET', m.bedrag);

  return [...wetten].map(([id, set]) => {
    const som: Record<Wet, number> = { WMO: 0, JEUGDWET: 0, PARTICIPATIEWET: 0 };
    for (const lid of world.inwoners.filter((i) => i.huishoudenId === id)) {
      const k = kosten.get(lid.id);
      if (k) for (const wet of ['WMO', 'JEUGDWET', 'PARTICIPATIEWET'] as const) som[wet] += k[wet];
    }
    return { id, wetten: set, kosten: som, totaal: som.WMO + som.JEUGDWET + som.PARTICIPATIEWET };
  });
}

const LIDMAATSCHAP: Record<string, (w: Set<Wet>) => boolean> = {
  ALLE: () => true,
  EEN_WET: (w) => w.size === 1,
  TWEE_WETTEN: (w) => w.size === 2,
  DRIE_WETTEN: (w) => w.size === 3,
  ALLEEN_WMO: (w) => w.size === 1 && w.has('WMO'),
  ALLEEN_JEUGDWET: (w) => w.size === 1 && w.has('JEUGDWET'),
  ALLEEN_PARTICIPATIEWET: (w) => w.size === 1 && w.has('PARTICIPATIEWET'),
  WMO_EN_JEUGDWET: (w) => w.size === 2 && w.has('WMO') && w.has('JEUGDWET'),
  WMO_EN_PARTICIPATIEWET: (w) => w.size === 2 && w.has('WMO') && w.has('PARTICIPATIEWET'),
  JEUGDWET_EN_PARTICIPATIEWET: (w) => w.size === 2 && w.has('JEUGDWET') && w.has('PARTICIPATIEWET'),
};

async function ask<D>(query: string, variables: Record<string, unknown>, token: string) {
  return graph.query<{ stapeling: { rijen: D[] } | null }>(query, { j: JAAR, ...variables }, token);
}

describe('stapeling: kosten (issue 4 item 7)', () => {
  it("gives Huizen's analist the cost per group, by law, equal to the demo world's, each amount over the households contributing to it, by the policy", async () => {
    const response = await ask<Rij>(QUERY, { g: ['0406'] }, await graph.token({ role: 'analist', org: '0406' }));
    expect(response.errors).toBeUndefined();
    const rij = response.data?.stapeling?.rijen[0];
    if (!rij) throw new Error('no row for 0406');
    const alle = huishoudens('0406');
    expect(alle.length).toBeGreaterThan(10);
    expect(rij.kosten.groepen.map((g) => g.groep)).toEqual(Object.keys(LIDMAATSCHAP));
    expect(rij.kosten.groepen[0]?.aantalHuishoudens).toEqual(rij.aantalHuishoudens);
    let zichtbaar = 0;
    const KOLOMMEN = [
      ['totaal', (h: (typeof alle)[number]) => h.totaal],
      ['wmo', (h: (typeof alle)[number]) => h.kosten.WMO],
      ['jeugdwet', (h: (typeof alle)[number]) => h.kosten.JEUGDWET],
      ['participatiewet', (h: (typeof alle)[number]) => h.kosten.PARTICIPATIEWET],
    ] as const;
    // An amount per law counts the households that contribute to that law (issue 10: per cell and per column).
    const bijdragers = (groep: string, f: (h: (typeof alle)[number]) => number) => alle.filter((h) => LIDMAATSCHAP[groep]?.(h.wetten) && f(h) !== 0);
    for (const groep of rij.kosten.groepen) {
      for (const [kolom, f] of KOLOMMEN) {
        const leden = bijdragers(groep.groep, f);
        const truth = { value: leden.reduce((a, h) => a + f(h), 0), contributors: leden.length, largest: Math.max(0, ...leden.map((h) => Math.abs(f(h)))) };
        expectAmount(groep[kolom], truth, 10_000, `${groep.groep} ${kolom}`);
        if (groep[kolom].waarde !== null) zichtbaar += 1;
      }
      expectRelationProtected(groep.totaal, KOLOMMEN.slice(1).map(([kolom, f]) => ({ published: groep[kolom], contributors: bijdragers(groep.groep, f).length })));
    }
    const at = (naam: string) => rij.kosten.groepen.find((g) => g.groep === naam)!;
    for (const [kolom, f] of KOLOMMEN) {
      for (const [totaal, delen] of [
        ['ALLE', ['EEN_WET', 'TWEE_WETTEN', 'DRIE_WETTEN']],
        ['EEN_WET', ['ALLEEN_WMO', 'ALLEEN_JEUGDWET', 'ALLEEN_PARTICIPATIEWET']],
        ['TWEE_WETTEN', ['WMO_EN_JEUGDWET', 'WMO_EN_PARTICIPATIEWET', 'JEUGDWET_EN_PARTICIPATIEWET']],
      ] as const) {
        expectRelationProtected(at(totaal)[kolom], delen.map((d) => ({ published: at(d)[kolom], contributors: bijdragers(d, f).length })), `${kolom} ${totaal}`);
      }
    }
    // The whole and more are published (each law's column only where 10 households contribute to it, checked above).
    expect(zichtbaar).toBeGreaterThan(4);
    expect(rij.kosten.groepen[0]?.totaal.waarde).toBeGreaterThan(0);
  });

  it("gives Huizen's consulent (the whole front door) the most expensive households and refuses an analist", async () => {
    const consulent = await graph.token({ role: 'consulent', org: 'uo-hbel' });
    const response = await ask<Rij>(DUURSTE, { g: ['0406'], n: 5 }, consulent);
    expect(response.errors).toBeUndefined();
    const duurste = response.data?.stapeling?.rijen[0]?.kosten.duursteHuishoudens ?? [];
    const verwacht = huishoudens('0406').sort((a, b) => b.totaal - a.totaal || a.id.localeCompare(b.id)).slice(0, 5);
    expect(duurste.map((d) => [d.rang, d.huishouden?.id, d.totaal, d.wmo, d.jeugdwet, d.participatiewet, [...d.wetten].sort()])).toEqual(
      verwacht.map((h, i) => [i + 1, h.id, h.totaal, h.kosten.WMO, h.kosten.JEUGDWET, h.kosten.PARTICIPATIEWET, [...h.wetten].sort()]),
    );
    expect(verwacht[0]?.totaal).toBeGreaterThan(verwacht[4]?.totaal ?? Infinity);

    const analist = await ask<Rij>(DUURSTE, { g: ['0406'], n: 5 }, await graph.token({ role: 'analist', org: '0406' }));
    expect(analist.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(analist.data ?? null)).not.toContain(verwacht[0]?.id ?? 'x');
  });

  it('refuses a number of households outside 1..100 as BAD_USER_INPUT', async () => {
    const consulent = await graph.token({ role: 'consulent', org: 'uo-hbel' });
    const response = await ask<Rij>(DUURSTE, { g: ['0406'], n: 101 }, consulent);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
