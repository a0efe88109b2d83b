import { assertGemeentecodes, assertJaar, formatEurocent, listSize } from '@sociaal-graph/toolkit';
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root, Directive } from 'type-graphql';
import type { SubsidiesContext } from '../context.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { fetchSubsidieTotalen } from './subsidie-totalen.sql.js';
import { SubsidieTotalen } from './subsidie-totalen.type.js';

/** The aggregate `subsidieTotalen`, computed in SQL, and its readable amounts. */
@Resolver(() => SubsidieTotalen)
export class SubsidieTotalenResolver {
  @Directive(listSize(1))
  @Query(() => [SubsidieTotalen], {
    description: 'Subsidietotalen per gevraagde gemeente over een jaar: verleend tegenover vastgesteld. Eén element per gemeente, in de gevraagde volgorde.',
  })
  async subsidieTotalen(
    @Arg('gemeenten', () => [String], { description: 'CBS-codes van de gemeenten ("0406").' }) gemeenten: string[],
    @Arg('jaar', () => Int, { description: 'Het subsidiejaar.' }) jaar: number,
    @Ctx() ctx: SubsidiesContext,
  ): Promise<SubsidieTotalen[]> {
    assertJaar(jaar);
    const codes = [...new Set(assertGemeentecodes(gemeenten))];
    const rows = await fetchSubsidieTotalen(ctx.db, codes, jaar);
    return rows.map((row) => ({ ...row, jaar }));
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente van de totalen.' })
  gemeente(@Root() totalen: SubsidieTotalen): Gemeente {
    return { code: totalen.gemeenteCode };
  }

  @FieldResolver(() => String, { description: 'Totaal verleend, leesbaar ("€ 1.234,56").' })
  verleendTekst(@Root() totalen: SubsidieTotalen): string {
    return formatEurocent(totalen.verleend);
  }

  @FieldResolver(() => String, { description: 'Totaal vastgesteld, leesbaar ("€ 1.234,56").' })
  vastgesteldTekst(@Root() totalen: SubsidieTotalen): string {
    return formatEurocent(totalen.vastgesteld);
  }

  @FieldResolver(() => String, { description: 'Verschil vastgesteld min verleend, leesbaar ("-€ 1.234,56").' })
  verschilTekst(@Root() totalen: SubsidieTotalen): string {
    return formatEurocent(totalen.verschil);
  }
}
