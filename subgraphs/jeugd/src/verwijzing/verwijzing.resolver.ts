import { assertGemeentecode, Code, listSize, pageInfo, pageOf, requiresAuthentication, requiresScope, Scope, VERWIJZER_TYPE } from '@sociaal-graph/toolkit';
import { Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { knownCode } from '../codelijst/known-code.js';
import type { JeugdContext } from '../context.js';
import { VERWERKING } from '../loaders.js';
import { jeugdGemeenten } from '../scope.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { Inwoner } from '../extends/inwoner/inwoner.type.js';
import { JeugdToewijzing } from '../jeugd-toewijzing/jeugd-toewijzing.type.js';
import { JeugdVerwijzingenArgs } from './verwijzing.input.js';
import { findVerwijzingen } from './verwijzing.sql.js';
import { JeugdVerwijzingPage, Verwijzing } from './verwijzing.type.js';

/** The `jeugdVerwijzingen` list and the fields of a verwijzing. */
@Resolver(() => Verwijzing)
export class VerwijzingResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Query(() => JeugdVerwijzingPage, {
    nullable: true,
    description: 'Verwijzingen naar jeugdhulp binnen uw mandaat (Jeugdwet, uitvoering), nieuwste eerst.',
  })
  async jeugdVerwijzingen(
    @Args(() => JeugdVerwijzingenArgs) args: JeugdVerwijzingenArgs,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdVerwijzingPage> {
    const gemeente = args.gemeente == null ? null : assertGemeentecode(args.gemeente, 'gemeente');
    const page = pageOf(args);
    const { rows, total } = await findVerwijzingen(context.db, gemeente, jeugdGemeenten(context.principal), page);
    context.logboek.registreer(VERWERKING.VERWIJZING_LEZEN, rows.map((row) => row.inwonerId));
    return { items: rows, pageInfo: pageInfo(total, page, rows.length) };
  }

  @FieldResolver(() => Code, { description: 'Type verwijzer (codelijst COD327, bijvoorbeeld 02 Huisarts).' })
  verwijzerType(@Root() verwijzing: Verwijzing): Code {
    return knownCode(VERWIJZER_TYPE, verwijzing.verwijzerTypeCode);
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente waar de verwijzing binnenkwam.' })
  gemeente(@Root() verwijzing: Verwijzing): Gemeente {
    return { code: verwijzing.gemeenteCode };
  }

  @FieldResolver(() => Inwoner, { nullable: true, description: 'De verwezen jeugdige.' })
  inwoner(@Root() verwijzing: Verwijzing): Inwoner {
    return { id: verwijzing.inwonerId };
  }

  @Directive(listSize(20))
  @FieldResolver(() => [JeugdToewijzing], { description: 'De toewijzingen die op deze verwijzing volgden, nieuwste eerst.' })
  async toewijzingen(@Root() verwijzing: Verwijzing, @Ctx() context: JeugdContext): Promise<JeugdToewijzing[]> {
    return context.loaders.toewijzingenVanVerwijzing.load(verwijzing.id);
  }
}
