import { PageInfo } from '@sociaal-graph/toolkit';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';

/** Kind of provider, as the region registers it. */
export enum AanbiederSoort {
  ZORGAANBIEDER = 'ZORGAANBIEDER',
  HULPMIDDELENLEVERANCIER = 'HULPMIDDELENLEVERANCIER',
  RE_INTEGRATIEBEDRIJF = 'RE_INTEGRATIEBEDRIJF',
  GECERTIFICEERDE_INSTELLING = 'GECERTIFICEERDE_INSTELLING',
}
registerEnumType(AanbiederSoort, {
  name: 'AanbiederSoort',
  description: 'Soort aanbieder: zorgaanbieder, hulpmiddelenleverancier, re-integratiebedrijf of gecertificeerde instelling.',
  valuesConfig: {
    ZORGAANBIEDER: { description: 'Levert ondersteuning (Wmo) of jeugdhulp (Jeugdwet), zoals begeleiding of huishoudelijke hulp.' },
    HULPMIDDELENLEVERANCIER: { description: 'Levert hulpmiddelen (Wmo), zoals rolstoelen en scootmobielen, vaak in bruikleen.' },
    RE_INTEGRATIEBEDRIJF: { description: 'Begeleidt inwoners naar werk (Participatiewet).' },
    GECERTIFICEERDE_INSTELLING: { description: 'Gecertificeerde instelling: voert jeugdbescherming en jeugdreclassering uit (Jeugdwet).' },
  },
});

/**
 * A provider of care or support, keyed by its AGB code (Vektis). Owned by inkoop; wmo and jeugd add
 * the toewijzingen they gave it. Rows come from `aanbieder.sql.ts` in this shape.
 */
@Directive('@key(fields: "agbCode")')
@ObjectType({ description: 'Aanbieder van zorg of ondersteuning, gecontracteerd door de regio of een gemeente.' })
export class Aanbieder {
  @Field(() => String, { description: 'AGB-code van de aanbieder (acht cijfers, Vektis).' })
  agbCode!: string;

  @Field(() => String, { description: 'Naam van de aanbieder.' })
  naam!: string;

  @Field(() => String, { description: 'Nummer in het Handelsregister van de KvK (acht cijfers).' })
  kvkNummer!: string;

  @Field(() => String, { description: 'Plaats van vestiging.' })
  vestigingsplaats!: string;

  @Field(() => AanbiederSoort, { description: 'Soort aanbieder.' })
  soort!: AanbiederSoort;
}

/** One page of `aanbieders`. */
@ObjectType({ description: 'Een pagina aanbieders.' })
export class AanbiederPage {
  @Field(() => [Aanbieder], { description: 'De aanbieders op deze pagina, op naam.' })
  items!: Aanbieder[];

  @Field(() => PageInfo, { description: 'Gegevens over deze pagina.' })
  pageInfo!: PageInfo;
}
