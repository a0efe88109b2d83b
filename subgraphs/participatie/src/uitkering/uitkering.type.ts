import { PageInfo, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * A bijstandsuitkering (Participatiewet, IOAW, IOAZ or Bbz) of one resident. The class is also the
 * row shape of `uitkering.sql.ts`; the undecorated properties are codes and keys that the resolver
 * turns into `Code`, `Inwoner` and `Gemeente`.
 */
@Directive(requiresAuthentication)
@Directive(requiresScope(Scope.PERSOONSGEGEVENS))
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Een uitkering op grond van de Participatiewet (bijstand), IOAW, IOAZ of Bbz.' })
export class Uitkering {
  @Field(() => String, { description: 'Identificatie van de uitkering.' })
  id!: string;

  @Field(() => String, { description: 'CBS-code van de gemeente die de uitkering verstrekt ("0406").' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Netto uitkeringsbedrag per maand, in eurocent.' })
  bedragPerMaand!: number;

  @Field(() => String, { description: 'Eerste dag van de uitkering (JJJJ-MM-DD).' })
  ingangsdatum!: string;

  @Field(() => String, { nullable: true, description: 'Laatste dag van de uitkering (JJJJ-MM-DD); leeg zolang zij loopt.' })
  einddatum!: string | null;

  /** Pseudonym of the resident (toegang's Inwoner.id). */
  inwonerId!: string;
  /** UITKERING_REGELING code. */
  regelingCode!: string;
  /** NORMCATEGORIE code. */
  normcategorieCode!: string;
  /** UITKERING_REDEN_BEEINDIGING code, when ended. */
  redenBeeindigingCode!: string | null;
}

/** One page of uitkeringen. */
@ObjectType({ description: 'Een pagina uitkeringen.' })
export class UitkeringPage {
  @Field(() => [Uitkering], { description: 'De uitkeringen op deze pagina.' })
  items!: Uitkering[];

  @Field(() => PageInfo, { description: 'Gegevens over de pagina.' })
  pageInfo!: PageInfo;
}
