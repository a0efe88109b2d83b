import {
  type AttackCase,
  type AttackContext,
  closeRelations,
  countRule,
  dataOrRefusal,
  type Finding,
  type Outcome,
  type Published,
  type Request,
} from '../attack.js';
import { actiefIn } from '../truth.js';

interface Telling {
  gemeente: { code: string };
  productcategorie: { code: string } | null;
  totaal: boolean;
  aantalToewijzingen: Published;
}

/**
 * Counts per productcategorie with a total row per gemeente: the total minus the visible categories
 * (toewijzingen add up; a client in two categories does not, so only toewijzingen are differenced).
 */
async function attackTellingen(
  { world, ask }: AttackContext,
  field: string,
  wet: 'WMO' | 'JEUGDWET',
  request: Request,
  rowsOf: (data: unknown) => Telling[],
): Promise<Outcome> {
  const answer = dataOrRefusal(await ask(request), request);
  if ('refused' in answer) return { findings: [], refused: [answer.refused] };
  const rijen = rowsOf(answer.data);
  const rule = countRule(rijen.map((r) => r.aantalToewijzingen));
  const key = (r: Telling) => `${r.gemeente.code}|${r.totaal ? 'totaal' : (r.productcategorie?.code ?? '')}`;
  const known = new Map<string, [number, number]>();
  for (const r of rijen) {
    const interval = rule.interval(r.aantalToewijzingen);
    if (interval) known.set(key(r), interval);
  }
  const gemeenten = [...new Set(rijen.map((r) => r.gemeente.code))];
  closeRelations(
    known,
    gemeenten.map((g) => ({ whole: `${g}|totaal`, parts: rijen.filter((r) => r.gemeente.code === g && !r.totaal).map(key) })),
  );
  const toewijzingen = wet === 'WMO' ? world.wmoToewijzingen : world.jeugdToewijzingen;
  const jaar = Number(request.variables.jaar);
  const findings: Finding[] = [];
  for (const [k, [lo, hi]] of known) {
    const [gemeente, categorie] = k.split('|') as [string, string];
    const rows = toewijzingen.filter((t) => t.gemeenteCode === gemeente && actiefIn(t, jaar) && (categorie === 'totaal' || t.productcategorie === categorie));
    findings.push({
      field,
      target: `${wet} toewijzingen ${categorie === 'totaal' ? 'totaal' : `productcategorie ${categorie}`} in ${gemeente} ${jaar}`,
      lo,
      hi,
      truth: rows.length,
      about: new Set(rows.map((t) => t.inwonerId)).size,
      tolerance: rule.tolerance,
      requests: [request],
    });
  }
  return { findings, refused: [] };
}

const SELECTIE = '{ gemeente { code } productcategorie { code } totaal aantalToewijzingen { waarde onderdrukt bewerking } }';

export const tellingenPerProductcategorie: AttackCase = {
  name: 'toewijzingen per productcategorie: total minus visible categories (Wmo, Jeugdwet, and through Gemeente)',
  covers: ['Query.wmoToewijzingenPerProductcategorie', 'Query.jeugdToewijzingenPerProductcategorie', 'Gemeente.wmoToewijzingenPerProductcategorie'],
  async run(context) {
    const caller = { role: 'analist', org: 'uo-hbel' };
    const gemeenten = ['0406', '0376', '0317', '0417'];
    const outcomes = [
      await attackTellingen(context, 'Query.wmoToewijzingenPerProductcategorie', 'WMO',
        { caller, query: `query ($g: [String!]!, $jaar: Int!) { wmoToewijzingenPerProductcategorie(gemeenten: $g, jaar: $jaar) ${SELECTIE} }`, variables: { g: gemeenten, jaar: 2025 } },
        (d) => (d as { wmoToewijzingenPerProductcategorie: Telling[] }).wmoToewijzingenPerProductcategorie ?? []),
      await attackTellingen(context, 'Query.jeugdToewijzingenPerProductcategorie', 'JEUGDWET',
        { caller, query: `query ($g: [String!]!, $jaar: Int!) { jeugdToewijzingenPerProductcategorie(gemeenten: $g, jaar: $jaar) ${SELECTIE} }`, variables: { g: ['0406', '0376', '0417'], jaar: 2025 } },
        (d) => (d as { jeugdToewijzingenPerProductcategorie: Telling[] }).jeugdToewijzingenPerProductcategorie ?? []),
      await attackTellingen(context, 'Gemeente.wmoToewijzingenPerProductcategorie', 'WMO',
        { caller, query: `query ($code: String!, $jaar: Int!) { gemeente(code: $code) { wmoToewijzingenPerProductcategorie(jaar: $jaar) ${SELECTIE} } }`, variables: { code: '0376', jaar: 2024 } },
        (d) => (d as { gemeente: { wmoToewijzingenPerProductcategorie: Telling[] | null } | null }).gemeente?.wmoToewijzingenPerProductcategorie ?? []),
    ];
    return { findings: outcomes.flatMap((o) => o.findings), refused: outcomes.flatMap((o) => o.refused) };
  },
};
