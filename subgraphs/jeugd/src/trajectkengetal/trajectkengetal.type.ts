import {
  Code, JEUGD_TRAJECTKENGETAL_BESCHRIJVING, JEUGD_TRAJECTKENGETAL_KEY, JEUGD_TRAJECTKENGETAL_VELDEN, JeugdTrajectIndeling, JW_PRODUCTCATEGORIE,
  type Cell, type Disclosure, OnderdruktAantal, OnderdruktGetal, publishAverage, publishShare, listSize, Verantwoording, withheld,
} from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { knownCode } from '../codelijst/known-code.js';
import { Aanbieder } from '../extends/aanbieder/aanbieder.type.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { HERHAALD_BEROEP_DAGEN, type Indeling, JAAR_DAGEN, type TrajectkengetalRow } from './trajectkengetal.sql.js';

const HERHAALD_BEROEP =
  `herhaald beroep: het traject begon hoogstens ${HERHAALD_BEROEP_DAGEN} dagen nadat een eerder traject van dezelfde jeugdige ` +
  'bij dezelfde gemeente eindigde (CBS Beleidsinformatie Jeugd telt herhaald beroep als aandeel van de trajecten)';

/**
 * The trajectory figures of one gemeente and aanbieder (or productcategorie) in one year. An entity: the
 * inkoop subgraph adds the declared cost per client, divided by the published `aantalClienten` (@requires).
 */
@Directive(JEUGD_TRAJECTKENGETAL_KEY)
@ObjectType({ description: JEUGD_TRAJECTKENGETAL_BESCHRIJVING })
export class JeugdTrajectkengetal {
  @Field(() => String, { description: JEUGD_TRAJECTKENGETAL_VELDEN.gemeenteCode })
  gemeenteCode!: string;

  @Field(() => Int, { description: JEUGD_TRAJECTKENGETAL_VELDEN.jaar })
  jaar!: number;

  @Field(() => JeugdTrajectIndeling, { description: JEUGD_TRAJECTKENGETAL_VELDEN.indeling })
  indeling!: JeugdTrajectIndeling;

  @Field(() => String, { description: JEUGD_TRAJECTKENGETAL_VELDEN.groepCode })
  groepCode!: string;

  @Field(() => Gemeente, { nullable: true, description: 'De gemeente die de jeugdhulp bekostigt.' })
  gemeente!: Gemeente;

  @Field(() => Aanbieder, { nullable: true, description: 'De aanbieder bij indeling AANBIEDER; anders null.' })
  aanbieder!: Aanbieder | null;

  @Field(() => Code, { nullable: true, description: 'De productcategorie (JZ020) bij indeling PRODUCTCATEGORIE; anders null.' })
  productcategorie!: Code | null;

  @Field(() => OnderdruktAantal, { description: JEUGD_TRAJECTKENGETAL_VELDEN.aantalClienten })
  aantalClienten!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, { description: 'Aantal meegetelde trajecten; een cel van de clienten met die trajecten.' })
  aantalTrajecten!: OnderdruktAantal;

  @Field(() => OnderdruktGetal, {
    description:
      `Aandeel (0-1, twee decimalen) van de meegetelde trajecten dat langer dan ${JAAR_DAGEN} dagen duurt of duurde (begin- en einddag meegeteld, ` +
      'tot de einddatum of, als die later valt of ontbreekt, tot de peildatum van de gegevens). Berekend uit afgeronde aantallen; onderdrukt ' +
      'als de teller of het complement onder 10 ligt.',
  })
  aandeelLangerDanEenJaar!: OnderdruktGetal;

  @Field(() => OnderdruktGetal, {
    description:
      `Aandeel (0-1, twee decimalen) van de meegetelde trajecten dat herhaald beroep is; ${HERHAALD_BEROEP}. Berekend uit afgeronde ` +
      'aantallen; onderdrukt als de teller of het complement onder 10 ligt.',
  })
  aandeelHerhaaldBeroep!: OnderdruktGetal;

  @Field(() => OnderdruktGetal, {
    description:
      'Gemiddelde duur in hele dagen van de meegetelde trajecten, begin- en einddag meegeteld, tot de einddatum of de peildatum als die ' +
      'eerder valt: de som van de duren (met celsleutelruis) gedeeld door het gepubliceerde aantal trajecten.',
  })
  gemiddeldeDuurInDagen!: OnderdruktGetal;
}

/** The trajectory figures answer: the rows and the verantwoording. */
@ObjectType({ description: 'Antwoord op de vraag naar trajectkengetallen jeugdhulp: de regels per gemeente en aanbieder of productcategorie, en de verantwoording.' })
export class JeugdTrajectkengetallenAntwoord {
  @Field(() => Verantwoording, {
    description: 'Over welke gemeenten is gerekend, welke gevraagde gemeenten buiten het mandaat vielen, en de peildatum van de gegevens (gegevensTot).',
  })
  verantwoording!: Verantwoording;

  @Directive(listSize(100))
  @Field(() => [JeugdTrajectkengetal], {
    description: 'Een regel per gemeente en aanbieder (of productcategorie) met minstens een meegeteld traject: gemeenten in de gevraagde volgorde, dan op code.',
  })
  rijen!: JeugdTrajectkengetal[];
}

/** The cells of one row: clients, trajecten (long, repeat) as counts, the durations as an amount in days. */
function cellen(row: TrajectkengetalRow): Cell[] {
  const count = (naam: string, value: number, contributors: number, key: number): Cell => ({ kind: 'count', measure: `jeugd.traject.${naam}`, value, contributors, key });
  return [
    count('clienten', row.aantalClienten, row.aantalClienten, row.sleutelClienten),
    count('trajecten', row.aantalTrajecten, row.aantalClienten, row.sleutelTrajecten),
    count('langer', row.aantalLangerDanEenJaar, row.clientenLangerDanEenJaar, row.sleutelLangerDanEenJaar),
    count('herhaald', row.aantalHerhaaldBeroep, row.clientenHerhaaldBeroep, row.sleutelHerhaaldBeroep),
    {
      kind: 'amount', measure: 'jeugd.traject.duur', value: row.duurInDagen, contributors: row.aantalClienten,
      largest: row.grootsteDuur, key: row.sleutelTrajecten, unit: 1,
    },
  ];
}

/**
 * Shapes the counted rows in the asked order of gemeenten, each through the disclosure policy: the counts
 * published (rounded by cell key), the shares and the average duration derived from published values.
 * Groups overlap (a traject can count at several aanbieders), so there is no additive relation.
 */
export function trajectkengetallenOf(
  rows: readonly TrajectkengetalRow[], gemeenten: readonly string[], jaar: number, indeling: Indeling, disclosure: Disclosure,
): JeugdTrajectkengetal[] {
  return gemeenten.flatMap((code) =>
    rows
      .filter((row) => row.gemeenteCode === code)
      .map((row) => {
        const [clienten = withheld('KLEIN_AANTAL'), trajecten = withheld('KLEIN_AANTAL'), langer = withheld('KLEIN_AANTAL'),
          herhaald = withheld('KLEIN_AANTAL'), duur = withheld('KLEIN_AANTAL')] = disclosure.publish({ cells: cellen(row) });
        return {
          gemeenteCode: row.gemeenteCode,
          jaar,
          indeling: JeugdTrajectIndeling[indeling],
          groepCode: row.groepCode,
          gemeente: { code: row.gemeenteCode },
          aanbieder: indeling === 'AANBIEDER' ? { agbCode: row.groepCode } : null,
          productcategorie: indeling === 'PRODUCTCATEGORIE' ? knownCode(JW_PRODUCTCATEGORIE, row.groepCode) : null,
          aantalClienten: clienten,
          aantalTrajecten: trajecten,
          aandeelLangerDanEenJaar: publishShare(langer, trajecten, { numerator: row.aantalLangerDanEenJaar, denominator: row.aantalTrajecten }),
          aandeelHerhaaldBeroep: publishShare(herhaald, trajecten, { numerator: row.aantalHerhaaldBeroep, denominator: row.aantalTrajecten }),
          gemiddeldeDuurInDagen: publishAverage(duur, trajecten, 0),
        };
      }),
  );
}
