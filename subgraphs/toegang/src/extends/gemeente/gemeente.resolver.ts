import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, pageInfo, pageOf } from '@sociaal-graph/toolkit';
import { residentLoaders, type ToegangContext } from '../../context.js';
import { InwonerPage } from '../../inwoner/inwoner-page.type.js';
import { Gemeente } from './gemeente.type.js';

/** The fields toegang adds to Gemeente. */
@Resolver(() => Gemeente)
export class GemeenteResolver {
  @FieldResolver(() => InwonerPage, {
    description:
      'Inwoners van deze gemeente (geordend op id) voor zover de vrager voor minstens één wet de toegang van de gemeente uitvoert.',
  })
  async inwoners(@Root() gemeente: Gemeente, @Args(() => PageArgs) args: PageArgs, @Ctx() context: ToegangContext): Promise<InwonerPage> {
    const page = pageOf(args);
    const pagina = await residentLoaders(context).inwonerPagina({ wetten: null, ...page }).load(gemeente.code);
    return { items: pagina.inwoners, pageInfo: pageInfo(pagina.totaal, page, pagina.inwoners.length) };
  }
}
