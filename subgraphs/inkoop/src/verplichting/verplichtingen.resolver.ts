import { geaggregeerd, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { Args, ArgsType, Ctx, Directive, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { selectBronnen } from '../aanlevering/bron.sql.js';
import { Aanbieder } from '../aanbieder/aanbieder.type.js';
import type { InkoopContext } from '../context.js';
import { mustExist } from '../invariant.js';
import { AANBIEDER_BESCHRIJVING, binnenMandaat, stuurinformatieArgs } from '../stuurinformatie.args.js';
import { selectVerplichtingen } from './verplichtingen.sql.js';
import { Verplichtingen, VerplichtingenAntwoord, verplichtingenOf } from './verplichtingen.type.js';

/** Arguments of `verplichtingen`. */
@ArgsType()
export class VerplichtingenArgs extends stuurinformatieArgs({ wet: 'de toewijzingen', jaar: 'de levering' }) {
  @Field(() => String, { nullable: true, description: AANBIEDER_BESCHRIJVING })
  aanbieder?: string | null;
}

/** Commitments against declarations with a year forecast, for inkopers, controllers, beleid and analysts (issue 4 item 2). */
@Resolver(() => Verplichtingen)
export class VerplichtingenResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
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
    @Ctx() { db, principal, disclosure }: InkoopContext,
  ): Promise<VerplichtingenAntwoord> {
    const { verantwoording, rows } = await binnenMandaat(args, principal, (filter) => selectVerplichtingen(db, filter));
    const bronnen = await selectBronnen(db, verantwoording.berekendOver, args.wet, ['TOEWIJZINGEN', 'DECLARATIES']);
    return { verantwoording, bronnen, peildatum: rows[0]?.peildatum ?? null, rijen: verplichtingenOf(rows, args.wet, args.jaar, disclosure) };
  }

  @FieldResolver(() => Aanbieder, { description: 'De aanbieder aan wie de toewijzingen zijn gegeven.' })
  async aanbieder(@Root() rij: Verplichtingen, @Ctx() { loaders }: InkoopContext): Promise<Aanbieder> {
    return mustExist(await loaders.aanbieder.load(rij.aanbiederAgb), `aanbieder ${rij.aanbiederAgb}`);
  }
}
