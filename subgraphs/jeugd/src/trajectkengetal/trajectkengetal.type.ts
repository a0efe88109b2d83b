import { Code, JEUGD_TRAJECTKENGETAL_BESCHRIJVING, JEUGD_TRAJECTKENGETAL_KEY, JEUGD_TRAJECTKENGETAL_VELDEN, JeugdTrajectIndeling, JW_PRODUCTCATEGORIE, listSize, OnderdruktAantal, suppressCount, SUPPRESSION_THRESHOLD, Verantwoording } from '@sociaal-graph/toolkit';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { knownCode } from '../codelijst/known-code.js';
import { Aanbieder } from '../extends/aanbieder/aanbieder.type.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { HERHAALD_BEROEP_DAGEN, type Indeling, JAAR_DAGEN, type TrajectkengetalRow } from './trajectkengetal.sql.js';

const HERHAALD_BEROEP =
  `herhaald beroep: het traject begon hoogstens ${HERHAALD_BEROEP_DAGEN} dagen nadat een eerder traject van dezelfde jeugdige ` +
  'bij dezelfde gemeente eindigde (CBS Beleidsinformatie Jeugd telt herhaald beroep als aandeel van de trajecten)';

/**
 * The trajectory figures of one gemeente and aanbieder (or productcategorie) in one year. An entity: the
 * inkoop subgraph adds the declared cost per client, from `aantalClientenOnafgerond` (@requires), which
 * clients never see (@inaccessible).
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

  @Field(() => OnderdruktAantal, {
    description: 'Aantal unieke jeugdigen (clienten) met een meegeteld traject; afgerond op 5, onder 10 onderdrukt.',
  })
  aantalClienten!: OnderdruktAantal;

  @Field(() => OnderdruktAantal, { description: 'Aantal meegetelde trajecten; afgerond op 5, onderdrukt onder 10 trajecten of onder 10 clienten.' })
  aantalTrajecten!: OnderdruktAantal;

  @Field(() => Float, {
    nullable: true,
    description:
      `Aandeel (0-1, drie decimalen) van de meegetelde trajecten dat langer dan ${JAAR_DAGEN} dagen duurt of duurde (begin- en einddag meegeteld, ` +
      'tot de einddatum of, als die later valt of ontbreekt, tot de peildatum van de gegevens). Null bij minder dan 10 clienten.',
  })
  aandeelLangerDanEenJaar!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `Aandeel (0-1, drie decimalen) van de meegetelde trajecten dat herhaald beroep is; ${HERHAALD_BEROEP}. Null bij minder dan 10 clienten.`,
  })
  aandeelHerhaaldBeroep!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Gemiddelde duur in dagen (een decimaal) van de meegetelde trajecten, begin- en einddag meegeteld, tot de einddatum of de peildatum ' +
      'als die eerder valt. Null bij minder dan 10 clienten.',
  })
  gemiddeldeDuurInDagen!: number | null;

  // The raw count the inkoop subgraph divides the declared amount by; only the gateway reads it.
  @Directive('@inaccessible')
  @Field(() => Int, { description: JEUGD_TRAJECTKENGETAL_VELDEN.aantalClientenOnafgerond })
  aantalClientenOnafgerond!: number;
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

const share = (part: number, whole: number): number => Math.round((part / whole) * 1000) / 1000;

/** Shapes the counted rows: counts suppressed, shares and the average withheld below 10 clients, in the asked order of gemeenten. */
export function trajectkengetallenOf(rows: readonly TrajectkengetalRow[], gemeenten: readonly string[], jaar: number, indeling: Indeling): JeugdTrajectkengetal[] {
  return gemeenten.flatMap((code) =>
    rows
      .filter((row) => row.gemeenteCode === code)
      .map((row) => {
        const genoeg = row.aantalClienten >= SUPPRESSION_THRESHOLD;
        return {
          gemeenteCode: row.gemeenteCode,
          jaar,
          indeling: JeugdTrajectIndeling[indeling],
          groepCode: row.groepCode,
          gemeente: { code: row.gemeenteCode },
          aanbieder: indeling === 'AANBIEDER' ? { agbCode: row.groepCode } : null,
          productcategorie: indeling === 'PRODUCTCATEGORIE' ? knownCode(JW_PRODUCTCATEGORIE, row.groepCode) : null,
          aantalClienten: suppressCount(row.aantalClienten),
          // Withheld with the clients: a few young people with many trajecten are still a few people.
          aantalTrajecten: genoeg ? suppressCount(row.aantalTrajecten) : { waarde: null, onderdrukt: 'KLEIN_AANTAL' as const },
          aandeelLangerDanEenJaar: genoeg ? share(row.aantalLangerDanEenJaar, row.aantalTrajecten) : null,
          aandeelHerhaaldBeroep: genoeg ? share(row.aantalHerhaaldBeroep, row.aantalTrajecten) : null,
          gemiddeldeDuurInDagen: genoeg ? Math.round(row.gemiddeldeDuurInDagen * 10) / 10 : null,
          aantalClientenOnafgerond: row.aantalClienten,
        };
      }),
  );
}
