import { assertGemeentecode, badUserInput, listSize, pageInfo, pageOf } from '@sociaal-graph/toolkit';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, Directive } from 'type-graphql';
import type { GemeentenContext } from '../context.js';
import { Regio } from '../regio/regio.type.js';
import { Samenwerkingsverband } from '../samenwerkingsverband/samenwerkingsverband.type.js';
import { GemeentenArgs } from './gemeente.input.js';
import { fetchGemeentePage } from './gemeente.sql.js';
import { Gemeente, GemeentePage } from './gemeente.type.js';

const REGIOCODE = /^[a-z0-9-]{1,64}$/;

/** Lookups of gemeenten and the gemeente's own relations (regio, samenwerkingsverbanden). */
@Resolver(() => Gemeente)
export class GemeenteResolver {
  @Query(() => Gemeente, {
    nullable: true,
    description: 'Eén gemeente op CBS-gemeentecode; null als de code niet bestaat. Een misvormde code geeft BAD_USER_INPUT.',
  })
  gemeente(@Arg('code', () => String, { description: 'CBS-gemeentecode, vier cijfers ("0406").' }) code: string, @Ctx() ctx: GemeentenContext) {
    return ctx.loaders.gemeente.load(assertGemeentecode(code));
  }

  @Query(() => GemeentePage, { description: 'Gemeenten op naam gesorteerd, per pagina; optioneel alleen die van één regio.' })
  async gemeenten(@Args(() => GemeentenArgs) args: GemeentenArgs, @Ctx() ctx: GemeentenContext): Promise<GemeentePage> {
    const page = pageOf(args);
    const regio = args.regio ?? null;
    if (regio !== null && !REGIOCODE.test(regio)) {
      throw badUserInput(`"${regio}" is geen regiocode (kleine letters, cijfers en streepjes, bijvoorbeeld "regio-gv").`, {
        argument: 'regio',
      });
    }
    const { rows, total } = await fetchGemeentePage(ctx.db, { regio, ...page });
    for (const row of rows) ctx.loaders.gemeente.prime(row.code, row);
    return { items: rows, pageInfo: pageInfo(total, page, rows.length) };
  }

  @FieldResolver(() => Regio, {
    nullable: true,
    description: 'De regio die voor deze gemeente zorg inkoopt (bijvoorbeeld Regio Gooi en Vechtstreek).',
  })
  regio(@Root() gemeente: Gemeente, @Ctx() ctx: GemeentenContext) {
    return ctx.loaders.regio.load(gemeente.regioCode);
  }

  @Directive(listSize(20))
  @FieldResolver(() => [Samenwerkingsverband], {
    description: 'Samenwerkingsverbanden waarin de gemeente de uitvoering deelt (HBEL, IASZ, IJmond Werkt); leeg als er geen zijn.',
  })
  samenwerkingsverbanden(@Root() gemeente: Gemeente, @Ctx() ctx: GemeentenContext) {
    return ctx.loaders.samenwerkingsverbandenPerGemeente.load(gemeente.code);
  }
}
