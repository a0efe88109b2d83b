import { listSize, ONDERDRUKKINGSREGEL, type Onderdrukt, OnderdruktAantal, suppressTable, Verantwoording } from '@sociaal-graph/toolkit';
import { Field, Int, ObjectType, Directive } from 'type-graphql';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import type { StapelingRow } from './stapeling.sql.js';
import { StapelingKosten } from './stapelingkosten.type.js';

/** Stacking of support in one gemeente and year. */
@ObjectType({
  description:
    'Stapeling van ondersteuning in een gemeente over een kalenderjaar: het aantal huishoudens met ondersteuning onder meer dan een wet ' +
    '(Wmo, Jeugdwet, Participatiewet). Ondersteuning is een hulpvraag met status TOEGEKEND en een datum in het jaar, van een lid van het ' +
    'huishouden, in deze gemeente. Alleen aantallen, nooit personen; kleine aantallen zijn onderdrukt en de rest is afgerond op 5.',
})
export class StapelingRij {
  @Field(() => Gemeente, { nullable: true, description: 'De gemeente waar de ondersteuning is toegekend.' })
  gemeente!: Gemeente;

  @Field(() => Int, { description: 'Het kalenderjaar van de toekenning waarover geteld is.' })
  jaar!: number;

  @Field(() => OnderdruktAantal, { description: 'Huishoudens met ondersteuning onder minstens een wet: het totaal van de rij.' })
  aantalHuishoudens!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, { description: 'Huishoudens met ondersteuning onder precies een wet.' })
  eenWet!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, { description: 'Huishoudens met ondersteuning onder precies twee wetten (de drie paren samen).' })
  tweeWetten!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, {
    description: 'Huishoudens met ondersteuning onder alle drie de wetten (Wmo, Jeugdwet en Participatiewet), de enige combinatie van drie.',
  })
  drieWetten!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, { description: 'Huishoudens met ondersteuning alleen onder de Wmo.' })
  alleenWmo!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, { description: 'Huishoudens met ondersteuning alleen onder de Jeugdwet.' })
  alleenJeugdwet!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, { description: 'Huishoudens met ondersteuning alleen onder de Participatiewet.' })
  alleenParticipatiewet!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, { description: 'Huishoudens met ondersteuning onder precies de Wmo en de Jeugdwet.' })
  wmoEnJeugdwet!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, { description: 'Huishoudens met ondersteuning onder precies de Wmo en de Participatiewet.' })
  wmoEnParticipatiewet!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, { description: 'Huishoudens met ondersteuning onder precies de Jeugdwet en de Participatiewet.' })
  jeugdwetEnParticipatiewet!: OnderdruktAantal;

  @Field(() => StapelingKosten, {
    description:
      'Wat deze huishoudens in het jaar kosten, per groep en per wet, en voor wie het doel het toelaat de duurste huishoudens. ' +
      'De kosten komen uit de subgraphs inkoop (declaraties Wmo en Jeugdwet) en participatie (uitkeringen en minimaregelingen).',
  })
  kosten!: StapelingKosten;

  @Field(() => String, { description: 'De regel waarmee de aantallen zijn onderdrukt en afgerond.' })
  onderdrukkingsregel!: string;
}

/** The stacking answer: one row per gemeente computed over, and the verantwoording. */
@ObjectType({ description: 'Antwoord op de vraag naar stapeling van ondersteuning: per gemeente de aantallen, en de verantwoording.' })
export class StapelingAntwoord {
  @Field(() => Verantwoording, {
    description:
      'Over welke gemeenten is gerekend (alleen die binnen uw mandaat voor statistiek van alle drie de wetten), welke gevraagde gemeenten ' +
      'per wet buiten het mandaat vielen, en de laatste datum van een toekenning in het jaar (gegevensTot).',
  })
  verantwoording!: Verantwoording;

  @Directive(listSize(1))
  @Field(() => [StapelingRij], { description: 'Een rij per gemeente waarover is gerekend, in de gevraagde volgorde.' })
  rijen!: StapelingRij[];
}

const NUL: Onderdrukt = { waarde: 0, onderdrukt: null };
const withheld = (onderdrukt: 'KLEIN_AANTAL' | 'AFLEIDBAAR'): Onderdrukt => ({ waarde: null, onderdrukt });
/** A zero is no cell (its absence already says zero, it hides nothing). */
const cell = (n: number): number | null => (n === 0 ? null : n);

/**
 * Suppresses one gemeente's counts as nested tables. Level 1: the combinations by number of laws
 * (singles, pairs, all three) with the per-level totals; level 2: those three totals with the
 * household total. Both through suppressTable, then the levels are reconciled so no published sum
 * gives a withheld value back: a level total withheld only on level 2 while all its cells are visible
 * would follow from them, so its smallest cell is withheld too; a level total withheld only on level 1
 * counts as withheld for the household total.
 */
export function suppressStapeling(row: StapelingAantallen) {
  const niveaus = [
    [row.alleenWmo, row.alleenJeugdwet, row.alleenParticipatiewet],
    [row.wmoEnJeugdwet, row.wmoEnParticipatiewet, row.jeugdwetEnParticipatiewet],
    [row.alleDrie],
  ];
  const sums = niveaus.map((niveau) => niveau.reduce((a, b) => a + b, 0));
  const eerste = suppressTable({ cells: niveaus.map((niveau) => niveau.map(cell)), rowTotals: true });
  const tweede = suppressTable({ cells: [sums.map(cell)], rowTotals: [row.totaal] });
  const cellen = niveaus.map((niveau, r) => niveau.map((n, c) => (n === 0 ? NUL : (eerste.cells[r]?.[c] ?? withheld('KLEIN_AANTAL')))));
  const totalen = sums.map((n, r): Onderdrukt => {
    if (n === 0) return NUL;
    const een = eerste.rowTotals?.[r] ?? withheld('KLEIN_AANTAL');
    return een.onderdrukt ? een : (tweede.cells[0]?.[r] ?? withheld('KLEIN_AANTAL'));
  });
  totalen.forEach((totaal, r) => {
    const niveau = cellen[r] ?? [];
    const present = niveau.map((c, i) => ({ c, i, raw: niveaus[r]?.[i] ?? 0 })).filter(({ raw }) => raw > 0);
    if (totaal.onderdrukt && present.length > 0 && present.every(({ c }) => !c.onderdrukt)) {
      const kleinste = present.reduce((min, p) => (p.raw < min.raw ? p : min));
      niveau[kleinste.i] = withheld('AFLEIDBAAR');
    }
  });
  let huishoudens: Onderdrukt = row.totaal === 0 ? NUL : (tweede.rowTotals?.[0] ?? withheld('KLEIN_AANTAL'));
  if (!huishoudens.onderdrukt && totalen.filter((t) => t.onderdrukt).length === 1) huishoudens = withheld('AFLEIDBAAR');
  return { cellen, totalen, huishoudens };
}

/** The raw counts of one gemeente, without its code and date. */
export type StapelingAantallen = Omit<StapelingRow, 'gemeenteCode' | 'gegevensTot'>;

/** The counts of a gemeente without any household with support. */
export const GEEN_STAPELING: StapelingAantallen = {
  alleenWmo: 0, alleenJeugdwet: 0, alleenParticipatiewet: 0, wmoEnJeugdwet: 0, wmoEnParticipatiewet: 0, jeugdwetEnParticipatiewet: 0, alleDrie: 0, totaal: 0,
};

/** The published counts of one gemeente, by the field of StapelingRij that shows them. */
export type StapelingCellen = Record<
  | 'aantalHuishoudens' | 'eenWet' | 'tweeWetten' | 'drieWetten' | 'alleenWmo' | 'alleenJeugdwet' | 'alleenParticipatiewet'
  | 'wmoEnJeugdwet' | 'wmoEnParticipatiewet' | 'jeugdwetEnParticipatiewet',
  Onderdrukt
>;

/** Suppresses one gemeente's counts (suppressStapeling) and names each published cell. */
export function stapelingCellen(row: StapelingAantallen): StapelingCellen {
  const { cellen, totalen, huishoudens } = suppressStapeling(row);
  const at = (r: number, c: number): Onderdrukt => cellen[r]?.[c] ?? withheld('KLEIN_AANTAL');
  return {
    aantalHuishoudens: huishoudens,
    eenWet: totalen[0] ?? withheld('KLEIN_AANTAL'),
    tweeWetten: totalen[1] ?? withheld('KLEIN_AANTAL'),
    // The single cell of its level: its level total and the cell are one number, published once.
    drieWetten: totalen[2]?.onderdrukt ? (totalen[2] ?? withheld('KLEIN_AANTAL')) : at(2, 0),
    alleenWmo: at(0, 0),
    alleenJeugdwet: at(0, 1),
    alleenParticipatiewet: at(0, 2),
    wmoEnJeugdwet: at(1, 0),
    wmoEnParticipatiewet: at(1, 1),
    jeugdwetEnParticipatiewet: at(1, 2),
  };
}

/** Shapes the counted rows: one suppressed row per gemeente in `gemeenten` (zeros where the SQL gave none). */
export function stapelingRijenOf(rows: readonly StapelingRow[], gemeenten: readonly string[], jaar: number): StapelingRij[] {
  return gemeenten.map((code) => ({
    gemeente: { code },
    jaar,
    ...stapelingCellen(rows.find((r) => r.gemeenteCode === code) ?? GEEN_STAPELING),
    kosten: { gemeenteCode: code, jaar },
    onderdrukkingsregel: ONDERDRUKKINGSREGEL,
  }));
}
