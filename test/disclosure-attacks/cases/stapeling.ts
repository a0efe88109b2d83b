import {
  amountRule,
  type AttackCase,
  countRule,
  dataOrRefusal,
  type Finding,
  closeRelations,
  type Published,
  type Request,
} from '../attack.js';
import { STAPELING_GROEPEN, STAPELING_RELATIES, stapelingHuishoudens, type StapelingHuishouden, type Wet } from '../truth.js';

interface Groep {
  groep: string;
  aantalHuishoudens: Published;
  totaal: Published;
  wmo: Published;
  jeugdwet: Published;
  participatiewet: Published;
}
interface Rij {
  gemeente: { code: string };
  kosten: { groepen: Groep[] } | null;
}

const QUERY = `query ($gemeenten: [String!]!, $jaar: Int!) {
  stapeling(gemeenten: $gemeenten, jaar: $jaar) {
    rijen { gemeente { code } kosten { groepen { groep aantalHuishoudens { waarde onderdrukt bewerking } totaal { waarde onderdrukt bewerking }
      wmo { waarde onderdrukt bewerking } jeugdwet { waarde onderdrukt bewerking } participatiewet { waarde onderdrukt bewerking } } } }
  }
}`;

type Maat = 'aantalHuishoudens' | 'totaal' | 'wmo' | 'jeugdwet' | 'participatiewet';
const WET_VAN: Partial<Record<Maat, Wet>> = { wmo: 'WMO', jeugdwet: 'JEUGDWET', participatiewet: 'PARTICIPATIEWET' };

/** A group's true value of a measure, and how many households it is about (for an amount per law: those contributing to it). */
function truthOf(huishoudens: readonly StapelingHuishouden[], groep: string, maat: Maat): { truth: number; about: number } {
  const leden = huishoudens.filter((h) => STAPELING_GROEPEN[groep]?.(h.wetten));
  if (maat === 'aantalHuishoudens') return { truth: leden.length, about: leden.length };
  const wet = WET_VAN[maat];
  const bedrag = (h: StapelingHuishouden) => (wet ? h.kosten[wet] : h.totaal);
  return { truth: leden.reduce((s, h) => s + bedrag(h), 0), about: leden.filter((h) => bedrag(h) > 0).length };
}

/**
 * Issue 10, second case: per-law amounts of a stapeling group, published whenever the group has 10
 * households even where fewer contribute to that law, and groups without households published as an
 * exact 0, so a whole minus its visible parts gives a withheld group. Every additive relation between
 * the groups is followed until nothing new follows, for the count and every amount.
 */
export const stapelingKostenGroepen: AttackCase = {
  name: 'stapeling kosten groepen: per-law amounts, whole minus visible groups (published zeros included)',
  covers: ['StapelingKosten.groepen', 'Query.stapeling'],
  async run({ world, ask }) {
    const findings: Finding[] = [];
    const refused: string[] = [];
    for (const jaar of [2024, 2025]) {
      const request: Request = { caller: { role: 'analist', org: 'uo-hbel' }, query: QUERY, variables: { gemeenten: ['0406', '0376', '0417', '0317'], jaar } };
      const answer = dataOrRefusal(await ask<{ stapeling: { rijen: Rij[] } | null }>(request), request);
      if ('refused' in answer) {
        refused.push(answer.refused);
        continue;
      }
      for (const rij of answer.data.stapeling?.rijen ?? []) {
        const groepen = rij.kosten?.groepen ?? [];
        const huishoudens = stapelingHuishoudens(world, rij.gemeente.code, jaar);
        for (const maat of ['aantalHuishoudens', 'totaal', 'wmo', 'jeugdwet', 'participatiewet'] as const) {
          const values = groepen.map((g) => g[maat]);
          const isCount = maat === 'aantalHuishoudens';
          const rule = countRule(values.map((v) => v));
          const money = amountRule(values.map((v) => v));
          const known = new Map<string, [number, number]>();
          for (const g of groepen) {
            const interval = isCount ? rule.interval(g[maat]) : money.interval(g[maat]);
            if (interval) known.set(g.groep, interval);
          }
          closeRelations(known, STAPELING_RELATIES);
          for (const [groep, [lo, hi]] of known) {
            const { truth, about } = truthOf(huishoudens, groep, maat);
            findings.push({
              field: isCount ? 'Query.stapeling' : 'StapelingKosten.groepen',
              target: `${maat} van ${groep}, ${rij.gemeente.code} ${jaar}`,
              lo,
              hi,
              truth,
              about,
              tolerance: isCount ? rule.tolerance : money.tolerance,
              requests: [request],
            });
          }
        }
      }
    }
    return { findings, refused };
  },
};
