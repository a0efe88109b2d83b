import { PageInfo, requiresAuthentication, requiresScope, Scope, Wet } from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Where a declaration stands in the 323/325 exchange. */
export enum DeclaratieStatus {
  INGEDIEND = 'INGEDIEND',
  GOEDGEKEURD = 'GOEDGEKEURD',
  AFGEWEZEN = 'AFGEWEZEN',
  GECREDITEERD = 'GECREDITEERD',
}
registerEnumType(DeclaratieStatus, {
  name: 'DeclaratieStatus',
  description: 'Status van een declaratie (323) na het antwoord van de gemeente (325).',
  valuesConfig: {
    INGEDIEND: { description: 'Ingediend, nog niet beoordeeld.' },
    GOEDGEKEURD: { description: 'Toegekend door de gemeente.' },
    AFGEWEZEN: { description: 'Afgewezen door de gemeente (met retourcode).' },
    GECREDITEERD: { description: 'Door de aanbieder gecrediteerd en eventueel vervangen door een correctie.' },
  },
});

/**
 * One prestatie of a provider's declaration (iWmo/iJw 323): what was delivered under one
 * toewijzing in one month, and for how much. Personal in the sense of the row filter: visible per
 * gemeente to who has the CONTRACTBEHEER mandate for its law. Rows come from `declaratie.sql.ts`.
 */
@Directive(requiresAuthentication)
@Directive(requiresScope(Scope.PERSOONSGEGEVENS, Scope.DECLARATIES))
@ObjectType({ description: 'Declaratieregel (iWmo/iJw 323-prestatie) van een aanbieder bij een gemeente.' })
export class Declaratie {
  @Field(() => String, { description: 'Identificatie van de declaratieregel.' })
  id!: string;

  @Field(() => String, { description: 'CBS-code van de gemeente die de toewijzing gaf (vier cijfers).' })
  gemeenteCode!: string;

  @Field(() => Wet, { description: 'Wet van de toewijzing: WMO (iWmo) of JEUGDWET (iJw).' })
  wet!: Wet;

  @Field(() => String, { description: 'ToewijzingNummer waaronder geleverd is (uniek binnen gemeente en wet).' })
  toewijzingsnummer!: string;

  @Field(() => String, { description: 'Productcode van de prestatie (WMO021/JZ21 of bilateraal).' })
  productcode!: string;

  @Field(() => String, { description: 'Eerste dag van de gedeclareerde leveringsperiode (JJJJ-MM-DD).' })
  leveringVan!: string;

  @Field(() => String, { description: 'Laatste dag van de gedeclareerde leveringsperiode (JJJJ-MM-DD).' })
  leveringTot!: string;

  @Field(() => Int, {
    description: 'Geleverd volume in de eenheid van de prestatie (bij eenheid 83 Euro\'s: eurocent).',
  })
  geleverdVolume!: number;

  // As loaded (toolkit demo-world/declarations.ts): a credit changes the line's status, no row is a negative credit line.
  @Field(() => Int, {
    description:
      'Ingediend bedrag in eurocent, zoals gedeclareerd. Een creditering maakt het niet negatief: de regel houdt zijn bedrag en ' +
      'krijgt status GECREDITEERD; een vervangende regel heeft een eigen bedrag. Tel voor wat verschuldigd is alleen INGEDIEND en GOEDGEKEURD.',
  })
  bedrag!: number;

  @Field(() => String, { description: 'Dagtekening van de declaratie (JJJJ-MM-DD).' })
  ingediendOp!: string;

  @Field(() => DeclaratieStatus, { description: 'Status van de declaratie.' })
  status!: DeclaratieStatus;

  @Field(() => Int, {
    description: 'Declaratievertraging: dagen tussen het einde van de leveringsmaand en de dagtekening.',
  })
  vertragingInDagen!: number;

  /** WMO020 or JZ020 code. */
  productcategorieCode!: string;

  /** WJ756 code. */
  eenheidCode!: string;

  /** AGB code of the aanbieder that declared. */
  aanbiederAgb!: string;

  /** Id of the declaration this one corrects, if any. */
  correctieVanId!: string | null;
}

/** One page of declaraties. */
@ObjectType({ description: 'Een pagina declaratieregels.' })
export class DeclaratiePage {
  @Field(() => [Declaratie], { description: 'De declaratieregels op deze pagina, op dagtekening.' })
  items!: Declaratie[];

  @Field(() => PageInfo, { description: 'Gegevens over deze pagina.' })
  pageInfo!: PageInfo;
}
