import { Code, codesOf, EENHEID } from '@sociaal-graph/toolkit';
import { Query, Resolver } from 'type-graphql';

/** Code lists the catalogue uses, for clients that build forms and filters. */
@Resolver()
export class CodelijstResolver {
  @Query(() => [Code], { description: 'De eenheden van iWmo/iJw (WJ756), in de volgorde van de codelijst.' })
  eenheden(): Code[] {
    return codesOf(EENHEID);
  }
}
