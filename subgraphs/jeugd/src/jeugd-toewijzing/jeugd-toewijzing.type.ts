import { Code, PageInfo, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { Verwijzing } from '../verwijzing/verwijzing.type.js';

/**
 * A jeugdhulp toewijzing (iJw 301 ToegewezenProduct), keyed by gemeente and ToewijzingNummer.
 * The class is also the database row: properties without `@Field` are codes and foreign keys that
 * the field resolvers (jeugd-toewijzing-fields.resolver.ts) turn into `Code`s and references.
 */
@Directive(requiresAuthentication)
@Directive(requiresScope(Scope.PERSOONSGEGEVENS))
@Directive('@key(fields: "gemeenteCode toewijzingsnummer")')
@ObjectType({
  description:
    'Een toewijzing van jeugdhulp (iJw 3.2, bericht 301) aan een jeugdige: welk product, bij welke aanbieder, ' +
    'in welke omvang en voor welke periode. Sleutel: gemeentecode en toewijzingsnummer.',
})
export class JeugdToewijzing {
  @Field(() => String, { description: 'CBS-gemeentecode (vier cijfers) van de gemeente die de jeugdhulp toewijst.' })
  gemeenteCode!: string;

  @Field(() => String, {
    description: 'iJw ToewijzingNummer: uniek per gemeente binnen de Jeugdwet.',
  })
  toewijzingsnummer!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Productcode (JZ21 of bilateraal); de eerste twee tekens zijn de productcategorie. Leeg bij een aspecifieke toewijzing.',
  })
  productcode!: string | null;

  @Field(() => String, { description: 'Leveringsvorm: "ZIN" (zorg in natura) of "PGB" (persoonsgebonden budget).' })
  leveringsvorm!: string;

  @Field(() => String, { description: 'Eerste dag waarop de jeugdhulp geleverd mag worden (JJJJ-MM-DD).' })
  ingangsdatum!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Laatste dag waarop de jeugdhulp geleverd mag worden (JJJJ-MM-DD); leeg zolang de toewijzing doorloopt.',
  })
  einddatum!: string | null;

  inwonerId!: string;
  productcategorieCode!: string;
  aanbiederAgb!: string;
  /** Null for a toewijzing taken in from a 301 of the backlog (no contract in the message). */
  contractId!: string | null;
  tariefId!: string | null;
  volume!: number | null;
  eenheidCode!: string | null;
  frequentieCode!: string | null;
  redenBeeindigingCode!: string | null;
  verwijzingId!: string | null;
  trajectId!: string | null;
  /** Its verwijzing, when the statement that read it joined it (`fetchToewijzingenBy`; `null`: none in scope). */
  verwijzingRij?: Verwijzing | null;
}

/** The omvang of a toewijzing: volume in an eenheid per frequentie (iJw Omvang). */
@ObjectType({ description: 'Omvang van een jeugdhulptoewijzing: volume in een eenheid per frequentie (iJw Omvang).' })
export class JeugdOmvang {
  @Field(() => Int, { description: 'Aantal eenheden per frequentie (bij eenheid 83 in eurocent).' })
  volume!: number;

  @Field(() => Code, { description: 'Eenheid uit codelijst WJ756 (bijvoorbeeld 04 Uur, 14 Etmaal).' })
  eenheid!: Code;

  @Field(() => Code, { description: 'Frequentie uit codelijst WMO757 (bijvoorbeeld 2 Per week).' })
  frequentie!: Code;
}

/** A page of jeugdhulp toewijzingen. */
@ObjectType({ description: 'Een pagina jeugdhulptoewijzingen.' })
export class JeugdToewijzingPage {
  @Field(() => [JeugdToewijzing], { description: 'De toewijzingen op deze pagina, nieuwste ingangsdatum eerst.' })
  items!: JeugdToewijzing[];

  @Field(() => PageInfo, { description: 'Totaal en positie van deze pagina.' })
  pageInfo!: PageInfo;
}
