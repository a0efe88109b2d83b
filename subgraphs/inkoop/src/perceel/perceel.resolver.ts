import { Ctx, FieldResolver, Resolver, Root, Directive } from 'type-graphql';
import { listSize } from '@sociaal-graph/toolkit';
import type { InkoopContext } from '../context.js';
import { Contract } from '../contract/contract.type.js';
import { mustExist } from '../invariant.js';
import { Product } from '../product/product.type.js';
import { Perceel } from './perceel.type.js';
import { MAX_PRODUCTEN_PER_PERCEEL } from '../lijstgrenzen.js';

/** Fields that lead from a perceel to its contract and products. */
@Resolver(() => Perceel)
export class PerceelResolver {
  @Directive(listSize(MAX_PRODUCTEN_PER_PERCEEL))
  @FieldResolver(() => [Product], { description: 'Producten van het perceel, op productcode.' })
  producten(@Root() perceel: Perceel, @Ctx() { loaders }: InkoopContext): Promise<Product[]> {
    return loaders.productenByPerceel.load(perceel.id);
  }

  @FieldResolver(() => Contract, { description: 'Contract waartoe het perceel behoort.' })
  async contract(@Root() perceel: Perceel, @Ctx() { loaders }: InkoopContext): Promise<Contract> {
    return mustExist(await loaders.contract.load(perceel.contractId), `contract ${perceel.contractId}`);
  }
}
