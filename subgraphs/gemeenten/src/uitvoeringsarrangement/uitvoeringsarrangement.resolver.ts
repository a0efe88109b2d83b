import { assertDatum, assertGemeentecode, pageInfo, pageOf } from '@sociaal-graph/toolkit';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GemeentenContext } from '../context.js';
import { Gemeente } from '../gemeente/gemeente.type.js';
import { assertOrganisatieId } from '../organisatie/organisatie-id.js';
import { Organisatie } from '../organisatie/organisatie.type.js';
import { isEigenUitvoering } from './eigen-uitvoering.js';
import { geldigOp } from './geldigheid.js';
import { UitvoeringsarrangementenArgs } from './uitvoeringsarrangement.input.js';
import { fetchArrangementPage } from './uitvoeringsarrangement.sql.js';
import { Uitvoeringsarrangement, UitvoeringsarrangementPage } from './uitvoeringsarrangement.type.js';

/** The arrangement search and the fields of one arrangement. */
@Resolver(() => Uitvoeringsarrangement)
export class UitvoeringsarrangementResolver {
  @Query(() => UitvoeringsarrangementPage, {
    description: 'Uitvoeringsarrangementen, te filteren op gemeente, wet, rol, uitvoerende organisatie en peildatum; per pagina.',
  })
  async uitvoeringsarrangementen(
    @Args(() => UitvoeringsarrangementenArgs) args: UitvoeringsarrangementenArgs,
    @Ctx() ctx: GemeentenContext,
  ): Promise<UitvoeringsarrangementPage> {
    const page = pageOf(args);
    const { rows, total } = await fetchArrangementPage(ctx.db, {
      gemeente: args.gemeente == null ? null : assertGemeentecode(args.gemeente, 'gemeente'),
      wet: args.wet ?? null,
      rol: args.rol ?? null,
      organisatie: args.organisatie == null ? null : assertOrganisatieId(args.organisatie, 'organisatie'),
      peildatum: args.peildatum == null ? null : assertDatum(args.peildatum, 'peildatum'),
      ...page,
    });
    return { items: rows, pageInfo: pageInfo(total, page, rows.length) };
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente waarvoor wordt uitgevoerd.' })
  gemeente(@Root() arrangement: Uitvoeringsarrangement, @Ctx() ctx: GemeentenContext) {
    // Without a promise once loaded: `arrangementen { gemeente { arrangementen ... } }` asks the same few gemeenten again and again.
    return ctx.loaders.gemeente.loadSettled(arrangement.gemeenteCode);
  }

  @FieldResolver(() => Organisatie, { nullable: true, description: 'De organisatie die de wet in deze rol uitvoert.' })
  uitvoerder(@Root() arrangement: Uitvoeringsarrangement, @Ctx() ctx: GemeentenContext) {
    // An arrangement read through the loaders carries its organisation (same statement); a page of the search does not.
    return arrangement.organisatie !== undefined ? arrangement.organisatie : ctx.loaders.organisatie.loadSettled(arrangement.organisatieId);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Of de gemeente dit zelf uitvoert (de gemeente of haar eigen organisatie, zoals HBEL voor Huizen); false bij mandaat, gemeenschappelijke regeling of dienstverleningsovereenkomst.',
  })
  eigenUitvoering(@Root() arrangement: Uitvoeringsarrangement): boolean {
    return isEigenUitvoering(arrangement);
  }

  @FieldResolver(() => Boolean, {
    description: 'Of het arrangement op de datum geldt: geldigVan <= datum en (geen geldigTot of datum <= geldigTot).',
  })
  geldigOp(
    @Root() arrangement: Uitvoeringsarrangement,
    @Arg('datum', () => String, { description: 'Datum (JJJJ-MM-DD).' }) datum: string,
  ): boolean {
    return geldigOp(arrangement, assertDatum(datum, 'datum'));
  }
}
