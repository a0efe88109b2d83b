import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';

/** What kind of organisation executes, buys or delivers (world.ts `OrganisatieSoort`). */
export enum OrganisatieSoort {
  GEMEENTE = 'GEMEENTE',
  UITVOERINGSORGANISATIE = 'UITVOERINGSORGANISATIE',
  REGIO = 'REGIO',
  AANBIEDER = 'AANBIEDER',
}
registerEnumType(OrganisatieSoort, {
  name: 'OrganisatieSoort',
  description: 'Soort organisatie: een gemeente zelf, een gedeelde uitvoeringsorganisatie, een regio of een aanbieder.',
  valuesConfig: {
    GEMEENTE: { description: 'Een gemeente; het id is haar CBS-gemeentecode.' },
    UITVOERINGSORGANISATIE: { description: 'Een uitvoeringsorganisatie die voor meer gemeenten uitvoert, zoals "uo-hbel" of "iasz".' },
    REGIO: { description: 'Een regionaal samenwerkingsverband dat voor zijn gemeenten inkoopt en contracten beheert, zoals "regio-gv".' },
    AANBIEDER: { description: 'Een aanbieder van zorg of ondersteuning; het id is zijn AGB-code.' },
  },
});

/**
 * An organisation that executes, buys or manages for gemeenten: a gemeente itself (id = CBS code),
 * a shared execution organisation ("uo-hbel", "iasz"), a region ("regio-gv") or a provider (AGB code).
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description: 'Een organisatie die voor gemeenten uitvoert, inkoopt of contracten beheert; sleutel is het id.',
})
export class Organisatie {
  @Field(() => String, {
    description: 'Id: CBS-gemeentecode voor een gemeente ("0307"), "uo-hbel", "iasz", "regio-gv" of een AGB-code.',
  })
  id!: string;

  @Field(() => String, { description: 'Naam van de organisatie.' })
  naam!: string;

  @Field(() => OrganisatieSoort, { description: 'Soort organisatie.' })
  soort!: OrganisatieSoort;

  /** The gemeente that houses it, if any; resolved to `vestigingGemeente`. */
  vestigingGemeenteCode!: string | null;
}
