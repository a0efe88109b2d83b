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
import { selectDeclaratiegedrag } from './declaratiegedrag.sql.js';
import { Declaratiegedrag, DeclaratiegedragAntwoord, declaratiegedragOf } from './declaratiegedrag.type.js';

/** Arguments of `declaratiegedrag`. */
@ArgsType()
export class DeclaratiegedragArgs {
  @Field(() => [String], { description: 'CBS-gemeentecodes ("0406"), hoogstens 400; gemeenten buiten uw mandaat worden uitgesloten en genoemd.' })
  gemeenten!: string[];

  @Field(() => Wet, { description: 'De wet van de declaraties: WMO of JEUGDWET.' })
  wet!: Wet;

  @Field(() => Int, { description: 'Kalenderjaar van de dagtekening (2015 of later).' })
  jaar!: number;

  @Field(() => Boolean, { defaultValue: false, description: 'Per maand van de dagtekening (true) of over het hele jaar (false, standaard).' })
  perMaand!: boolean;

  @Field(() => String, { nullable: true, description: 'Alleen deze aanbieder (AGB-code, acht cijfers); leeg voor alle aanbieders.' })
  aanbieder?: string | null;
}

/** Declaration behaviour per aanbieder for inkopers, controllers, beleid and analysts (issue 4 item 3). */
@Resolver(() => Declaratiegedrag)
export class DeclaratiegedragResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Query(() => DeclaratiegedragAntwoord, {
    nullable: true,
    description:
      'Declaratiegedrag per aanbieder, gemeente en jaar of maand van de dagtekening: vertraging tussen levering en indiening ' +
      '(gemiddeld, mediaan, aandeel na de declaratietermijn), creditering, correctie en afwijzing. Berekend over de gevraagde ' +
      'gemeenten binnen uw mandaat voor statistiek van de wet (inkoper: waar uw organisatie inkoop of contractbeheer heeft; ' +
      'beleid, controller en analist van een gemeente: die gemeente); de andere staan in verantwoording.uitgesloten, nooit als nul.',
  })
  async declaratiegedrag(
    @Args(() => DeclaratiegedragArgs) args: DeclaratiegedragArgs,
    @Ctx() { db, principal }: InkoopContext,
  ): Promise<DeclaratiegedragAntwoord> {
    const codes = assertGemeentecodes(args.gemeenten);
    assertJaar(args.jaar);
    const aanbieder = args.aanbieder == null ? null : assertAgbCode(args.aanbieder, 'aanbieder');
    const verdeling = verdeelOpMandaat(args.wet, principal.statistiek(args.wet), codes);
    const rows =
      verdeling.binnen.length === 0
        ? []
        : await selectDeclaratiegedrag(db, { wet: args.wet, gemeenten: verdeling.binnen, jaar: args.jaar, perMaand: args.perMaand, aanbieder });
    return {
      verantwoording: verantwoording(verdeling, {
        gegevensTot: rows[0]?.gegevensTot ?? null,
        laatsteDeclaratie: rows[0]?.laatsteDeclaratie ?? null,
      }),
      rijen: rows.map((row) => declaratiegedragOf(row, args.wet, args.jaar)),
    };
  }

  @FieldResolver(() => Aanbieder, { description: 'De aanbieder die declareerde.' })
  async aanbieder(@Root() rij: Declaratiegedrag, @Ctx() { loaders }: InkoopContext): Promise<Aanbieder> {
    return mustExist(await loaders.aanbieder.load(rij.aanbiederAgb), `aanbieder ${rij.aanbiederAgb}`);
  }
}
