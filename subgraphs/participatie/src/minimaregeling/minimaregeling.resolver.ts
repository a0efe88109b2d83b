import {
  assertGemeentecode,
  assertJaar,
  Code,
  codeOf,
  formatEurocent,
  pageInfo,
  pageOf,
  requiresAuthentication,
  requiresScope,
  Scope,
} from '@sociaal-graph/toolkit';
import { Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { MINIMAREGELING } from '../codelists.js';
import type { ParticipatieContext } from '../context.js';
import { VERWERKING } from '../loaders.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { Inwoner } from '../extends/inwoner/inwoner.type.js';
import { participatieScope } from '../scope.js';
import { MinimaregelingenArgs } from './minimaregeling.input.js';
import { fetchMinimaregelingPage } from './minimaregeling.sql.js';
import { Minimaregeling, MinimaregelingPage } from './minimaregeling.type.js';

/** Queries for minimaregelingen and the fields derived from their codes and keys. */
@Resolver(() => Minimaregeling)
export class MinimaregelingResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Query(() => MinimaregelingPage, {
    nullable: true,
    description: 'Toegekende minimaregelingen binnen het mandaat van de aanvrager, nieuwste jaar eerst.',
  })
  async minimaregelingen(
    @Args(() => MinimaregelingenArgs) args: MinimaregelingenArgs,
    @Ctx() ctx: ParticipatieContext,
  ): Promise<MinimaregelingPage> {
    const page = pageOf(args);
    const filter = {
      scope: participatieScope(ctx.principal),
      gemeente: args.gemeente == null ? null : assertGemeentecode(args.gemeente, 'gemeente'),
      jaar: args.jaar == null ? null : assertJaar(args.jaar),
    };
    const { totaal, items } = await fetchMinimaregelingPage(ctx.db, filter, page);
    ctx.logboek.registreer(VERWERKING.MINIMAREGELING_LEZEN, items.map((item) => item.inwonerId));
    return { items, pageInfo: pageInfo(totaal, page, items.length) };
  }

  @FieldResolver(() => Code, { description: 'De regeling die is toegekend.' })
  regeling(@Root() toekenning: Minimaregeling): Code | null {
    return codeOf(MINIMAREGELING, toekenning.regelingCode);
  }

  @FieldResolver(() => String, { description: 'Toegekend bedrag, leesbaar ("€ 1.234,56").' })
  bedragTekst(@Root() toekenning: Minimaregeling): string {
    return formatEurocent(toekenning.bedrag);
  }

  @FieldResolver(() => Inwoner, { nullable: true, description: 'De inwoner aan wie de regeling is toegekend.' })
  inwoner(@Root() toekenning: Minimaregeling): Inwoner {
    return { id: toekenning.inwonerId };
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente die de regeling toekent.' })
  gemeente(@Root() toekenning: Minimaregeling): Gemeente {
    return { code: toekenning.gemeenteCode };
  }
}
