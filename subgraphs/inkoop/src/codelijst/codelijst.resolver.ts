import { Code, codesOf, EENHEID, listSize } from '@sociaal-graph/toolkit';
import { Query, Resolver, Directive } from 'type-graphql';

/** Code lists the catalogue uses, for clients that build forms and filters. */
@Resolver()
export class CodelijstResolver {
  @Directive(listSize(EENHEID.size))
  @Query(() => [Code], { description: 'De eenheden van iWmo/iJw (WJ756), in de volgorde van de codelijst.' })
  eenheden(): Code[] {
    return codesOf(EENHEID);
  }
}
