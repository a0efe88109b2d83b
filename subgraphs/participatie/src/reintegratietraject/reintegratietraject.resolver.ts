import {
  assertGemeentecode,
  badUserInput,
  Code,
  codeOf,
  pageInfo,
  pageOf,
  requiresAuthentication,
  requiresScope,
  Scope,
} from '@sociaal-graph/toolkit';
import { Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { REINTEGRATIE_INSTRUMENT, REINTEGRATIE_RESULTAAT } from '../codelists.js';
import type { ParticipatieContext } from '../context.js';
import { VERWERKING } from '../loaders.js';
import { Aanbieder } from '../extends/aanbieder/aanbieder.type.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { Inwoner } from '../extends/inwoner/inwoner.type.js';
import { participatieScope } from '../scope.js';
import { ReintegratietrajectenArgs } from './reintegratietraject.input.js';
import { fetchReintegratietrajectPage } from './reintegratietraject.sql.js';
import { Reintegratietraject, ReintegratietrajectPage } from './reintegratietraject.type.js';

/** Queries for re-integratietrajecten and the fields derived from their codes and keys. */
@Resolver(() => Reintegratietraject)
export class ReintegratietrajectResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Query(() => ReintegratietrajectPage, {
    nullable: true,
    description: 'Re-integratietrajecten (ook beschut werk) binnen het mandaat van de aanvrager, nieuwste eerst.',
  })
  async reintegratietrajecten(
    @Args(() => ReintegratietrajectenArgs) args: ReintegratietrajectenArgs,
    @Ctx() ctx: ParticipatieContext,
  ): Promise<ReintegratietrajectPage> {
    const page = pageOf(args);
    const filter = {
      scope: participatieScope(ctx.principal),
      gemeente: args.gemeente == null ? null : assertGemeentecode(args.gemeente, 'gemeente'),
      instrument: args.instrument == null ? null : assertInstrument(args.instrument),
    };
    const { totaal, items } = await fetchReintegratietrajectPage(ctx.db, filter, page);
    ctx.logboek.registreer(VERWERKING.REINTEGRATIETRAJECT_LEZEN, items.map((item) => item.inwonerId));
    return { items, pageInfo: pageInfo(totaal, page, items.length) };
  }

  @FieldResolver(() => Code, { description: 'Ingezet instrument, waaronder beschut werk.' })
  instrument(@Root() traject: Reintegratietraject): Code | null {
    return codeOf(REINTEGRATIE_INSTRUMENT, traject.instrumentCode);
  }

  @FieldResolver(() => Code, { description: 'Resultaat van het traject (LOOPT zolang het niet is beeindigd).' })
  resultaat(@Root() traject: Reintegratietraject): Code | null {
    return codeOf(REINTEGRATIE_RESULTAAT, traject.resultaatCode);
  }

  @FieldResolver(() => Aanbieder, { nullable: true, description: 'Het re-integratiebedrijf dat het traject uitvoert, als er een is.' })
  aanbieder(@Root() traject: Reintegratietraject): Aanbieder | null {
    return traject.aanbiederAgb === null ? null : { agbCode: traject.aanbiederAgb };
  }

  @FieldResolver(() => Inwoner, { nullable: true, description: 'De inwoner die het traject volgt.' })
  inwoner(@Root() traject: Reintegratietraject): Inwoner {
    return { id: traject.inwonerId };
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente die het traject inzet.' })
  gemeente(@Root() traject: Reintegratietraject): Gemeente {
    return { code: traject.gemeenteCode };
  }
}

/** An instrument code of REINTEGRATIE_INSTRUMENT; BAD_USER_INPUT otherwise. */
function assertInstrument(code: string): string {
  if (!REINTEGRATIE_INSTRUMENT.has(code)) {
    const bekend = [...REINTEGRATIE_INSTRUMENT.keys()].join(', ');
    throw badUserInput(`"${code}" is geen re-integratie-instrument; kies uit ${bekend}.`, { argument: 'instrument' });
  }
  return code;
}
