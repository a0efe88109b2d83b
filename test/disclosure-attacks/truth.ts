import type { DemoWorld } from '@sociaal-graph/toolkit';

/**
 * Ground truth from the demo world, computed the way the steering answers define their figures
 * (README "Steering answers"; the same rules test/stuurinformatie-*.test.ts recompute).
 */

export type Wet = 'WMO' | 'JEUGDWET' | 'PARTICIPATIEWET';
export const WETTEN: readonly Wet[] = ['WMO', 'JEUGDWET', 'PARTICIPATIEWET'];

const dag = (datum: string) => Date.parse(`${datum}T00:00:00Z`) / 86_400_000;

export interface StapelingHuishouden {
  readonly id: string;
  readonly wetten: ReadonlySet<Wet>;
  readonly kosten: Readonly<Record<Wet, number>>;
  readonly totaal: number;
}

/** The households of a gemeente with a granted melding in the year, their laws, and what all their members cost there. */
export function stapelingHuishoudens(world: DemoWorld, gemeente: string, jaar: number): StapelingHuishouden[] {
  const inJaar = (datum: string) => datum.startsWith(`${jaar}-`);
  const begin = `${jaar}-01-01`;
  const eind = `${jaar}-12-31`;
  const huishoudenVan = new Map(world.inwoners.map((i) => [i.id, i.huishoudenId]));
  const wetten = new Map<string, Set<Wet>>();
  for (const m of world.meldingen) {
    if (m.status !== 'TOEGEKEND' || m.gemeenteCode !== gemeente || !inJaar(m.datum)) continue;
    const hh = huishoudenVan.get(m.inwonerId) ?? '';
    wetten.set(hh, (wetten.get(hh) ?? new Set()).add(m.wet as Wet));
  }
  const toewijzingVan = new Map<string, string>();
  for (const t of [...world.wmoToewijzingen, ...world.jeugdToewijzingen]) {
    if (t.gemeenteCode === gemeente) toewijzingVan.set(`${t.wet}:${t.toewijzingsnummer}`, t.inwonerId);
  }
  const kosten = new Map<string, Record<Wet, number>>();
  const add = (inwoner: string, wet: Wet, bedrag: number) => {
    const k = kosten.get(inwoner) ?? { WMO: 0, JEUGDWET: 0, PARTICIPATIEWET: 0 };
    k[wet] += bedrag;
    kosten.set(inwoner, k);
  };
  for (const d of world.declaraties) {
    if (d.gemeenteCode !== gemeente || !inJaar(d.leveringVan) || d.status === 'AFGEWEZEN' || d.status === 'GECREDITEERD') continue;
    const inwoner = toewijzingVan.get(`${d.wet}:${d.toewijzingsnummer}`);
    if (inwoner) add(inwoner, d.wet as Wet, d.bedrag);
  }
  const dagenInJaar = dag(`${jaar + 1}-01-01`) - dag(begin);
  for (const u of world.uitkeringen) {
    if (u.gemeenteCode !== gemeente || u.ingangsdatum > eind || (u.einddatum !== null && u.einddatum < begin)) continue;
    const dagen = dag(u.einddatum === null || u.einddatum > eind ? eind : u.einddatum) - dag(u.ingangsdatum < begin ? begin : u.ingangsdatum) + 1;
    add(u.inwonerId, 'PARTICIPATIEWET', Math.floor((u.bedragPerMaand * 12 * dagen * 2 + dagenInJaar) / (2 * dagenInJaar)));
  }
  for (const m of world.minimaregelingen) if (m.gemeenteCode === gemeente && m.jaar === jaar) add(m.inwonerId, 'PARTICIPATIEWET', m.bedrag);
  const leden = new Map<string, string[]>();
  for (const i of world.inwoners) leden.set(i.huishoudenId, [...(leden.get(i.huishoudenId) ?? []), i.id]);
  return [...wetten].map(([id, set]) => {
    const som: Record<Wet, number> = { WMO: 0, JEUGDWET: 0, PARTICIPATIEWET: 0 };
    for (const lid of leden.get(id) ?? []) {
      const k = kosten.get(lid);
      if (k) for (const wet of WETTEN) som[wet] += k[wet];
    }
    return { id, wetten: set, kosten: som, totaal: som.WMO + som.JEUGDWET + som.PARTICIPATIEWET };
  });
}

/** Which households each stapeling group holds (StapelingGroep). */
export const STAPELING_GROEPEN: Readonly<Record<string, (w: ReadonlySet<Wet>) => boolean>> = {
  ALLE: () => true,
  EEN_WET: (w) => w.size === 1,
  TWEE_WETTEN: (w) => w.size === 2,
  DRIE_WETTEN: (w) => w.size === 3,
  ALLEEN_WMO: (w) => w.size === 1 && w.has('WMO'),
  ALLEEN_JEUGDWET: (w) => w.size === 1 && w.has('JEUGDWET'),
  ALLEEN_PARTICIPATIEWET: (w) => w.size === 1 && w.has('PARTICIPATIEWET'),
  WMO_EN_JEUGDWET: (w) => w.size === 2 && w.has('WMO') && w.has('JEUGDWET'),
  WMO_EN_PARTICIPATIEWET: (w) => w.size === 2 && w.has('WMO') && w.has('PARTICIPATIEWET'),
  JEUGDWET_EN_PARTICIPATIEWET: (w) => w.size === 2 && w.has('JEUGDWET') && w.has('PARTICIPATIEWET'),
};

/**
 * The additive relations between stapeling groups: each whole is the sum of its parts (households
 * belong to exactly one part). The same relations hold for the counts and for every amount.
 */
export const STAPELING_RELATIES: readonly { whole: string; parts: readonly string[] }[] = [
  { whole: 'ALLE', parts: ['EEN_WET', 'TWEE_WETTEN', 'DRIE_WETTEN'] },
  { whole: 'ALLE', parts: ['ALLEEN_WMO', 'ALLEEN_JEUGDWET', 'ALLEEN_PARTICIPATIEWET', 'WMO_EN_JEUGDWET', 'WMO_EN_PARTICIPATIEWET', 'JEUGDWET_EN_PARTICIPATIEWET', 'DRIE_WETTEN'] },
  { whole: 'EEN_WET', parts: ['ALLEEN_WMO', 'ALLEEN_JEUGDWET', 'ALLEEN_PARTICIPATIEWET'] },
  { whole: 'TWEE_WETTEN', parts: ['WMO_EN_JEUGDWET', 'WMO_EN_PARTICIPATIEWET', 'JEUGDWET_EN_PARTICIPATIEWET'] },
  { whole: 'ALLE', parts: ['EEN_WET', 'WMO_EN_JEUGDWET', 'WMO_EN_PARTICIPATIEWET', 'JEUGDWET_EN_PARTICIPATIEWET', 'DRIE_WETTEN'] },
  { whole: 'ALLE', parts: ['ALLEEN_WMO', 'ALLEEN_JEUGDWET', 'ALLEEN_PARTICIPATIEWET', 'TWEE_WETTEN', 'DRIE_WETTEN'] },
];

/** A toewijzing counts in a year when it is in force on at least one day of it. */
export function actiefIn(t: { ingangsdatum: string; einddatum: string | null }, jaar: number): boolean {
  return t.ingangsdatum <= `${jaar}-12-31` && (t.einddatum === null || t.einddatum >= `${jaar}-01-01`);
}

export type TrajectIndeling = 'AANBIEDER' | 'PRODUCTCATEGORIE';

export interface TrajectGroep {
  readonly clienten: number;
  readonly trajecten: number;
  /** Trajecten longer than a year. */
  readonly lang: number;
  readonly herhaald: number;
  /** Declared amount (eurocent) of the group in the year, without rejected and credited lines. */
  readonly bedrag: number;
}

/** Per group (aanbieder or productcategorie) of one gemeente and year: trajecten, clients, long ones, herhaald beroep, declared amount. */
export function trajectGroepen(world: DemoWorld, gemeente: string, jaar: number, indeling: TrajectIndeling): Map<string, TrajectGroep> {
  const trajecten = new Map(world.jeugdTrajecten.map((tr) => [tr.id, tr]));
  const groepen = new Map<string, Set<string>>();
  for (const t of world.jeugdToewijzingen) {
    if (t.gemeenteCode !== gemeente || t.trajectId === null || !actiefIn(t, jaar)) continue;
    const groep = indeling === 'AANBIEDER' ? t.aanbiederAgb : t.productcategorie;
    groepen.set(groep, (groepen.get(groep) ?? new Set()).add(t.trajectId));
  }
  const peil = dag(world.peildatum);
  const result = new Map<string, TrajectGroep>();
  for (const [groep, ids] of groepen) {
    const lijst = [...ids].map((id) => trajecten.get(id)).filter((tr) => tr !== undefined);
    const duur = lijst.map((tr) => Math.min(tr.einddatum === null ? peil : dag(tr.einddatum), peil) - dag(tr.startdatum) + 1);
    const herhaald = lijst.filter((tr) =>
      world.jeugdTrajecten.some((vorig) => vorig.inwonerId === tr.inwonerId && vorig.gemeenteCode === gemeente && vorig.einddatum !== null &&
        vorig.einddatum < tr.startdatum && dag(tr.startdatum) - dag(vorig.einddatum) <= 365),
    );
    const bedrag = world.declaraties
      .filter((d) => d.wet === 'JEUGDWET' && d.gemeenteCode === gemeente && d.leveringVan.startsWith(`${jaar}-`))
      .filter((d) => (indeling === 'AANBIEDER' ? d.aanbiederAgb : d.productcategorie) === groep)
      .filter((d) => d.status !== 'AFGEWEZEN' && d.status !== 'GECREDITEERD')
      .reduce((som, d) => som + d.bedrag, 0);
    result.set(groep, { clienten: new Set(lijst.map((tr) => tr.inwonerId)).size, trajecten: lijst.length, lang: duur.filter((d) => d > 365).length, herhaald: herhaald.length, bedrag });
  }
  return result;
}

export interface Looptijd {
  readonly inwonerId: string;
  readonly gemeenteCode: string;
  readonly ingangsdatum: string;
  readonly einddatum: string | null;
}

const shift = (datum: string, days: number) => new Date(Date.parse(`${datum}T00:00:00Z`) + days * 864e5).toISOString().slice(0, 10);
const loopt = (r: Looptijd, d: string) => r.ingangsdatum <= d && (r.einddatum === null || r.einddatum >= d);

/** Reach of one gemeente in a period (toolkit bereik.ts): the clients counted in each of its four figures. */
export function bereikIn(rows: readonly Looptijd[], gemeente: string, van: string, tot: string): Record<'clienten' | 'instroom' | 'doorstroom' | 'uitstroom', Set<string>> {
  const eigen = rows.filter((r) => r.gemeenteCode === gemeente);
  const per = new Map<string, Looptijd[]>();
  for (const r of eigen) per.set(r.inwonerId, [...(per.get(r.inwonerId) ?? []), r]);
  const out = { clienten: new Set<string>(), instroom: new Set<string>(), doorstroom: new Set<string>(), uitstroom: new Set<string>() };
  for (const [inwoner, lijst] of per) {
    if (lijst.some((r) => r.ingangsdatum <= tot && (r.einddatum === null || r.einddatum >= van))) out.clienten.add(inwoner);
    if (lijst.some((r) => r.ingangsdatum >= van && r.ingangsdatum <= tot && !lijst.some((u) => loopt(u, shift(r.ingangsdatum, -1))))) out.instroom.add(inwoner);
    if (lijst.some((r) => r.einddatum !== null && r.einddatum >= van && r.einddatum <= tot && !lijst.some((u) => loopt(u, shift(r.einddatum as string, 1))))) out.uitstroom.add(inwoner);
    if (lijst.some((r) => loopt(r, van)) && lijst.some((r) => loopt(r, tot))) out.doorstroom.add(inwoner);
  }
  return out;
}
