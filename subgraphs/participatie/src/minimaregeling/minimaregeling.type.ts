import { PageInfo, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * A minimaregeling granted to one resident for one year. Also the row shape of
 * `minimaregeling.sql.ts`; undecorated properties are codes and keys the resolver expands.
 */
@Directive(requiresAuthentication)
@Directive(requiresScope(Scope.PERSOONSGEGEVENS))
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Een toegekende minimaregeling (gemeentelijk minimabeleid) over één jaar.' })
export class Minimaregeling {
  @Field(() => String, { description: 'Identificatie van de toekenning.' })
  id!: string;

  @Field(() => String, { description: 'CBS-code van de gemeente die de regeling toekent ("0406").' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Jaar waarover de regeling is toegekend.' })
  jaar!: number;

  @Field(() => Int, { description: 'Toegekend bedrag, in eurocent.' })
  bedrag!: number;

  /** Pseudonym of the resident. */
  inwonerId!: string;
  /** MINIMAREGELING code. */
  regelingCode!: string;
}

/** One page of minimaregelingen. */
@ObjectType({ description: 'Een pagina minimaregelingen.' })
export class MinimaregelingPage {
  @Field(() => [Minimaregeling], { description: 'De toekenningen op deze pagina.' })
  items!: Minimaregeling[];

  @Field(() => PageInfo, { description: 'Gegevens over de pagina.' })
  pageInfo!: PageInfo;
}
