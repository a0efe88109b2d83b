import { Arg, Ctx, FieldResolver, Query, Resolver, Root, Directive } from 'type-graphql';
import { listSize } from '@sociaal-graph/toolkit';
import type { GemeentenContext } from '../context.js';
import { Gemeente } from '../gemeente/gemeente.type.js';
import { Organisatie } from '../organisatie/organisatie.type.js';
import { fetchAlleSamenwerkingsverbanden } from './samenwerkingsverband.sql.js';
import { Samenwerkingsverband } from './samenwerkingsverband.type.js';

/** Lookups of samenwerkingsverbanden, their execution organisation and member gemeenten. */
@Resolver(() => Samenwerkingsverband)
export class SamenwerkingsverbandResolver {
  @Query(() => Samenwerkingsverband, { nullable: true, description: 'Eén samenwerkingsverband op code; null als het niet bestaat.' })
  samenwerkingsverband(
    @Arg('code', () => String, { description: 'Code: "hbel", "iasz" of "ijmond-werkt".' }) code: string,
    @Ctx() ctx: GemeentenContext,
  ) {
    return ctx.loaders.samenwerkingsverband.load(code);
  }

  @Directive(listSize(100))
  @Query(() => [Samenwerkingsverband], { description: 'Alle samenwerkingsverbanden, op naam gesorteerd.' })
  async samenwerkingsverbanden(@Ctx() ctx: GemeentenContext): Promise<Samenwerkingsverband[]> {
    const rows = await fetchAlleSamenwerkingsverbanden(ctx.db);
    for (const row of rows) ctx.loaders.samenwerkingsverband.prime(row.code, row);
    return rows;
  }

  @FieldResolver(() => Organisatie, {
    nullable: true,
    description: 'De gedeelde uitvoeringsorganisatie (bijvoorbeeld de HBEL-organisatie in Huizen).',
  })
  uitvoeringsorganisatie(@Root() verband: Samenwerkingsverband, @Ctx() ctx: GemeentenContext) {
    return ctx.loaders.organisatie.load(verband.organisatieId);
  }

  @Directive(listSize(50))
  @FieldResolver(() => [Gemeente], { description: 'De deelnemende gemeenten, op naam gesorteerd.' })
  gemeenten(@Root() verband: Samenwerkingsverband, @Ctx() ctx: GemeentenContext) {
    return ctx.loaders.gemeentenPerSamenwerkingsverband.load(verband.code);
  }
}
