import {
  assertGemeentecode,
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
import { SCHULDHULP_FASE } from '../codelists.js';
import type { ParticipatieContext } from '../context.js';
import { VERWERKING } from '../loaders.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { Inwoner } from '../extends/inwoner/inwoner.type.js';
import { participatieScope } from '../scope.js';
import { SchuldhulptrajectenArgs } from './schuldhulptraject.input.js';
import { fetchSchuldhulptrajectPage } from './schuldhulptraject.sql.js';
import { Schuldhulptraject, SchuldhulptrajectPage } from './schuldhulptraject.type.js';

/** Queries for schuldhulptrajecten and the fields derived from their codes and keys. */
@Resolver(() => Schuldhulptraject)
export class SchuldhulptrajectResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Query(() => SchuldhulptrajectPage, {
    nullable: true,
    description: 'Schuldhulptrajecten binnen het mandaat van de aanvrager, nieuwste eerst.',
  })
  async schuldhulptrajecten(
    @Args(() => SchuldhulptrajectenArgs) args: SchuldhulptrajectenArgs,
    @Ctx() ctx: ParticipatieContext,
  ): Promise<SchuldhulptrajectPage> {
    const page = pageOf(args);
    const filter = {
      scope: participatieScope(ctx.principal),
      gemeente: args.gemeente == null ? null : assertGemeentecode(args.gemeente, 'gemeente'),
    };
    const { totaal, items } = await fetchSchuldhulptrajectPage(ctx.db, filter, page);
    ctx.logboek.registreer(VERWERKING.SCHULDHULPTRAJECT_LEZEN, items.map((item) => item.inwonerId));
    return { items, pageInfo: pageInfo(totaal, page, items.length) };
  }

  @FieldResolver(() => Code, { description: 'Fase van het traject.' })
  fase(@Root() traject: Schuldhulptraject): Code | null {
    return codeOf(SCHULDHULP_FASE, traject.faseCode);
  }

  @FieldResolver(() => String, { description: 'Schuldbedrag, leesbaar ("€ 1.234,56").' })
  schuldbedragTekst(@Root() traject: Schuldhulptraject): string {
    return formatEurocent(traject.schuldbedrag);
  }

  @FieldResolver(() => Inwoner, { nullable: true, description: 'De inwoner die schuldhulp krijgt.' })
  inwoner(@Root() traject: Schuldhulptraject): Inwoner {
    return { id: traject.inwonerId };
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente die de schuldhulp biedt.' })
  gemeente(@Root() traject: Schuldhulptraject): Gemeente {
    return { code: traject.gemeenteCode };
  }
}
