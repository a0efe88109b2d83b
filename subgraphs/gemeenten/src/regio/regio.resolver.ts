import { Arg, Ctx, FieldResolver, Query, Resolver, Root, Directive } from 'type-graphql';
import { listSize } from '@sociaal-graph/toolkit';
import type { GemeentenContext } from '../context.js';
import { Gemeente } from '../gemeente/gemeente.type.js';
import { Organisatie } from '../organisatie/organisatie.type.js';
import { fetchAlleRegios } from './regio.sql.js';
import { Regio } from './regio.type.js';

/** Lookups of regions, their organisation and their member gemeenten. */
@Resolver(() => Regio)
export class RegioResolver {
  @Query(() => Regio, { nullable: true, description: 'Eén regio op code; null als die niet bestaat.' })
  regio(@Arg('code', () => String, { description: 'Regiocode, bijvoorbeeld "regio-gv".' }) code: string, @Ctx() ctx: GemeentenContext) {
    return ctx.loaders.regio.load(code);
  }

  @Directive(listSize(50))
  @Query(() => [Regio], { description: 'Alle regio\'s, op naam gesorteerd (een korte referentielijst).' })
  async regios(@Ctx() ctx: GemeentenContext): Promise<Regio[]> {
    const rows = await fetchAlleRegios(ctx.db);
    for (const row of rows) ctx.loaders.regio.prime(row.code, row);
    return rows;
  }

  @FieldResolver(() => Organisatie, {
    nullable: true,
    description: 'De regionale organisatie die inkoopt en contracten beheert; null als de regio er geen heeft.',
  })
  organisatie(@Root() regio: Regio, @Ctx() ctx: GemeentenContext) {
    return regio.organisatieId === null ? null : ctx.loaders.organisatie.load(regio.organisatieId);
  }

  @Directive(listSize(50))
  @FieldResolver(() => [Gemeente], { description: 'De gemeenten van de regio, op naam gesorteerd.' })
  gemeenten(@Root() regio: Regio, @Ctx() ctx: GemeentenContext) {
    return ctx.loaders.gemeentenPerRegio.load(regio.code);
  }
}
