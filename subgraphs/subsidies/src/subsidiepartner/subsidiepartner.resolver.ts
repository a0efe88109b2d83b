import { badUserInput, Code, codeOf, listSize, pageInfo, pageOf } from '@sociaal-graph/toolkit';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root, Directive } from 'type-graphql';
import { SUBSIDIE_THEMA } from '../codelists.js';
import type { SubsidiesContext } from '../context.js';
import { assertRecordId } from '../ids.js';
import { assertSubsidieJaar } from '../subsidie/subsidie.input.js';
import { Subsidie } from '../subsidie/subsidie.type.js';
import { SubsidiepartnersArgs } from './subsidiepartner.input.js';
import { fetchSubsidiepartnerPage } from './subsidiepartner.sql.js';
import { Subsidiepartner, SubsidiepartnerPage } from './subsidiepartner.type.js';

/** Queries for subsidiepartners and their derived fields. */
@Resolver(() => Subsidiepartner)
export class SubsidiepartnerResolver {
  @Query(() => Subsidiepartner, { nullable: true, description: 'Eén subsidiepartner op identificatie; leeg als die niet bestaat.' })
  subsidiepartner(@Arg('id', () => String, { description: 'Identificatie van de partner ("sp-0406-welzijn").' }) id: string, @Ctx() ctx: SubsidiesContext): Promise<Subsidiepartner | null> {
    return ctx.loaders.subsidiepartner.load(assertRecordId(id, 'subsidiepartner'));
  }

  @Query(() => SubsidiepartnerPage, { description: 'Subsidiepartners op naam, eventueel van één thema.' })
  async subsidiepartners(
    @Args(() => SubsidiepartnersArgs) args: SubsidiepartnersArgs,
    @Ctx() ctx: SubsidiesContext,
  ): Promise<SubsidiepartnerPage> {
    const page = pageOf(args);
    const thema = args.thema == null ? null : assertThema(args.thema);
    const { totaal, items } = await fetchSubsidiepartnerPage(ctx.db, { thema }, page);
    return { items, pageInfo: pageInfo(totaal, page, items.length) };
  }

  @FieldResolver(() => Code, { description: 'Thema waarop de partner actief is.' })
  thema(@Root() partner: Subsidiepartner): Code | null {
    return codeOf(SUBSIDIE_THEMA, partner.themaCode);
  }

  @Directive(listSize(100))
  @FieldResolver(() => [Subsidie], { description: 'Subsidies aan deze partner, nieuwste jaar eerst; eventueel van één jaar.' })
  subsidies(
    @Root() partner: Subsidiepartner,
    @Arg('jaar', () => Int, { nullable: true, description: 'Alleen subsidies over dit jaar.' }) jaar: number | null | undefined,
    @Ctx() ctx: SubsidiesContext,
  ): Promise<Subsidie[]> {
    return ctx.loaders.subsidiesByPartner(assertSubsidieJaar(jaar)).load(partner.id);
  }
}

function assertThema(code: string): string {
  if (!SUBSIDIE_THEMA.has(code)) {
    const bekend = [...SUBSIDIE_THEMA.keys()].join(', ');
    throw badUserInput(`"${code}" is geen thema van subsidiepartners; kies uit ${bekend}.`, { argument: 'thema' });
  }
  return code;
}
