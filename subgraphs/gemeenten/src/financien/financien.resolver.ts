import { assertJaar, Code, codesOf, listSize } from '@sociaal-graph/toolkit';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root, Directive } from 'type-graphql';
import type { GemeentenContext } from '../context.js';
import { Gemeente } from '../gemeente/gemeente.type.js';
import { financienSleutel } from './financien.sql.js';
import { JaarFinancien, TaakveldFinancien } from './financien.type.js';
import { assertTaakveld, IV3_TAAKVELD } from './iv3-taakvelden.js';

/** A gemeente's Iv3 figures (per taakveld and per year) and the Iv3 code list. */
@Resolver(() => Gemeente)
export class GemeenteFinancienResolver {
  @Directive(listSize(100))
  @Query(() => [Code], {
    description:
      'De Iv3-taakvelden van programma 6 (sociaal domein), Iv3-informatievoorschrift 2023; de codes van voor 2023 (6.71, 6.72, 6.81, 6.82) staan erbij voor tijdreeksen.',
  })
  iv3Taakvelden(): Code[] {
    return codesOf(IV3_TAAKVELD);
  }

  @Directive(listSize(600))
  @FieldResolver(() => [TaakveldFinancien], {
    description:
      'Begroting, prognose, realisatie en tekort per jaar en Iv3-taakveld, gesorteerd op jaar en taakveld. Een taakveld zonder letter ("6.71") selecteert ook de onderverdeling (6.71a-d).',
  })
  financien(
    @Root() gemeente: Gemeente,
    @Arg('jaar', () => Int, { nullable: true, description: 'Alleen dit begrotingsjaar; standaard alle jaren.' }) jaar: number | null | undefined,
    @Arg('taakveld', () => String, { nullable: true, description: 'Alleen dit Iv3-taakveld (en de onderverdeling ervan).' })
    taakveld: string | null | undefined,
    @Ctx() ctx: GemeentenContext,
  ): Promise<TaakveldFinancien[]> {
    const sleutel = financienSleutel(
      gemeente.code,
      jaar == null ? null : assertJaar(jaar),
      taakveld == null ? null : assertTaakveld(taakveld),
    );
    return ctx.loaders.taakveldFinancien.load(sleutel);
  }

  @Directive(listSize(20))
  @FieldResolver(() => [JaarFinancien], {
    description: 'Totalen per jaar over alle Iv3-taakvelden van programma 6, gesorteerd op jaar.',
  })
  financienPerJaar(
    @Root() gemeente: Gemeente,
    @Arg('jaar', () => Int, { nullable: true, description: 'Alleen dit begrotingsjaar; standaard alle jaren.' }) jaar: number | null | undefined,
    @Ctx() ctx: GemeentenContext,
  ): Promise<JaarFinancien[]> {
    return ctx.loaders.jaarFinancien.load(financienSleutel(gemeente.code, jaar == null ? null : assertJaar(jaar)));
  }
}
