import {
  type AttackCase,
  countRule,
  dataOrRefusal,
  decimalsOf,
  type Finding,
  type Published,
  pinMean,
  pinShare,
  type Request,
  minus,
  sum,
  PUBLISHED,
  rawDerived,
} from '../attack.js';
import { isPublishedValue } from '../schema.js';
import { type TrajectIndeling, trajectGroepen } from '../truth.js';

const FIELD = 'Query.jeugdTrajectkengetallen';
const REGIO = ['0406', '0376', '0317', '0417', '0402', '1942', '1696'];

interface Rij {
  gemeente: { code: string };
  groepCode: string;
  aantalClienten: Published;
  aantalTrajecten: Published;
  aandeelLangerDanEenJaar: number | Published | null;
  aandeelHerhaaldBeroep: number | Published | null;
  gemiddeldeDuurInDagen: number | Published | null;
  kostenPerClient: number | Published | null;
}

// The derived fields as the schema has them: plain numbers, or published values with their bewerking.
const DERIVED = ['aandeelLangerDanEenJaar', 'aandeelHerhaaldBeroep', 'gemiddeldeDuurInDagen', 'kostenPerClient']
  .map((field) => (isPublishedValue('JeugdTrajectkengetal', field) ? `${field} ${PUBLISHED}` : field))
  .join(' ');

const QUERY = `query ($gemeenten: [String!]!, $jaar: Int!, $indeling: JeugdTrajectIndeling!) {
  jeugdTrajectkengetallen(gemeenten: $gemeenten, jaar: $jaar, indeling: $indeling) {
    rijen { gemeente { code } groepCode aantalClienten { waarde onderdrukt bewerking } aantalTrajecten { waarde onderdrukt bewerking }
      ${DERIVED} }
  }
}`;

/**
 * Issue 10, fourth and fifth case: shares to three decimals over the raw number of trajecten pin that
 * number and both numerators (long trajecten, herhaald beroep, and their complements), and the
 * average duration in days pins it too. Each numerator an attacker pins is checked against the world.
 * The cost per client (eurocent, over the raw number of clients) times the pinned clients gives the
 * declared amount of a group; with the groups of the other indeling it is differenced below.
 */
export const trajectkengetallenAandelen: AttackCase = {
  name: 'jeugdTrajectkengetallen: shares and averages pinning counts and numerators',
  covers: [FIELD, 'JeugdTrajectkengetal.kostenPerClient'],
  async run({ world, ask }) {
    const findings: Finding[] = [];
    const refused: string[] = [];
    const bedragen = new Map<string, { bedrag: [number, number]; request: Request }>();
    for (const indeling of ['AANBIEDER', 'PRODUCTCATEGORIE'] as const) {
      const request: Request = { caller: { role: 'analist', org: 'regio-gv' }, query: QUERY, variables: { gemeenten: REGIO, jaar: 2025, indeling } };
      const answer = dataOrRefusal(await ask<{ jeugdTrajectkengetallen: { rijen: Rij[] } | null }>(request), request);
      if ('refused' in answer) {
        refused.push(answer.refused);
        continue;
      }
      const rijen = answer.data.jeugdTrajectkengetallen?.rijen ?? [];
      const rule = countRule(rijen.flatMap((r) => [r.aantalTrajecten, r.aantalClienten]));
      const shareDecimals = decimalsOf(rijen.flatMap((r) => [rawDerived(r.aandeelLangerDanEenJaar), rawDerived(r.aandeelHerhaaldBeroep)]));
      const meanDecimals = decimalsOf(rijen.map((r) => rawDerived(r.gemiddeldeDuurInDagen)));
      for (const rij of rijen) {
        const raw = {
          aandeelLangerDanEenJaar: rawDerived(rij.aandeelLangerDanEenJaar),
          aandeelHerhaaldBeroep: rawDerived(rij.aandeelHerhaaldBeroep),
          gemiddeldeDuurInDagen: rawDerived(rij.gemiddeldeDuurInDagen),
          kostenPerClient: rawDerived(rij.kostenPerClient),
        };
        // The declared amount of the group: cost per client times the clients the attacker knows.
        const clienten = rule.interval(rij.aantalClienten);
        if (clienten && raw.kostenPerClient !== null) {
          const bedrag: [number, number] = [(raw.kostenPerClient - 0.5) * clienten[0], (raw.kostenPerClient + 0.5) * clienten[1]];
          bedragen.set(`${indeling}|${rij.gemeente.code}|${rij.groepCode}`, { bedrag, request });
        }
        const interval = rule.interval(rij.aantalTrajecten);
        if (!interval) continue;
        // Counts of trajecten consistent with every derived value the row publishes.
        let counts = new Set<number>();
        for (let n = interval[0]; n <= interval[1]; n += 1) counts.add(n);
        const shares = [raw.aandeelLangerDanEenJaar, raw.aandeelHerhaaldBeroep];
        for (const share of shares) {
          if (share === null) continue;
          const fits = new Set(pinShare(interval, share, shareDecimals).map((c) => c.n));
          counts = new Set([...counts].filter((n) => fits.has(n)));
        }
        if (raw.gemiddeldeDuurInDagen !== null) {
          const fits = new Set(pinMean(interval, raw.gemiddeldeDuurInDagen, meanDecimals, 1).map((c) => c.n));
          counts = new Set([...counts].filter((n) => fits.has(n)));
        }
        const truth = trajectGroepen(world, rij.gemeente.code, 2025, indeling).get(rij.groepCode);
        if (!truth || counts.size === 0) continue;
        // The counts themselves, narrowed by every derived value of the row: a group of fewer than 10 clients pinned.
        const pinned = [Math.min(...counts), Math.max(...counts)] as const;
        const target = `${indeling.toLowerCase()} ${rij.groepCode} in ${rij.gemeente.code} 2025`;
        findings.push({ field: FIELD, target: `trajecten, ${target}`, lo: pinned[0], hi: pinned[1], truth: truth.trajecten, about: truth.clienten, tolerance: rule.tolerance, requests: [request] });
        if (clienten) findings.push({ field: FIELD, target: `clienten, ${target}`, lo: clienten[0], hi: clienten[1], truth: truth.clienten, about: truth.clienten, tolerance: rule.tolerance, requests: [request] });
        const numerators: [string, number | null, number][] = [
          ['trajecten langer dan een jaar', raw.aandeelLangerDanEenJaar, truth.lang],
          ['trajecten van een jaar of korter', raw.aandeelLangerDanEenJaar === null ? null : 1 - raw.aandeelLangerDanEenJaar, truth.trajecten - truth.lang],
          ['trajecten met herhaald beroep', raw.aandeelHerhaaldBeroep, truth.herhaald],
          ['trajecten zonder herhaald beroep', raw.aandeelHerhaaldBeroep === null ? null : 1 - raw.aandeelHerhaaldBeroep, truth.trajecten - truth.herhaald],
        ];
        for (const [target, share, value] of numerators) {
          if (share === null) continue;
          const ks: number[] = [];
          for (const n of counts) {
            for (let k = 0; k <= n; k += 1) if (Math.abs(k / n - share) <= 0.5 * 10 ** -shareDecimals + 1e-9) ks.push(k);
          }
          if (ks.length === 0) continue;
          findings.push({
            field: FIELD,
            target: `${target}, ${indeling.toLowerCase()} ${rij.groepCode} in ${rij.gemeente.code} 2025`,
            lo: Math.min(...ks),
            hi: Math.max(...ks),
            truth: value,
            about: value,
            tolerance: rule.tolerance,
            requests: [request],
          });
        }
      }
    }
    // The gemeente's declared amount by one indeling minus the visible groups of the other: a withheld group's amount.
    const gemeenten = new Set([...bedragen.keys()].map((k) => k.split('|')[1] as string));
    for (const gemeente of gemeenten) {
      for (const [whole, parts] of [['PRODUCTCATEGORIE', 'AANBIEDER'], ['AANBIEDER', 'PRODUCTCATEGORIE']] as const) {
        const truthWhole = trajectGroepen(world, gemeente, 2025, whole);
        const truthParts = trajectGroepen(world, gemeente, 2025, parts);
        const known = (indeling: TrajectIndeling, groep: string) => bedragen.get(`${indeling}|${gemeente}|${groep}`);
        if (![...truthWhole.keys()].every((g) => known(whole, g))) continue;
        const unknown = [...truthParts.keys()].filter((g) => !known(parts, g));
        if (unknown.length !== 1) continue;
        const total = sum([...truthWhole.keys()].map((g) => known(whole, g)?.bedrag as [number, number]));
        const visible = sum([...truthParts.keys()].filter((g) => known(parts, g)).map((g) => known(parts, g)?.bedrag as [number, number]));
        const [lo, hi] = minus(total, visible);
        const hidden = truthParts.get(unknown[0] as string);
        findings.push({
          field: 'JeugdTrajectkengetal.kostenPerClient',
          target: `gedeclareerd bedrag ${parts.toLowerCase()} ${unknown[0]} in ${gemeente} 2025`,
          lo,
          hi,
          truth: hidden?.bedrag ?? 0,
          about: hidden?.clienten ?? 0,
          // Known to a cent per client: as precise as a published amount over them would be.
          tolerance: hidden?.clienten ?? 0,
          requests: [...new Set([...bedragen.values()].map((b) => b.request))],
        });
      }
    }
    return { findings, refused };
  },
};
