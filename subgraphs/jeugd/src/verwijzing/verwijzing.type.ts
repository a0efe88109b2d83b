import { PageInfo, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A referral to jeugdhulp (iJw 315 Verwijzer): who referred the young person, and when. The class
 * is also the database row; `inwonerId` and `verwijzerTypeCode` become references and a `Code` in
 * verwijzing.resolver.ts.
 */
@Directive(requiresAuthentication)
@Directive(requiresScope(Scope.PERSOONSGEGEVENS))
@ObjectType({
  description:
    'Een verwijzing naar jeugdhulp (iJw 3.2 Verwijzer): wie de jeugdige heeft verwezen en wanneer. ' +
    'De toewijzingen die erop volgden staan onder toewijzingen.',
})
export class Verwijzing {
  @Field(() => ID, { description: 'Identificatie van de verwijzing.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Naam van de verwijzer (praktijk, instelling); leeg als die niet is vastgelegd.' })
  verwijzerNaam!: string | null;

  @Field(() => String, { description: 'Datum van de verwijzing (JJJJ-MM-DD).' })
  datum!: string;

  @Field(() => String, { description: 'CBS-gemeentecode van de gemeente waar de verwijzing binnenkwam.' })
  gemeenteCode!: string;

  inwonerId!: string;
  verwijzerTypeCode!: string;
}

/** A page of verwijzingen. */
@ObjectType({ description: 'Een pagina verwijzingen naar jeugdhulp.' })
export class JeugdVerwijzingPage {
  @Field(() => [Verwijzing], { description: 'De verwijzingen op deze pagina, nieuwste eerst.' })
  items!: Verwijzing[];

  @Field(() => PageInfo, { description: 'Totaal en positie van deze pagina.' })
  pageInfo!: PageInfo;
}
