import { Code, codeOf, EENHEID, formatEurocent } from '@sociaal-graph/toolkit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { InkoopContext } from '../context.js';
import { mustExist } from '../invariant.js';
import { Product } from '../product/product.type.js';
import { Tarief } from './tarief.type.js';

/** Derived fields of a tariff. */
@Resolver(() => Tarief)
export class TariefResolver {
  @FieldResolver(() => String, { description: 'Bedrag per eenheid zoals een mens het leest ("€ 64,80").' })
  bedragTekst(@Root() tarief: Tarief): string {
    return formatEurocent(tarief.bedrag);
  }

  @FieldResolver(() => Code, { nullable: true, description: 'Eenheid waarvoor het bedrag geldt (WJ756).' })
  eenheid(@Root() tarief: Tarief): Code | null {
    return codeOf(EENHEID, tarief.eenheidCode);
  }

  @FieldResolver(() => Product, { description: 'Product waarvoor het tarief geldt.' })
  async product(@Root() tarief: Tarief, @Ctx() { loaders }: InkoopContext): Promise<Product> {
    return mustExist(await loaders.product.load(tarief.productId), `product ${tarief.productId}`);
  }
}
