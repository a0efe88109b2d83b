import { Code, codesOf, JW_PRODUCTCATEGORIE, JW_REDEN_BEEINDIGING, listSize, VERWIJZER_TYPE } from '@sociaal-graph/toolkit';
import { Query, Resolver, Directive } from 'type-graphql';

/** The iJw code lists this subgraph uses, as queries (public information, no scope). */
@Resolver()
export class CodelijstResolver {
  @Directive(listSize(JW_PRODUCTCATEGORIE.size))
  @Query(() => [Code], { description: 'Productcategorieen van de Jeugdwet (iJw 3.2 codelijst JZ020: 31-38 en 40-55).' })
  jeugdProductcategorieen(): Code[] {
    return codesOf(JW_PRODUCTCATEGORIE);
  }

  @Directive(listSize(JW_REDEN_BEEINDIGING.size))
  @Query(() => [Code], {
    description: 'Redenen beeindiging van jeugdhulp (iJw 3.2 codelijst JZ588; code 31 betekent iets anders dan in de Wmo).',
  })
  jeugdRedenenBeeindiging(): Code[] {
    return codesOf(JW_REDEN_BEEINDIGING);
  }

  @Directive(listSize(VERWIJZER_TYPE.size))
  @Query(() => [Code], { description: 'Typen verwijzer naar jeugdhulp (codelijst COD327; er is geen 07).' })
  verwijzerTypen(): Code[] {
    return codesOf(VERWIJZER_TYPE);
  }
}
