import { Arg, Ctx, FieldResolver, Int, Resolver, Root, Directive } from 'type-graphql';
import { listSize } from '@sociaal-graph/toolkit';
import type { SubsidiesContext } from '../../context.js';
import { assertSubsidieJaar } from '../../subsidie/subsidie.input.js';
import { Subsidie } from '../../subsidie/subsidie.type.js';
import { Gemeente } from './gemeente.type.js';

/** The subsidy fields this subgraph adds to Gemeente. */
@Resolver(() => Gemeente)
export class GemeenteResolver {
  @Directive(listSize(100))
  @FieldResolver(() => [Subsidie], {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true, description: 'Subsidies die deze gemeente verleent, nieuwste jaar eerst; eventueel van één jaar.' })
  subsidies(
    @Root() gemeente: Gemeente,
    @Arg('jaar', () => Int, { nullable: true, description: 'Alleen subsidies over dit jaar.' }) jaar: number | null | undefined,
    @Ctx() ctx: SubsidiesContext,
  ): Promise<Subsidie[]> {
    return ctx.loaders.subsidiesByGemeente(assertSubsidieJaar(jaar)).load(gemeente.code);
  }
}
