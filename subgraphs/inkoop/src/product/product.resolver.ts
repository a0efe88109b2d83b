import { assertDatum, Code, codeOf, EENHEID, FREQUENTIE, JW_PRODUCTCATEGORIE, listSize, Wet, WMO_PRODUCTCATEGORIE } from '@sociaal-graph/toolkit';
import { Arg, Ctx, FieldResolver, Resolver, Root, Directive } from 'type-graphql';
import type { InkoopContext } from '../context.js';
import { tariefOp } from '../tarief/tarief.sql.js';
import { Tarief } from '../tarief/tarief.type.js';
import { Product } from './product.type.js';
import { MAX_TARIEVEN_PER_PRODUCT } from '../lijstgrenzen.js';

/** Code fields and tariffs of a product. */
@Resolver(() => Product)
export class ProductResolver {
  @FieldResolver(() => Code, {
    nullable: true,
    description: 'Productcategorie uit WMO020 (Wmo) of JZ020 (Jeugdwet), naar de wet van het product.',
  })
  productcategorie(@Root() product: Product): Code | null {
    const lijst = product.wet === Wet.JEUGDWET ? JW_PRODUCTCATEGORIE : WMO_PRODUCTCATEGORIE;
    return codeOf(lijst, product.productcategorieCode);
  }

  @FieldResolver(() => Code, { nullable: true, description: 'Eenheid waarin het product geleverd wordt (WJ756).' })
  eenheid(@Root() product: Product): Code | null {
    return codeOf(EENHEID, product.eenheidCode);
  }

  @FieldResolver(() => Code, { nullable: true, description: 'Frequentie waarmee het volume geldt (WMO757).' })
  frequentie(@Root() product: Product): Code | null {
    return codeOf(FREQUENTIE, product.frequentieCode);
  }

  @Directive(listSize(MAX_TARIEVEN_PER_PRODUCT))
  @FieldResolver(() => [Tarief], { description: 'Alle tarieven van het product, oudste eerst.' })
  tarieven(@Root() product: Product, @Ctx() { loaders }: InkoopContext): Promise<Tarief[]> {
    return loaders.tarievenByProduct.load(product.id);
  }

  @FieldResolver(() => Tarief, { nullable: true, description: 'Het tarief dat op een datum geldt; leeg als er geen is.' })
  async tariefOp(
    @Root() product: Product,
    @Arg('datum', () => String, { description: 'Datum (JJJJ-MM-DD).' }) datum: string,
    @Ctx() { loaders }: InkoopContext,
  ): Promise<Tarief | null> {
    assertDatum(datum, 'datum');
    return tariefOp(await loaders.tarievenByProduct.load(product.id), datum);
  }
}
