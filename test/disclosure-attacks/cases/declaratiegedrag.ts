import {
  type AttackCase,
  closeRelations,
  countRule,
  dataOrRefusal,
  decimalsOf,
  type Finding,
  numeratorsOf,
  type Published,
  rawDerived,
  type Relation,
  type Request,
} from '../attack.js';

const FIELD = 'Query.declaratiegedrag';
const REGIO = ['0406', '0376', '0317', '0417', '0402', '1942', '1696'];

interface Rij {
  aanbieder: { agbCode: string };
  gemeente: { code: string };
  maand: number | null;
  aantalDeclaratieregels: Published;
  aandeelAfgewezen: Published;
  aandeelGecrediteerd: Published;
  aandeelCorrecties: Published;
}

const W = 'waarde onderdrukt bewerking';
const QUERY = `query ($gemeenten: [String!]!, $wet: Wet!, $jaar: Int!, $perMaand: Boolean!) {
  declaratiegedrag(gemeenten: $gemeenten, wet: $wet, jaar: $jaar, perMaand: $perMaand) {
    rijen { aanbieder { agbCode } gemeente { code } maand aantalDeclaratieregels { waarde onderdrukt bewerking }
      aandeelAfgewezen { ${W} } aandeelGecrediteerd { ${W} } aandeelCorrecties { ${W} } }
  }
}`;

/**
 * Declaration behaviour: the year's lines minus the visible months (the month is that of the
 * dagtekening, so the year is their sum), and the shares of rejected, credited and corrected lines
 * over the raw number of lines, which pin how many lines were rejected: lines about a few toewijzingen.
 */
export const declaratiegedragJaarEnAandelen: AttackCase = {
  name: 'declaratiegedrag: year minus months, shares pinning rejected and corrected lines',
  covers: [FIELD],
  async run({ world, ask }) {
    const findings: Finding[] = [];
    const refused: string[] = [];
    const wet = 'WMO';
    const jaar = 2025;
    const answers: Rij[][] = [];
    const requests: Request[] = [];
    for (const perMaand of [false, true]) {
      const request: Request = { caller: { role: 'inkoper', org: 'regio-gv' }, query: QUERY, variables: { gemeenten: REGIO, wet, jaar, perMaand } };
      const answer = dataOrRefusal(await ask<{ declaratiegedrag: { rijen: Rij[] } | null }>(request), request);
      if ('refused' in answer) {
        refused.push(answer.refused);
        continue;
      }
      answers.push(answer.data.declaratiegedrag?.rijen ?? []);
      requests.push(request);
    }
    const rijen = answers.flat();
    const rule = countRule(rijen.map((r) => r.aantalDeclaratieregels));
    const decimals = decimalsOf(rijen.flatMap((r) => [r.aandeelAfgewezen, r.aandeelGecrediteerd, r.aandeelCorrecties].map(rawDerived)));
    const lines = world.declaraties.filter((d) => d.wet === wet && REGIO.includes(d.gemeenteCode) && d.ingediendOp.startsWith(`${jaar}-`));
    const truthLines = (agb: string, gemeente: string, maand: number | null) =>
      lines.filter((d) => d.aanbiederAgb === agb && d.gemeenteCode === gemeente && (maand === null || Number(d.ingediendOp.slice(5, 7)) === maand));
    const cell = (r: { aanbieder: { agbCode: string }; gemeente: { code: string } }, maand: number | null) => `${r.aanbieder.agbCode}|${r.gemeente.code}|${maand ?? 'jaar'}`;
    // Lines per cell: published counts, and the year as the sum of its twelve months.
    const known = new Map<string, [number, number]>();
    for (const r of rijen) {
      const interval = rule.interval(r.aantalDeclaratieregels);
      if (interval) known.set(cell(r, r.maand), interval);
    }
    const pairs = [...new Set(rijen.map((r) => `${r.aanbieder.agbCode}|${r.gemeente.code}`))];
    const relations: Relation[] = pairs.map((pair) => {
      // Every month with lines has a row (withheld or not); a month without one holds none.
      const shown = rijen.filter((r) => r.maand !== null && `${r.aanbieder.agbCode}|${r.gemeente.code}` === pair).map((r) => r.maand as number);
      return { whole: `${pair}|jaar`, parts: shown.map((m) => `${pair}|${m}`) };
    });
    closeRelations(known, relations);
    for (const [key, [lo, hi]] of known) {
      const [agb, gemeente, maand] = key.split('|') as [string, string, string];
      const truth = truthLines(agb, gemeente, maand === 'jaar' ? null : Number(maand));
      findings.push({
        field: FIELD,
        target: `declaratieregels ${wet} ${jaar}${maand === 'jaar' ? '' : `-${maand.padStart(2, '0')}`} aanbieder ${agb} in ${gemeente}`,
        lo,
        hi,
        truth: truth.length,
        about: new Set(truth.map((d) => d.toewijzingsnummer)).size,
        tolerance: rule.tolerance,
        requests,
      });
    }
    // Shares over the raw number of lines: the numerators they pin.
    for (const r of rijen) {
      const count = known.get(cell(r, r.maand));
      if (!count) continue;
      const truth = truthLines(r.aanbieder.agbCode, r.gemeente.code, r.maand);
      // A share derived from published counts only (bewerking AFGELEID) pins nothing beyond them.
      const numerators: [string, number | null, typeof truth][] = [
        ['afgewezen regels', rawDerived(r.aandeelAfgewezen), truth.filter((d) => d.status === 'AFGEWEZEN')],
        ['gecrediteerde regels', rawDerived(r.aandeelGecrediteerd), truth.filter((d) => d.status === 'GECREDITEERD')],
        ['correcties', rawDerived(r.aandeelCorrecties), truth.filter((d) => d.correctieVan !== null)],
      ];
      for (const [target, share, rows] of numerators) {
        if (share === null) continue;
        const pinned = numeratorsOf(count, share, decimals);
        if (!pinned) continue;
        findings.push({
          field: FIELD,
          target: `${target} ${wet} ${jaar}${r.maand === null ? '' : `-${String(r.maand).padStart(2, '0')}`} aanbieder ${r.aanbieder.agbCode} in ${r.gemeente.code}`,
          lo: pinned[0],
          hi: pinned[1],
          truth: rows.length,
          about: new Set(rows.map((d) => d.toewijzingsnummer)).size,
          tolerance: rule.tolerance,
          requests,
        });
      }
    }
    return { findings, refused };
  },
};
