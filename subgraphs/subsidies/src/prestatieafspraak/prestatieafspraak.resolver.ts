import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { SubsidiesContext } from '../context.js';
import { Subsidie } from '../subsidie/subsidie.type.js';
import { Prestatieafspraak } from './prestatieafspraak.type.js';

/** The fields of Prestatieafspraak derived from its numbers and keys. */
@Resolver(() => Prestatieafspraak)
export class PrestatieafspraakResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Gerealiseerd als percentage van afgesproken (100 is precies gehaald); leeg zonder realisatie of afspraak.',
  })
  realisatiePercentage(@Root() afspraak: Prestatieafspraak): number | null {
    if (afspraak.gerealiseerd === null || afspraak.afgesproken === 0) return null;
    return Math.round((afspraak.gerealiseerd / afspraak.afgesproken) * 1000) / 10;
  }

  @FieldResolver(() => Subsidie, { description: 'De subsidie waar de afspraak bij hoort.' })
  subsidie(@Root() afspraak: Prestatieafspraak, @Ctx() ctx: SubsidiesContext): Promise<Subsidie | null> {
    return ctx.loaders.subsidie.load(afspraak.subsidieId);
  }
}
