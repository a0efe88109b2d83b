import { Code, codesOf, JW_PRODUCTCATEGORIE, JW_REDEN_BEEINDIGING, VERWIJZER_TYPE } from '@sociaal-graph/toolkit';
import { Query, Resolver } from 'type-graphql';

/** The iJw code lists this subgraph uses, as queries (public information, no scope). */
@Resolver()
export class CodelijstResolver {
  @Query(() => [Code], { description: 'Productcategorieen van de Jeugdwet (iJw 3.2 codelijst JZ020: 31-38 en 40-55).' })
  jeugdProductcategorieen(): Code[] {
    return codesOf(JW_PRODUCTCATEGORIE);
  }

  @Query(() => [Code], {
    description: 'Redenen beeindiging van jeugdhulp (iJw 3.2 codelijst JZ588; code 31 betekent iets anders dan in de Wmo).',
  })
  jeugdRedenenBeeindiging(): Code[] {
    return codesOf(JW_REDEN_BEEINDIGING);
  }

  @Query(() => [Code], { description: 'Typen verwijzer naar jeugdhulp (codelijst COD327; er is geen 07).' })
  verwijzerTypen(): Code[] {
    return codesOf(VERWIJZER_TYPE);
  }
}
