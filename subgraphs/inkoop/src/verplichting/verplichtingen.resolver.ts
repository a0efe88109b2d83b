import {
  assertAgbCode,
  assertGemeentecodes,
  assertJaar,
  requiresAuthentication,
  requiresScope,
  Scope,
  verantwoording,
  verdeelOpMandaat,
  Wet,
} from '@sociaal-graph/toolkit';
import { Args, ArgsType, Ctx, Directive, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Aanbieder } from '../aanbieder/aanbieder.type.js';
import type { InkoopContext } from '../context.js';
import { mustExist } from '../invariant.js';
import { selectVerplichtingen } from './verplichtingen.sql.js';
import { Verplichtingen, VerplichtingenAntwoord, verplichtingenOf } from './verplichtingen.type.js';

/** Arguments of `verplichtingen`. */
@ArgsType()
export class VerplichtingenArgs {
  @Field(() => [String], { description: 'CBS-gemeentecodes ("0406"), hoogstens 400; gemeenten buiten uw mandaat worden uitgesloten en genoemd.' })
  gemeenten!: string[];

  @Field(() => Wet, { description: 'De wet van de toewijzingen: WMO of JEUGDWET.' })
  wet!: Wet;

  @Field(() => Int, { description: 'Kalenderjaar van de levering (2015 of later).' })
  jaar!: number;

  @Field(() => String, { nullable: true, description: 'Alleen deze aanbieder (AGB-code, acht cijfers); leeg voor alle aanbieders.' })
  aanbieder?: string | null;
}

/** Commitments against declarations with a year forecast, for inkopers, controllers, beleid and analysts (issue 4 item 2). */
@Resolver(() => Verplichtingen)
export class VerplichtingenResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Query(() => VerplichtingenAntwoord, {
    nullable: true,
    description:
      'Verplichtingen tegenover declaraties per aanbieder, gemeente en maand van de levering: de verwachte kosten van de geldende ' +
      'toewijzingen (volume x frequentie x tarief), wat daarvan is gedeclareerd, het aandeel geleverde maanden dat nog niet is ' +
      'gedeclareerd en een prognose voor het jaar. Berekend over de gevraagde gemeenten binnen uw mandaat voor statistiek van de wet ' +
      '(inkoper: waar uw organisatie inkoop of contractbeheer heeft; beleid, controller en analist van een gemeente: die gemeente); ' +
      'de andere staan in verantwoording.uitgesloten, nooit als nul.',
  })
  async verplichtingen(
    @Args(() => VerplichtingenArgs) args: VerplichtingenArgs,
    @Ctx() { db, principal }: InkoopContext,
  ): Promise<VerplichtingenAntwoord> {
    const codes = assertGemeentecodes(args.gemeenten);
    assertJaar(args.jaar);
    const aanbieder = args.aanbieder == null ? null : assertAgbCode(args.aanbieder, 'aanbieder');
    const verdeling = verdeelOpMandaat(args.wet, principal.statistiek(args.wet), codes);
    const rows =
      verdeling.binnen.length === 0
        ? []
        : await selectVerplichtingen(db, { wet: args.wet, gemeenten: verdeling.binnen, jaar: args.jaar, aanbieder });
    return {
      verantwoording: verantwoording(verdeling, {
        gegevensTot: rows[0]?.gegevensTot ?? null,
        laatsteDeclaratie: rows[0]?.laatsteDeclaratie ?? null,
      }),
      peildatum: rows[0]?.peildatum ?? null,
      rijen: verplichtingenOf(rows, args.wet, args.jaar),
    };
  }

  @FieldResolver(() => Aanbieder, { description: 'De aanbieder aan wie de toewijzingen zijn gegeven.' })
  async aanbieder(@Root() rij: Verplichtingen, @Ctx() { loaders }: InkoopContext): Promise<Aanbieder> {
    return mustExist(await loaders.aanbieder.load(rij.aanbiederAgb), `aanbieder ${rij.aanbiederAgb}`);
  }
}
