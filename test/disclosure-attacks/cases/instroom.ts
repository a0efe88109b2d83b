import {
  type AttackCase,
  countRule,
  dataOrRefusal,
  decimalsOf,
  type Finding,
  minus,
  PUBLISHED,
  type Published,
  pinMean,
  rawDerived,
  type Request,
  span,
} from '../attack.js';

const FIELD = 'Maatregel.wmoInstroom';

interface Rij {
  gemeente: { code: string } | null;
  ingangsdatum: string;
  periode: 'VOOR' | 'NA';
  van: string;
  tot: string;
  aantalToewijzingen: Published;
  aantalClienten: Published;
  gemiddeldeUrenPerWeek: number | Published | null;
}

const QUERY = `query ($productcategorie: String!) {
  maatregelen(wet: WMO) { id wmoInstroom(productcategorie: $productcategorie) {
    rijen { gemeente { code } ingangsdatum periode van tot aantalToewijzingen ${PUBLISHED} aantalClienten ${PUBLISHED} gemiddeldeUrenPerWeek ${PUBLISHED} }
  } }
}`;

/**
 * Issue 10, first case. It began as `wmoInstroomRondMaatregel` with caller-chosen dates: the same gemeente
 * 400 times, each date a day later, 60-month windows past the end of the data, so one window minus the
 * next was what started that day, and the average hours (two decimals over the raw count of whole hours)
 * pinned each count (6 single toewijzingen of Huizen recovered on today's code before the policy). Now the
 * windows lie around the registered dates of the measures: every window of every measure and
 * productcategorie is collected, each pinned by its average where that is computed from raw values, and
 * every window contained in another of the same gemeente and categorie is subtracted from it.
 */
export const instroomRondMaatregel: AttackCase = {
  name: 'Wmo instroom around measures: nested and shifted windows, averages pinning counts',
  covers: [FIELD],
  async run({ world, ask }) {
    const categorieen = [...new Set(world.wmoToewijzingen.map((t) => t.productcategorie))].sort();
    const findings: Finding[] = [];
    const refused: string[] = [];
    const windows: { categorie: string; rij: Rij; known: [number, number]; request: Request }[] = [];
    for (const productcategorie of categorieen) {
      const request: Request = { caller: { role: 'analist', org: 'uo-hbel' }, query: QUERY, variables: { productcategorie } };
      const answer = dataOrRefusal(await ask<{ maatregelen: { id: string; wmoInstroom: { rijen: Rij[] } | null }[] }>(request), request);
      if ('refused' in answer) {
        refused.push(answer.refused);
        continue;
      }
      const rijen = answer.data.maatregelen.flatMap((m) => m.wmoInstroom?.rijen ?? []);
      const rule = countRule(rijen.map((r) => r.aantalToewijzingen));
      const decimals = Math.max(2, decimalsOf(rijen.map((r) => rawDerived(r.gemiddeldeUrenPerWeek))));
      for (const rij of rijen) {
        const interval = rule.interval(rij.aantalToewijzingen);
        if (!interval || !rij.gemeente) continue;
        const mean = rawDerived(rij.gemiddeldeUrenPerWeek);
        const pinned = mean === null ? null : span(pinMean(interval, mean, decimals, 1).map((c) => c.n));
        windows.push({ categorie: productcategorie, rij, known: pinned ?? interval, request });
      }
    }
    const truth = (gemeente: string, categorie: string, van: string, tot: string) =>
      world.wmoToewijzingen.filter((t) => t.gemeenteCode === gemeente && t.productcategorie === categorie && ['01', '04'].includes(t.eenheid) &&
        ['1', '2', '4'].includes(t.frequentie) && t.ingangsdatum >= van && t.ingangsdatum <= tot);
    const tolerance = countRule(windows.map((w) => w.rij.aantalToewijzingen)).tolerance;
    for (const a of windows) {
      const code = a.rij.gemeente?.code as string;
      // The window itself.
      const own = truth(code, a.categorie, a.rij.van, a.rij.tot);
      findings.push({
        field: FIELD, target: `instroom ${a.categorie} in ${code} ${a.rij.van}..${a.rij.tot}`, lo: a.known[0], hi: a.known[1],
        truth: own.length, about: new Set(own.map((t) => t.inwonerId)).size, tolerance, requests: [a.request],
      });
      // Every other window inside it: what lies in the one and not in the other.
      for (const b of windows) {
        if (b === a || b.categorie !== a.categorie || b.rij.gemeente?.code !== code) continue;
        if (!(b.rij.van >= a.rij.van && b.rij.tot <= a.rij.tot) || (b.rij.van === a.rij.van && b.rij.tot === a.rij.tot)) continue;
        const rest = own.filter((t) => t.ingangsdatum < b.rij.van || t.ingangsdatum > b.rij.tot);
        const [lo, hi] = minus(a.known, b.known);
        findings.push({
          field: FIELD, target: `instroom ${a.categorie} in ${code} ${a.rij.van}..${a.rij.tot} buiten ${b.rij.van}..${b.rij.tot}`, lo, hi,
          truth: rest.length, about: new Set(rest.map((t) => t.inwonerId)).size, tolerance, requests: [a.request],
        });
      }
    }
    return { findings, refused };
  },
};
