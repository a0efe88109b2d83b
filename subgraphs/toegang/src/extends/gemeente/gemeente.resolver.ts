import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Directive, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { asksPageInfo, PageArgs, pageOf, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { residentLoaders, type ToegangContext } from '../../context.js';
import { InwonerPage, inwonerPage } from '../../inwoner/inwoner-page.type.js';
import { Gemeente } from './gemeente.type.js';

/** The fields toegang adds to Gemeente. */
@Resolver(() => Gemeente)
export class GemeenteResolver {
  // `Gemeente.inwoners` is the gemeenten subgraph's number of inhabitants; these are the toegang's clients.
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @FieldResolver(() => InwonerPage, {
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    nullable: true,
    description:
      'Cliënten van de toegang in deze gemeente: inwoners met een melding of aanvraag (geordend op id), voor zover zichtbaar voor de vrager: allen als die de toegang van de gemeente voor elke wet uitvoert, anders wie een melding heeft onder een wet waarvan de vrager hier de toegang uitvoert.',
  })
  async clienten(@Root() gemeente: Gemeente, @Args(() => PageArgs) args: PageArgs, @Ctx() context: ToegangContext, @Info() info: GraphQLResolveInfo): Promise<InwonerPage> {
    const page = pageOf(args);
    const pagina = await residentLoaders(context).inwonerPagina({ wetten: null, ...page, metTotaal: asksPageInfo(info) }).load(gemeente.code);
    return inwonerPage(pagina, page);
  }
}
