import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Directive, Info, Query, Resolver } from 'type-graphql';
import {
  asksPageInfo,
  assertGemeentecode,
  assertInwonerId,
  pageOf,
  requiresAuthentication,
  requiresScope,
  Scope,
} from '@sociaal-graph/toolkit';
import { residentLoaders, type ToegangContext } from '../context.js';
import { WETTEN } from '../scope.js';
import { assertBsn } from './bsn.js';
import { InwonerPage, inwonerPage } from './inwoner-page.type.js';
import { InwonersArgs } from './inwoner.input.js';
import { Inwoner } from './inwoner.type.js';

/** Root fields that find residents. Every lookup is limited to the caller's scope in SQL. */
@Resolver(() => Inwoner)
export class InwonerResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Query(() => Inwoner, {
    nullable: true,
    description: 'Eén inwoner op pseudoniem; null als die niet bestaat of buiten het mandaat van de vrager valt.',
  })
  inwoner(@Arg('id', () => String, { description: 'Pseudoniem (32 hexadecimale tekens).' }) id: string, @Ctx() context: ToegangContext) {
    return residentLoaders(context).inwoner.load(assertInwonerId(id));
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.BSN))
  @Query(() => Inwoner, {
    nullable: true,
    description:
      'Eén inwoner op BSN (persoonsgegeven als zoeksleutel); null als die niet bekend is of buiten het mandaat valt. Een BSN dat niet aan de elfproef voldoet, wordt geweigerd.',
  })
  inwonerOpBsn(@Arg('bsn', () => String, { description: 'Burgerservicenummer, negen cijfers.' }) bsn: string, @Ctx() context: ToegangContext) {
    return residentLoaders(context).inwonerOpBsn.load(assertBsn(bsn));
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Query(() => InwonerPage, {
    nullable: true,
    description:
      'Inwoners van een gemeente, geordend op id, optioneel alleen wie een melding heeft onder elk van de opgegeven wetten (bijvoorbeeld Wmo, Jeugdwet én Participatiewet).',
  })
  async inwoners(@Args(() => InwonersArgs) args: InwonersArgs, @Ctx() context: ToegangContext, @Info() info: GraphQLResolveInfo): Promise<InwonerPage> {
    const gemeente = assertGemeentecode(args.gemeente, 'gemeente');
    const page = pageOf(args);
    const wetten = args.wetten ? WETTEN.filter((wet) => args.wetten?.includes(wet)) : null;
    // The resident view asks one page and no total: the count of every match is made only when asked.
    const pagina = await residentLoaders(context).inwonerPagina({ wetten, ...page, metTotaal: asksPageInfo(info) }).load(gemeente);
    return inwonerPage(pagina, page);
  }
}
