import {
  type AdditiveRelation, type Cell, combineCellKeys, type Disclosure, ONDERDRUKKINGSREGEL, OnderdruktAantal, type Published, listSize, Verantwoording, withheld, cost,
} from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import type { StapelingRow } from './stapeling.sql.js';
import { StapelingKosten } from './stapelingkosten.type.js';

/** Stacking of support in one gemeente and year. */
@ObjectType({
  description:
    'Stapeling van ondersteuning in een gemeente over een kalenderjaar: het aantal huishoudens met ondersteuning onder meer dan een wet ' +
    '(Wmo, Jeugdwet, Participatiewet). Ondersteuning is een hulpvraag met status TOEGEKEND en een datum in het jaar, van een lid van het ' +
    'huishouden, in deze gemeente. Alleen aantallen, nooit personen; zie Verantwoording.onderdrukkingsregel.',
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

  // Its work is far above one field's: weight measured in scripts/results/measure-cost-weights.md (docs/demand-control.md).
  @Directive(cost(850))
  @Field(() => StapelingKosten, {
    description:
      'Wat deze huishoudens in het jaar kosten, per groep en per wet, en voor wie het doel het toelaat de duurste huishoudens. ' +
      'De kosten komen uit de subgraphs inkoop (declaraties Wmo en Jeugdwet) en participatie (uitkeringen en minimaregelingen).',
  })
  kosten!: StapelingKosten;

  @Field(() => String, { description: 'De regel waarmee de aantallen zijn onderdrukt en afgerond (zoals Verantwoording.onderdrukkingsregel).' })
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

/** The groups of StapelingGroep in its order, each as the combinations of laws (StapelingRow order) it joins. */
export const GROEP_COMBINATIES: readonly (readonly number[])[] = [[0, 1, 2, 3, 4, 5, 6], [0, 1, 2], [3, 4, 5], [6], [0], [1], [2], [3], [4], [5]];

/** The additive relations between the groups (indexes into GROEP_COMBINATIES): all, singles, pairs. */
export const GROEP_RELATIES: readonly AdditiveRelation[] = [
  { total: 0, parts: [1, 2, 3] },
  { total: 1, parts: [4, 5, 6] },
  { total: 2, parts: [7, 8, 9] },
];

/** The raw figure of one combination of laws: value, contributing households, largest household, cell key. */
export interface CombinatieWaarde {
  value: number;
  contributors: number;
  largest: number;
  key: number;
}

/** The cells of the ten groups from the seven combinations they consist of (disjoint, so values, contributors and keys add up). */
export function groepCellen(combinaties: readonly CombinatieWaarde[], soort: { kind: 'count' | 'amount'; measure: string }): Cell[] {
  return GROEP_COMBINATIES.map((delen) => {
    const parts = delen.map((d) => combinaties[d] ?? { value: 0, contributors: 0, largest: 0, key: 0 });
    const base = {
      measure: soort.measure,
      value: parts.reduce((a, p) => a + p.value, 0),
      contributors: parts.reduce((a, p) => a + p.contributors, 0),
      key: combineCellKeys(parts.map((p) => p.key)),
    };
    return soort.kind === 'count' ? { kind: 'count', ...base } : { kind: 'amount', ...base, largest: Math.max(0, ...parts.map((p) => Math.abs(p.largest))) };
  });
}

/** The raw counts of one gemeente per combination (StapelingRow order) with their cell keys. */
export interface StapelingAantallen {
  aantallen: readonly number[];
  sleutels: readonly number[];
}

/** The counts of a gemeente without any household with support. */
export const GEEN_STAPELING: StapelingAantallen = { aantallen: [0, 0, 0, 0, 0, 0, 0], sleutels: [0, 0, 0, 0, 0, 0, 0] };

/** The count cells of the ten groups (measure `toegang.stapeling.huishoudens`). */
export function aantalCellen({ aantallen, sleutels }: StapelingAantallen): Cell[] {
  const combinaties = aantallen.map((n, i) => ({ value: n, contributors: n, largest: 1, key: sleutels[i] ?? 0 }));
  return groepCellen(combinaties, { kind: 'count', measure: 'toegang.stapeling.huishoudens' });
}

/** The published counts of one gemeente, by the field of StapelingRij that shows them. */
export type StapelingCellen = Record<
  | 'aantalHuishoudens' | 'eenWet' | 'tweeWetten' | 'drieWetten' | 'alleenWmo' | 'alleenJeugdwet' | 'alleenParticipatiewet'
  | 'wmoEnJeugdwet' | 'wmoEnParticipatiewet' | 'jeugdwetEnParticipatiewet',
  Published
>;

/** The fields of StapelingRij in the order of the groups. */
const VELDEN: readonly (keyof StapelingCellen)[] = [
  'aantalHuishoudens', 'eenWet', 'tweeWetten', 'drieWetten', 'alleenWmo', 'alleenJeugdwet', 'alleenParticipatiewet',
  'wmoEnJeugdwet', 'wmoEnParticipatiewet', 'jeugdwetEnParticipatiewet',
];

/** Names the ten published group values by the field of StapelingRij. */
export function stapelingCellenVan(published: readonly Published[]): StapelingCellen {
  return Object.fromEntries(VELDEN.map((veld, i) => [veld, published[i] ?? withheld('KLEIN_AANTAL')])) as StapelingCellen;
}

/** Publishes one gemeente's counts through the disclosure policy, over the relations between the groups. */
export function stapelingCellen(row: StapelingAantallen, disclosure: Disclosure): StapelingCellen {
  return stapelingCellenVan(disclosure.publish({ cells: aantalCellen(row), relations: GROEP_RELATIES }));
}

/** Shapes the counted rows: one published row per gemeente in `gemeenten` (withheld zeros where the SQL gave none). */
export function stapelingRijenOf(rows: readonly StapelingRow[], gemeenten: readonly string[], jaar: number, disclosure: Disclosure): StapelingRij[] {
  return gemeenten.map((code) => {
    const row = rows.find((r) => r.gemeenteCode === code);
    const aantallen = row
      ? { aantallen: [row.alleenWmo, row.alleenJeugdwet, row.alleenParticipatiewet, row.wmoEnJeugdwet, row.wmoEnParticipatiewet, row.jeugdwetEnParticipatiewet, row.alleDrie], sleutels: row.sleutels }
      : GEEN_STAPELING;
    return { gemeente: { code }, jaar, ...stapelingCellen(aantallen, disclosure), kosten: { gemeenteCode: code, jaar }, onderdrukkingsregel: ONDERDRUKKINGSREGEL };
  });
}
