import { Code, codesOf, FREQUENTIE, listSize, WMO_PRODUCTCATEGORIE, WMO_REDEN_BEEINDIGING } from '@sociaal-graph/toolkit';
import { Directive, Query, Resolver } from 'type-graphql';

/** The code lists a client needs to read and filter Wmo toewijzingen. Public, no rows about residents. */
@Resolver()
export class WmoCodelijstResolver {
  @Directive(listSize(WMO_PRODUCTCATEGORIE.size))
  @Query(() => [Code], { description: 'Wmo-productcategorieen (iWmo 3.2 codelijst WMO020).' })
  wmoProductcategorieen(): Code[] {
    return codesOf(WMO_PRODUCTCATEGORIE);
  }

  @Directive(listSize(WMO_REDEN_BEEINDIGING.size))
  @Query(() => [Code], { description: 'Redenen van beeindiging van een Wmo-toewijzing (iWmo 3.2 codelijst WMO588).' })
  wmoRedenenBeeindiging(): Code[] {
    return codesOf(WMO_REDEN_BEEINDIGING);
  }

  // Shared by iWmo and iJw, so another subgraph may serve the same list: shareable, same answer everywhere.
  @Directive('@shareable')
  @Directive(listSize(FREQUENTIE.size))
  @Query(() => [Code], { description: 'Frequenties van een omvang (iWmo/iJw 3.2 codelijst WMO757).' })
  frequenties(): Code[] {
    return codesOf(FREQUENTIE);
  }
}
