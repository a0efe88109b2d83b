import { PageInfo, Rol, Wet } from '@sociaal-graph/toolkit';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Organisatie } from '../organisatie/organisatie.type.js';

/** The legal basis on which an organisation executes a law for a gemeente. */
export enum ArrangementGrondslag {
  MANDAAT = 'MANDAAT',
  GEMEENSCHAPPELIJKE_REGELING = 'GEMEENSCHAPPELIJKE_REGELING',
  DIENSTVERLENINGSOVEREENKOMST = 'DIENSTVERLENINGSOVEREENKOMST',
  EIGEN_ORGANISATIE = 'EIGEN_ORGANISATIE',
}
registerEnumType(ArrangementGrondslag, {
  name: 'ArrangementGrondslag',
  description: 'Grondslag van een uitvoeringsarrangement: mandaat, gemeenschappelijke regeling, dienstverleningsovereenkomst of eigen organisatie.',
  valuesConfig: {
    MANDAAT: { description: 'Het college heeft de uitvoering gemandateerd aan een andere organisatie (zoals de HBEL-gemeenten aan Huizen).' },
    GEMEENSCHAPPELIJKE_REGELING: {
      description: 'Een gemeenschappelijke regeling (Wgr) van samenwerkende gemeenten voert uit, zoals een regio of IASZ.',
    },
    DIENSTVERLENINGSOVEREENKOMST: {
      description: 'Een andere gemeente voert uit op grond van een overeenkomst (zoals Amersfoort de Jeugdwet voor Eemnes).',
    },
    EIGEN_ORGANISATIE: { description: 'De gemeente voert zelf uit, of de uitvoeringsorganisatie is bij haar ondergebracht.' },
  },
});

/**
 * Who executes which law in which role for which gemeente, from when to when (docs/mandates.md
 * "Mandates decide every row"). `geldigTot` is inclusive; null means open-ended.
 */
@ObjectType({
  description:
    'Uitvoeringsarrangement: welke organisatie voor een gemeente een wet uitvoert in een rol (toegang, uitvoering, inkoop, contractbeheer), en van wanneer tot wanneer.',
})
export class Uitvoeringsarrangement {
  @Field(() => String, { description: 'Id van het arrangement.' })
  id!: string;

  @Field(() => String, { description: 'CBS-code van de gemeente waarvoor wordt uitgevoerd.' })
  gemeenteCode!: string;

  @Field(() => Wet, { description: 'De wet die wordt uitgevoerd.' })
  wet!: Wet;

  @Field(() => Rol, { description: 'De rol van de uitvoerende organisatie.' })
  rol!: Rol;

  @Field(() => ArrangementGrondslag, { description: 'Grondslag van het arrangement.' })
  grondslag!: ArrangementGrondslag;

  @Field(() => String, { description: 'Eerste dag waarop het arrangement geldt (JJJJ-MM-DD).' })
  geldigVan!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Laatste dag waarop het arrangement geldt, tot en met (JJJJ-MM-DD); null als het doorloopt.',
  })
  geldigTot!: string | null;

  /** The executing organisation; resolved to `uitvoerder`. */
  organisatieId!: string;

  /** That organisation, when read in the same statement (null: no such row; undefined: not read). */
  organisatie?: Organisatie | null;
}

/** One page of uitvoeringsarrangementen. */
@ObjectType({ description: 'Een pagina uitvoeringsarrangementen.' })
export class UitvoeringsarrangementPage {
  @Field(() => [Uitvoeringsarrangement], { description: 'De arrangementen op deze pagina.' })
  items!: Uitvoeringsarrangement[];

  @Field(() => PageInfo, { description: 'Totaal, offset en of er een volgende pagina is.' })
  pageInfo!: PageInfo;
}
