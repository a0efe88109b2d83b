import { expectAmount, expectRelationProtected, type PublishedValue } from '@sociaal-graph/toolkit/testing';
import { describe, expect, it } from 'vitest';
import { STAPELING_GROEPEN, stapelingHuishoudens, type Wet } from './disclosure-attacks/truth.js';
import { useGraph, demoWorld } from './graph.test-utils.js';

// Issue 4 item 7, the cost half: what households with support under one, two or three laws cost, and the most
// expensive households for the front door. The amounts travel toegang -> wmo/jeugd/participatie -> inkoop -> toegang
// through the gateway; the expected amounts are recomputed here from the demo world's households, toewijzingen,
// declaraties, uitkeringen and minimaregelingen.
const world = demoWorld();
const JAAR = 2025;
const graph = useGraph();

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

// The expected households and groups are the ground truth the disclosure attacks use too (disclosure-attacks/truth.ts).
const huishoudens = (gemeente: string) => stapelingHuishoudens(world, gemeente, JAAR);

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
    expect(rij.kosten.groepen.map((g) => g.groep)).toEqual(Object.keys(STAPELING_GROEPEN));
    expect(rij.kosten.groepen[0]?.aantalHuishoudens).toEqual(rij.aantalHuishoudens);
    let zichtbaar = 0;
    const KOLOMMEN = [
      ['totaal', (h: (typeof alle)[number]) => h.totaal],
      ['wmo', (h: (typeof alle)[number]) => h.kosten.WMO],
      ['jeugdwet', (h: (typeof alle)[number]) => h.kosten.JEUGDWET],
      ['participatiewet', (h: (typeof alle)[number]) => h.kosten.PARTICIPATIEWET],
    ] as const;
    // An amount per law counts the households that contribute to that law (issue 10: per cell and per column).
    const bijdragers = (groep: string, f: (h: (typeof alle)[number]) => number) => alle.filter((h) => STAPELING_GROEPEN[groep]?.(h.wetten) && f(h) !== 0);
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
