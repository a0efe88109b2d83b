import {
  type AttackCase,
  closeRelations,
  countRule,
  dataOrRefusal,
  type Finding,
  type Published,
  type Relation,
  type Request,
} from '../attack.js';

const FIELD = 'Query.participatieKengetallen';

interface Kengetallen {
  gemeenteCode: string;
  jaar: number;
  uitkeringenActief: Published | null;
  instroom: Published | null;
  uitstroom: Published | null;
}

const QUERY = `query ($g: [String!]!, $jaar: Int!) {
  participatieKengetallen(gemeenten: $g, jaar: $jaar) {
    gemeenteCode jaar uitkeringenActief { waarde onderdrukt bewerking } instroom { waarde onderdrukt bewerking } uitstroom { waarde onderdrukt bewerking }
  }
}`;

/**
 * Participatiewet figures over consecutive years: the uitkeringen running at the end of a year are
 * those of the year before plus the year's inflow minus its outflow, so any one of the four follows
 * from the other three (a withheld outflow from two stocks and an inflow).
 */
export const participatieJaarOpJaar: AttackCase = {
  name: 'participatieKengetallen: stock of the year before plus inflow minus outflow',
  covers: [FIELD],
  async run({ world, ask }) {
    const caller = { role: 'analist', org: 'uo-hbel' };
    const gemeenten = ['0406', '0376', '0317', '0417'];
    const jaren = [2022, 2023, 2024, 2025];
    const requests: Request[] = [];
    const rijen: Kengetallen[] = [];
    const refused: string[] = [];
    for (const jaar of jaren) {
      const request: Request = { caller, query: QUERY, variables: { g: gemeenten, jaar } };
      const answer = dataOrRefusal(await ask<{ participatieKengetallen: Kengetallen[] | null }>(request), request);
      if ('refused' in answer) {
        refused.push(answer.refused);
        continue;
      }
      requests.push(request);
      rijen.push(...(answer.data.participatieKengetallen ?? []));
    }
    const rule = countRule(rijen.flatMap((r) => [r.uitkeringenActief, r.instroom, r.uitstroom]));
    const known = new Map<string, [number, number]>();
    for (const r of rijen) {
      for (const maat of ['uitkeringenActief', 'instroom', 'uitstroom'] as const) {
        const interval = rule.interval(r[maat]);
        if (interval) known.set(`${r.gemeenteCode}|${r.jaar}|${maat}`, interval);
      }
    }
    // actief(j) + uitstroom(j) = actief(j-1) + instroom(j): with a negated part as its own cell it is one relation each way.
    const relations: Relation[] = [];
    for (const g of gemeenten) {
      for (const jaar of jaren.slice(1)) {
        const k = (j: number, m: string) => `${g}|${j}|${m}`;
        relations.push({ whole: `${g}|${jaar}|som`, parts: [k(jaar, 'uitkeringenActief'), k(jaar, 'uitstroom')] });
        relations.push({ whole: `${g}|${jaar}|som`, parts: [k(jaar - 1, 'uitkeringenActief'), k(jaar, 'instroom')] });
      }
    }
    closeRelations(known, relations);
    const findings: Finding[] = [];
    for (const [key, [lo, hi]] of known) {
      const [gemeente, jaarText, maat] = key.split('|') as [string, string, string];
      if (maat === 'som') continue;
      const jaar = Number(jaarText);
      const eind = `${jaar}-12-31`;
      const rows = world.uitkeringen.filter((u) => u.gemeenteCode === gemeente && (
        maat === 'instroom' ? u.ingangsdatum.startsWith(`${jaar}-`)
          : maat === 'uitstroom' ? u.einddatum?.startsWith(`${jaar}-`) === true
            : u.ingangsdatum <= eind && (u.einddatum === null || u.einddatum > eind)));
      findings.push({
        field: FIELD,
        target: `${maat} ${gemeente} ${jaar}`,
        lo,
        hi,
        truth: rows.length,
        about: new Set(rows.map((u) => u.inwonerId)).size,
        tolerance: rule.tolerance,
        requests,
      });
    }
    return { findings, refused };
  },
};
