import { verwachteVerplichtingen } from '../../../subgraphs/inkoop/src/verplichting/verplichtingen.test-utils.js';
import {
  amountRule,
  type AttackCase,
  dataOrRefusal,
  type Finding,
  minus,
  type Published,
  type Request,
  sum,
} from '../attack.js';

const FIELD = 'Query.verplichtingen';
const REGIO = ['0406', '0376', '0317', '0417', '0402', '1942', '1696'];

interface Maand {
  maand: number;
  aantalToewijzingen: Published;
  verwacht: Published;
  gedeclareerd: Published;
}
interface Rij {
  aanbieder: { agbCode: string };
  gemeente: { code: string };
  verwacht: Published;
  gedeclareerd: Published;
  maanden: Maand[];
}

const QUERY = `query ($gemeenten: [String!]!, $wet: Wet!, $jaar: Int!) {
  verplichtingen(gemeenten: $gemeenten, wet: $wet, jaar: $jaar) {
    rijen { aanbieder { agbCode } gemeente { code } verwacht { waarde onderdrukt bewerking } gedeclareerd { waarde onderdrukt bewerking }
      maanden { maand aantalToewijzingen { waarde onderdrukt bewerking } verwacht { waarde onderdrukt bewerking } gedeclareerd { waarde onderdrukt bewerking } } }
  }
}`;

/**
 * Issue 10, third case: the year amount beside the months: with eleven months published the twelfth
 * follows exactly, also where it was withheld for fewer than 10 toewijzingen. Every month an attacker
 * can pin (published, or the year minus the other months) is checked against the toewijzingen in it.
 */
export const verplichtingenJaarMinMaanden: AttackCase = {
  name: 'verplichtingen: year minus months',
  covers: [FIELD],
  async run({ world, ask }) {
    const findings: Finding[] = [];
    const refused: string[] = [];
    for (const wet of ['WMO', 'JEUGDWET'] as const) {
      for (const jaar of [2025]) {
        // All gemeenten in one request; refused for its size, one request per gemeente.
        const send = async (gemeenten: readonly string[]) => {
          const request: Request = { caller: { role: 'inkoper', org: 'regio-gv' }, query: QUERY, variables: { gemeenten, wet, jaar } };
          return { request, answer: dataOrRefusal(await ask<{ verplichtingen: { rijen: Rij[] } | null }>(request), request) };
        };
        let sent = [await send(REGIO)];
        const first = sent[0]?.answer;
        if (first && 'refused' in first && first.refused.startsWith('QUERY_TOO_COSTLY')) {
          sent = [];
          for (const g of REGIO) sent.push(await send([g]));
        }
        const rijen: Rij[] = [];
        for (const { answer } of sent) {
          if ('refused' in answer) refused.push(answer.refused);
          else rijen.push(...(answer.data.verplichtingen?.rijen ?? []));
        }
        const request = sent[0]?.request as Request;
        const verwacht = verwachteVerplichtingen(world, { gemeenten: [...new Set(rijen.map((r) => r.gemeente.code))], wet, jaar }).rijen;
        for (const maat of ['verwacht', 'gedeclareerd'] as const) {
          const money = amountRule(rijen.flatMap((r) => [r[maat], ...r.maanden.map((m) => m[maat])]));
          for (const rij of rijen) {
            const truthRow = verwacht.get(`${rij.aanbieder.agbCode}|${rij.gemeente.code}`);
            const known = new Map<number, [number, number]>();
            for (const m of rij.maanden) {
              const interval = money.interval(m[maat]);
              if (interval) known.set(m.maand, interval);
            }
            const jaarwaarde = money.interval(rij[maat]);
            const unknown = rij.maanden.filter((m) => !known.has(m.maand));
            if (jaarwaarde && unknown.length === 1) {
              known.set((unknown[0] as Maand).maand, minus(jaarwaarde, sum([...known.values()])));
            }
            for (const [maand, [lo, hi]] of known) {
              const truth = truthRow?.maanden.get(maand);
              findings.push({
                field: FIELD,
                target: `${maat} ${wet} ${jaar}-${String(maand).padStart(2, '0')} aanbieder ${rij.aanbieder.agbCode} in ${rij.gemeente.code}`,
                lo,
                hi,
                truth: truth?.[maat] ?? 0,
                about: truth?.toewijzingen.size ?? 0,
                tolerance: money.tolerance,
                requests: [request],
              });
            }
          }
        }
      }
    }
    return { findings, refused };
  },
};
