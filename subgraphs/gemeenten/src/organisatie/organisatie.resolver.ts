import { listSize, Wet } from '@sociaal-graph/toolkit';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root, Directive } from 'type-graphql';
import type { GemeentenContext } from '../context.js';
import { Gemeente } from '../gemeente/gemeente.type.js';
import { peildatumOfVandaag } from '../uitvoeringsarrangement/geldigheid.js';
import { arrangementSleutel } from '../uitvoeringsarrangement/uitvoeringsarrangement.sql.js';
import { Uitvoeringsarrangement } from '../uitvoeringsarrangement/uitvoeringsarrangement.type.js';
import { assertOrganisatieId } from './organisatie-id.js';
import { Organisatie } from './organisatie.type.js';

/** Lookup of an organisation, where it is housed and what it executes. */
@Resolver(() => Organisatie)
export class OrganisatieResolver {
  @Query(() => Organisatie, {
    nullable: true,
    description: 'Eén organisatie op id; null als die niet bestaat. Een misvormd id geeft BAD_USER_INPUT.',
  })
  organisatie(@Arg('id', () => String, { description: 'Organisatie-id, bijvoorbeeld "uo-hbel" of "0307".' }) id: string, @Ctx() ctx: GemeentenContext) {
    return ctx.loaders.organisatie.load(assertOrganisatieId(id));
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente waar de organisatie gevestigd is, als die bekend is.' })
  vestigingGemeente(@Root() organisatie: Organisatie, @Ctx() ctx: GemeentenContext) {
    return organisatie.vestigingGemeenteCode === null ? null : ctx.loaders.gemeente.load(organisatie.vestigingGemeenteCode);
  }

  @Directive(listSize(400))
  @FieldResolver(() => [Uitvoeringsarrangement], {
    description: 'De arrangementen die deze organisatie uitvoert op de peildatum (standaard vandaag), optioneel voor één wet.',
  })
  async arrangementen(
    @Root() organisatie: Organisatie,
    @Arg('peildatum', () => String, { nullable: true, description: 'Datum (JJJJ-MM-DD); standaard vandaag.' })
    peildatum: string | null | undefined,
    @Arg('wet', () => Wet, { nullable: true, description: 'Alleen arrangementen voor deze wet.' }) wet: Wet | null | undefined,
    @Ctx() ctx: GemeentenContext,
  ): Promise<Uitvoeringsarrangement[]> {
    const rows = await ctx.loaders.arrangementenPerOrganisatie.load(arrangementSleutel(organisatie.id, peildatumOfVandaag(peildatum)));
    return wet == null ? rows : rows.filter((a) => a.wet === wet);
  }
}
