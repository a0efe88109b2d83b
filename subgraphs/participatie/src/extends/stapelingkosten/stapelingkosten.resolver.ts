import {
  assertPlanStap, assertStatistiek, STAPELINGKOSTEN_VELDEN, type StapelingKostenVerwijzing, StapelingKostenpost, stapelingKostenStub, Wet,
} from '@sociaal-graph/toolkit';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ParticipatieContext } from '../../context.js';

/** Stub of toegang's StapelingKosten: participatie adds what the households' members cost under the Participatiewet. */
export const StapelingKosten = stapelingKostenStub();

@Resolver(() => StapelingKosten)
export class StapelingKostenResolver {
  @Directive('@inaccessible')
  @Directive('@requires(fields: "leden")')
  @FieldResolver(() => [StapelingKostenpost], { description: STAPELINGKOSTEN_VELDEN.participatiekosten })
  participatiekosten(@Root() kosten: StapelingKostenVerwijzing, @Ctx() { loaders, principal }: ParticipatieContext): Promise<StapelingKostenpost[]> {
    // toegang only asks within the statistiek mandate for all three laws; checked again here.
    assertPlanStap(principal, 'StapelingKosten.participatiekosten');
    assertStatistiek(Wet.PARTICIPATIEWET, principal.statistiek(Wet.PARTICIPATIEWET), [kosten.gemeenteCode]);
    return loaders.participatiekosten.load(kosten);
  }
}
