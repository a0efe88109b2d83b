import {
  geaggregeerd,
  assertGemeentecodes, assertJaar, JeugdTrajectIndeling, requiresAuthentication, requiresScope, Scope, verantwoording, verdeelOpMandaat, Wet,
} from '@sociaal-graph/toolkit';
import { Args, ArgsType, Ctx, Directive, Field, Int, Query, Resolver } from 'type-graphql';
import type { JeugdContext } from '../context.js';
import { selectTrajectkengetallen } from './trajectkengetal.sql.js';
import { JeugdTrajectkengetal, JeugdTrajectkengetallenAntwoord, trajectkengetallenOf } from './trajectkengetal.type.js';

/** Arguments of `jeugdTrajectkengetallen`. */
@ArgsType()
export class JeugdTrajectkengetallenArgs {
  @Field(() => [String], { description: 'CBS-gemeentecodes ("0406"), hoogstens 400; gemeenten buiten uw mandaat worden uitgesloten en genoemd.' })
  gemeenten!: string[];

  @Field(() => Int, { description: 'Kalenderjaar (2015 of later): een traject telt mee als een toewijzing erin op een dag van dit jaar geldt.' })
  jaar!: number;

  @Field(() => JeugdTrajectIndeling, { defaultValue: JeugdTrajectIndeling.AANBIEDER, description: 'Indeling per aanbieder (standaard) of per productcategorie.' })
  indeling!: JeugdTrajectIndeling;
}

/** Trajectory figures of jeugdhulp per aanbieder or productcategorie (issue 4 item 5). */
@Resolver(() => JeugdTrajectkengetal)
export class TrajectkengetalResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  @Query(() => JeugdTrajectkengetallenAntwoord, {
    nullable: true,
    description:
      'Trajectkengetallen jeugdhulp: per gemeente en aanbieder (of productcategorie) in een jaar het aantal clienten, het aandeel trajecten ' +
      'langer dan een jaar, het aandeel herhaald beroep, de gemiddelde duur en (uit de declaraties, subgraph inkoop) de kosten per client. ' +
      'Berekend over de gevraagde gemeenten binnen uw mandaat voor statistiek van de Jeugdwet; de andere staan in verantwoording.uitgesloten, nooit als nul.',
  })
  async jeugdTrajectkengetallen(
    @Args(() => JeugdTrajectkengetallenArgs) args: JeugdTrajectkengetallenArgs,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdTrajectkengetallenAntwoord> {
    const codes = assertGemeentecodes(args.gemeenten);
    assertJaar(args.jaar, 'jaar');
    const verdeling = verdeelOpMandaat(Wet.JEUGDWET, context.principal.statistiek(Wet.JEUGDWET), codes);
    const filter = { gemeenten: verdeling.binnen, jaar: args.jaar, indeling: args.indeling };
    const rows = verdeling.binnen.length === 0 ? [] : await selectTrajectkengetallen(context.db, filter);
    return {
      verantwoording: verantwoording(verdeling, { gegevensTot: rows[0]?.gegevensTot ?? null }),
      rijen: trajectkengetallenOf(rows, verdeling.binnen, args.jaar, args.indeling, context.disclosure),
    };
  }
}
