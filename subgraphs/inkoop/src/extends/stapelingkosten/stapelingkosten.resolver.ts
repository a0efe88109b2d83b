import { assertPlanStap, assertStatistiek, STAPELINGKOSTEN_VELDEN, StapelingKostenpost, Wet } from '@sociaal-graph/toolkit';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { InkoopContext } from '../../context.js';
import { StapelingKosten } from './stapelingkosten.type.js';

/** The declared Wmo and Jeugdwet amounts inkoop adds to the stacking answer (issue 4 item 7, the cost half). */
@Resolver(() => StapelingKosten)
export class StapelingKostenResolver {
  @Directive('@inaccessible')
  @Directive('@requires(fields: "wmoToewijzingen { inwonerId toewijzingsnummer } jeugdToewijzingen { inwonerId toewijzingsnummer }")')
  @FieldResolver(() => [StapelingKostenpost], { description: STAPELINGKOSTEN_VELDEN.zorgkosten })
  zorgkosten(@Root() kosten: StapelingKosten, @Ctx() { loaders, principal }: InkoopContext): Promise<StapelingKostenpost[]> {
    // toegang only asks within the statistiek mandate for all three laws; checked again here.
    assertPlanStap(principal, 'StapelingKosten.zorgkosten');
    for (const wet of [Wet.WMO, Wet.JEUGDWET]) assertStatistiek(wet, principal.statistiek(wet), [kosten.gemeenteCode]);
    return loaders.zorgkosten.load(kosten);
  }
}
