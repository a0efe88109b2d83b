import {
  type AttackCase,
  closeRelations,
  countRule,
  dataOrRefusal,
  decimalsOf,
  type Finding,
  type Published,
  rawDerived,
  type Relation,
  type Request,
} from '../attack.js';

const FIELD = 'Query.jeugdVerwijsstromen';

interface Stroom {
  gemeente: { code: string };
  aantalVerwijzingen: Published;
  perVerwijzer: { verwijzerType: { code: string }; aantalVerwijzingen: Published; aandeel: Published; aandeelAlleGemeenten: Published }[];
}

const QUERY = `query ($gemeenten: [String!]!, $jaar: Int!) {
  jeugdVerwijsstromen(gemeenten: $gemeenten, jaar: $jaar) {
    gemeenten { gemeente { code } aantalVerwijzingen { waarde onderdrukt bewerking }
      perVerwijzer { verwijzerType { code } aantalVerwijzingen { waarde onderdrukt bewerking } aandeel { waarde onderdrukt bewerking }
        aandeelAlleGemeenten { waarde onderdrukt bewerking } } }
  }
}`;

/**
 * Referral flows: every window of years the caller may choose (since issue 10 only single calendar years:
 * the schema has no span, so the windows of years [2023..2025] = [2023..2024] + 2025 can no longer be
 * asked, and the attacker's relations between windows are the sums of single years it has), the total
 * minus the visible verwijzer types, and the share
 * "over all gemeenten" asked for one gemeente alone and for a set {A,B} against {B}: every cell an
 * attacker can narrow down is checked against the referrals in the world. The shares over all
 * gemeenten of the data (the benchmark) share one raw denominator, which their three decimals pin.
 */
export const verwijsstromenVensters: AttackCase = {
  name: 'jeugdVerwijsstromen: single calendar years (no span to choose), total minus visible types, shares over all gemeenten, {A,B} minus {B}',
  covers: [FIELD],
  async run({ world, ask }) {
    const findings: Finding[] = [];
    const refused: string[] = [];
    const caller = { role: 'analist', org: 'uo-hbel' };
    const windows: [number, number][] = [[2023, 2023], [2024, 2024], [2025, 2025]];
    const sets: string[][] = [['0406'], ['0376'], ['0406', '0376']];
    const known = new Map<string, [number, number]>();
    const requests: Request[] = [];
    const answers: { stromen: Stroom[]; window: [number, number]; set: string[] }[] = [];
    for (const set of sets) {
      for (const window of windows) {
        const request: Request = { caller, query: QUERY, variables: { gemeenten: set, jaar: window[0] } };
        const answer = dataOrRefusal(await ask<{ jeugdVerwijsstromen: { gemeenten: Stroom[] } | null }>(request), request);
        if ('refused' in answer) {
          refused.push(answer.refused);
          continue;
        }
        requests.push(request);
        answers.push({ stromen: answer.data.jeugdVerwijsstromen?.gemeenten ?? [], window, set });
      }
    }
    const all = answers.flatMap((a) => a.stromen);
    const rule = countRule(all.flatMap((s) => [s.aantalVerwijzingen, ...s.perVerwijzer.map((p) => p.aantalVerwijzingen)]));
    const decimals = decimalsOf(all.flatMap((s) => s.perVerwijzer.map((p) => rawDerived(p.aandeelAlleGemeenten))));
    const key = (gemeente: string, type: string, [van, tot]: [number, number]) => `${gemeente}|${type}|${van}-${tot}`;
    // Two ways to the same cell: the attacker keeps what both allow.
    const narrow = (k: string, interval: [number, number]) => {
      const before = known.get(k);
      known.set(k, before ? [Math.max(before[0], interval[0]), Math.min(before[1], interval[1])] : interval);
    };
    const types = new Set<string>();
    const pinned = new Set<string>();
    for (const { stromen, window } of answers) {
      for (const s of stromen) {
        const total = rule.interval(s.aantalVerwijzingen);
        if (total) narrow(key(s.gemeente.code, 'alle', window), total);
        for (const p of s.perVerwijzer) {
          types.add(p.verwijzerType.code);
          const cell = rule.interval(p.aantalVerwijzingen);
          if (cell) narrow(key(s.gemeente.code, p.verwijzerType.code, window), cell);
        }
        // The shares over all gemeenten of the data share one raw denominator: the counts that fit all of them.
        // Shares derived from published counts only (bewerking AFGELEID) pin nothing beyond those counts.
        const shares = s.perVerwijzer.map((p) => [p.verwijzerType.code, rawDerived(p.aandeelAlleGemeenten)] as const);
        const asked = JSON.stringify([window, shares]);
        if (shares.every(([, a]) => a !== null) && !pinned.has(asked)) {
          pinned.add(asked);
          for (const [type, [lo, hi]] of pinDenominator(shares as (readonly [string, number])[], decimals)) narrow(key('alle gemeenten', type, window), [lo, hi]);
        }
      }
    }
    const relations: Relation[] = [];
    for (const gemeente of ['0406', '0376', 'alle gemeenten']) {
      for (const window of windows) {
        relations.push({ whole: key(gemeente, 'alle', window), parts: [...types].map((t) => key(gemeente, t, window)) });
      }
      // Windows of several years are no longer published: their relations to single years tell nothing new.
    }
    closeRelations(known, relations);
    for (const [k, [lo, hi]] of known) {
      const [gemeente, type, range] = k.split('|') as [string, string, string];
      const [van, tot] = range.split('-').map(Number) as [number, number];
      const rows = world.verwijzingen.filter((v) => (gemeente === 'alle gemeenten' || v.gemeenteCode === gemeente) && (type === 'alle' || v.verwijzerType === type) &&
        Number(v.datum.slice(0, 4)) >= van && Number(v.datum.slice(0, 4)) <= tot);
      findings.push({
        field: FIELD,
        target: `verwijzingen ${type === 'alle' ? 'totaal' : `verwijzer ${type}`} in ${gemeente} ${van}-${tot}`,
        lo,
        hi,
        truth: rows.length,
        about: new Set(rows.map((v) => v.inwonerId)).size,
        tolerance: rule.tolerance,
        requests,
      });
    }
    return { findings, refused };
  },
};

/**
 * Shares of one raw denominator N published with `decimals`: every N up to 20,000 for which whole
 * numerators exist that round to each share and add up to N. Returns, per type, the span of the
 * numerators over the N that fit (empty when none fits).
 */
function pinDenominator(shares: readonly (readonly [string, number])[], decimals: number): Map<string, [number, number]> {
  const spans = new Map<string, [number, number]>();
  for (let n = 1; n <= 20_000; n += 1) {
    const ks: number[][] = shares.map(([, a]) => {
      const options: number[] = [];
      for (let k = Math.max(0, Math.floor(a * n) - 1); k <= Math.ceil(a * n) + 1 && k <= n; k += 1) {
        if (Math.abs(k / n - a) <= 0.5 * 10 ** -decimals + 1e-9) options.push(k);
      }
      return options;
    });
    if (ks.some((o) => o.length === 0)) continue;
    const min = ks.reduce((s, o) => s + Math.min(...o), 0);
    const max = ks.reduce((s, o) => s + Math.max(...o), 0);
    if (n < min || n > max) continue;
    shares.forEach(([type], i) => {
      const o = ks[i] as number[];
      const before = spans.get(type);
      spans.set(type, before ? [Math.min(before[0], Math.min(...o)), Math.max(before[1], Math.max(...o))] : [Math.min(...o), Math.max(...o)]);
    });
  }
  return spans;
}
