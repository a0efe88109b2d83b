import { assertStatistiek, STAPELINGKOSTEN_VELDEN, StapelingKostenpost, Wet } from '@sociaal-graph/toolkit';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { InkoopContext } from '../../context.js';
import { sumDeclaratiesPerInwoner } from './stapelingkosten.sql.js';
import { StapelingKosten } from './stapelingkosten.type.js';

/** The declared Wmo and Jeugdwet amounts inkoop adds to the stacking answer (issue 4 item 7, the cost half). */
@Resolver(() => StapelingKosten)
export class StapelingKostenResolver {
  @Directive('@inaccessible')
  @Directive('@requires(fields: "wmoToewijzingen { inwonerId toewijzingsnummer } jeugdToewijzingen { inwonerId toewijzingsnummer }")')
  @FieldResolver(() => [StapelingKostenpost], { description: STAPELINGKOSTEN_VELDEN.zorgkosten })
  async zorgkosten(@Root() kosten: StapelingKosten, @Ctx() { db, principal }: InkoopContext): Promise<StapelingKostenpost[]> {
    // toegang only asks within the statistiek mandate for all three laws; checked again here.
    for (const wet of [Wet.WMO, Wet.JEUGDWET]) assertStatistiek(wet, principal.statistiek(wet), [kosten.gemeenteCode]);
    const toewijzingen = [
      ...(kosten.wmoToewijzingen ?? []).map((t) => ({ ...t, wet: Wet.WMO })),
      ...(kosten.jeugdToewijzingen ?? []).map((t) => ({ ...t, wet: Wet.JEUGDWET })),
    ];
    return toewijzingen.length === 0 ? [] : sumDeclaratiesPerInwoner(db, kosten.gemeenteCode, kosten.jaar, toewijzingen);
  }
}
