import {
  type AttackCase,
  closeRelations,
  countRule,
  dataOrRefusal,
  type Finding,
  type Published,
  type Request,
} from '../attack.js';
import { bereikIn, type Looptijd } from '../truth.js';

interface Periode {
  kwartaal: number | null;
  van: string;
  tot: string;
  clienten: Published;
  instroom: Published;
  doorstroom: Published;
  uitstroom: Published;
}
type Maat = 'clienten' | 'instroom' | 'doorstroom' | 'uitstroom';

const LAWS = [
  { veld: 'wmoBereik', caller: { role: 'analist', org: 'uo-hbel' }, gemeenten: ['0406', '0376', '0317', '0417'] },
  { veld: 'jeugdBereik', caller: { role: 'analist', org: 'uo-hbel' }, gemeenten: ['0406', '0376', '0417'] },
  { veld: 'participatieBereik', caller: { role: 'analist', org: 'uo-hbel' }, gemeenten: ['0406', '0376', '0317', '0417'] },
] as const;

const PERIODE = 'kwartaal van tot clienten { waarde onderdrukt bewerking } instroom { waarde onderdrukt bewerking } doorstroom { waarde onderdrukt bewerking } uitstroom { waarde onderdrukt bewerking }';

/**
 * Reach per law: the year's in- and outflow minus the visible quarters (a client who enters once in
 * the year enters in one quarter), asked through the Query field for a set of gemeenten, whose
 * answer is each gemeente's own reach field.
 */
export const bereikJaarMinKwartalen: AttackCase = {
  name: 'bereik (Wmo, Jeugdwet, Participatiewet): year minus visible quarters',
  covers: ['Query.wmoBereik', 'Query.jeugdBereik', 'Query.participatieBereik', 'Gemeente.wmoBereik', 'Gemeente.jeugdBereik', 'Gemeente.participatieBereik'],
  async run({ world, ask }) {
    const findings: Finding[] = [];
    const refused: string[] = [];
    const sources: Record<string, readonly Looptijd[]> = {
      wmoBereik: world.wmoToewijzingen,
      jeugdBereik: world.jeugdToewijzingen,
      participatieBereik: world.uitkeringen,
    };
    for (const { veld, caller, gemeenten } of LAWS) {
      for (const jaar of [2024, 2025]) {
        const request: Request = {
          caller,
          query: `query ($g: [String!]!, $jaar: Int!) { ${veld}(gemeenten: $g) { gemeenten { code ${veld}(jaar: $jaar) { jaartotaal { ${PERIODE} } kwartalen { ${PERIODE} } } } } }`,
          variables: { g: gemeenten, jaar },
        };
        const answer = dataOrRefusal(await ask<Record<string, { gemeenten: { code: string; [k: string]: unknown }[] } | null>>(request), request);
        if ('refused' in answer) {
          refused.push(answer.refused);
          continue;
        }
        for (const gemeente of answer.data[veld]?.gemeenten ?? []) {
          const bereik = gemeente[veld] as { jaartotaal: Periode; kwartalen: Periode[] } | null;
          if (!bereik) continue;
          const perioden = [bereik.jaartotaal, ...bereik.kwartalen];
          for (const maat of ['instroom', 'uitstroom'] as const satisfies readonly Maat[]) {
            const rule = countRule(perioden.flatMap((p) => [p.clienten, p.instroom, p.doorstroom, p.uitstroom]));
            const known = new Map<string, [number, number]>();
            for (const p of perioden) {
              const interval = rule.interval(p[maat]);
              if (interval) known.set(String(p.kwartaal ?? 'jaar'), interval);
            }
            closeRelations(known, [{ whole: 'jaar', parts: bereik.kwartalen.map((p) => String(p.kwartaal)) }]);
            for (const [periode, [lo, hi]] of known) {
              const p = perioden.find((q) => String(q.kwartaal ?? 'jaar') === periode) as Periode;
              const truth = bereikIn(sources[veld] ?? [], gemeente.code, p.van, p.tot)[maat].size;
              findings.push({
                field: `Gemeente.${veld}`,
                target: `${maat} ${veld} ${gemeente.code} ${jaar} ${periode === 'jaar' ? 'jaar' : `kwartaal ${periode}`}`,
                lo,
                hi,
                truth,
                about: truth,
                tolerance: rule.tolerance,
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
