import { geaggregeerd, requiresAuthentication, requiresScope, Scope, cost } from '@sociaal-graph/toolkit';
import { Args, ArgsType, Ctx, Directive, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { selectBronnen } from '../aanlevering/bron.sql.js';
import { Aanbieder } from '../aanbieder/aanbieder.type.js';
import type { InkoopContext } from '../context.js';
import { mustExist } from '../invariant.js';
import { AANBIEDER_BESCHRIJVING, binnenMandaat, stuurinformatieArgs } from '../stuurinformatie.args.js';
import { selectDeclaratiegedrag } from './declaratiegedrag.sql.js';
import { Declaratiegedrag, DeclaratiegedragAntwoord, declaratiegedragOf } from './declaratiegedrag.type.js';

/** Arguments of `declaratiegedrag`. */
@ArgsType()
export class DeclaratiegedragArgs extends stuurinformatieArgs({ wet: 'de declaraties', jaar: 'de dagtekening' }) {
  @Field(() => Boolean, { defaultValue: false, description: 'Per maand van de dagtekening (true) of over het hele jaar (false, standaard).' })
  perMaand!: boolean;

  @Field(() => String, { nullable: true, description: AANBIEDER_BESCHRIJVING })
  aanbieder?: string | null;
}

/** Declaration behaviour per aanbieder for inkopers, controllers, beleid and analysts (issue 4 item 3). */
@Resolver(() => Declaratiegedrag)
export class DeclaratiegedragResolver {
  // Its work is far above one field's: weight measured in scripts/results/measure-cost-weights.md (docs/demand-control.md).
  @Directive(cost(650))
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  @Query(() => DeclaratiegedragAntwoord, {
    nullable: true,
    description:
      'Declaratiegedrag per aanbieder, gemeente en jaar of maand van de dagtekening: vertraging tussen levering en indiening ' +
      '(gemiddeld, aandeel na de declaratietermijn), creditering, correctie en afwijzing. Berekend over de gevraagde ' +
      'gemeenten binnen uw mandaat voor statistiek van de wet (inkoper: waar uw organisatie inkoop of contractbeheer heeft; ' +
      'beleid, controller en analist van een gemeente: die gemeente); de andere staan in verantwoording.uitgesloten, nooit als nul.',
  })
  async declaratiegedrag(
    @Args(() => DeclaratiegedragArgs) args: DeclaratiegedragArgs,
    @Ctx() { db, principal, disclosure }: InkoopContext,
  ): Promise<DeclaratiegedragAntwoord> {
    const { verantwoording, rows } = await binnenMandaat(args, principal, (filter) => selectDeclaratiegedrag(db, filter));
    const bronnen = await selectBronnen(db, verantwoording.berekendOver, args.wet, ['DECLARATIES']);
    return { verantwoording, bronnen, rijen: declaratiegedragOf(rows, args.wet, args.jaar, args.perMaand, disclosure) };
  }

  @FieldResolver(() => Aanbieder, { description: 'De aanbieder die declareerde.' })
  async aanbieder(@Root() rij: Declaratiegedrag, @Ctx() { loaders }: InkoopContext): Promise<Aanbieder> {
    return mustExist(await loaders.aanbieder.load(rij.aanbiederAgb), `aanbieder ${rij.aanbiederAgb}`);
  }
}
