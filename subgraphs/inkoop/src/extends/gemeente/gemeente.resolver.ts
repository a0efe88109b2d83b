import { listSize, Wet } from '@sociaal-graph/toolkit';
import { Arg, Ctx, FieldResolver, Resolver, Root, Directive } from 'type-graphql';
import type { InkoopContext } from '../../context.js';
import { Contract } from '../../contract/contract.type.js';
import { Gemeente } from './gemeente.type.js';

/** The fields inkoop adds to Gemeente. */
@Resolver(() => Gemeente)
export class GemeenteResolver {
  @Directive(listSize(50))
  @FieldResolver(() => [Contract], {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description: 'Contracten (regionaal of lokaal) waaraan deze gemeente deelneemt, op naam. Openbaar.',
  })
  contracten(
    @Root() gemeente: Gemeente,
    @Arg('wet', () => Wet, { nullable: true, description: 'Alleen contracten onder deze wet; leeg voor alle.' })
    wet: Wet | null | undefined,
    @Ctx() { loaders }: InkoopContext,
  ): Promise<Contract[]> {
    return loaders.contractenByGemeente(wet ?? null).load(gemeente.code);
  }
}
