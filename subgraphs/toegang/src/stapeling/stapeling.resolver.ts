import {
  geaggregeerd,
  assertGemeentecodes,
  assertJaar,
  type MandaatVerdeling,
  requiresAuthentication,
  requiresScope,
  Scope,
  verantwoording,
  verdeelOpMandaat,
  Wet,
} from '@sociaal-graph/toolkit';
import { Args, ArgsType, Ctx, Directive, Field, Int, Query, Resolver } from 'type-graphql';
import type { ToegangContext } from '../context.js';
import { selectStapeling } from './stapeling.sql.js';
import { StapelingAntwoord, stapelingRijenOf } from './stapeling.type.js';

/** Arguments of `stapeling`. */
@ArgsType()
export class StapelingArgs {
  @Field(() => [String], {
    description: 'CBS-gemeentecodes ("0406"), hoogstens 400; gemeenten buiten uw mandaat voor een van de drie wetten worden uitgesloten en genoemd.',
  })
  gemeenten!: string[];

  @Field(() => Int, { description: 'Kalenderjaar van de toekenning (2015 of later).' })
  jaar!: number;
}

const WETTEN = [Wet.WMO, Wet.JEUGDWET, Wet.PARTICIPATIEWET] as const;

/** Stacking of support under several laws per household (issue 4 item 7, the counting half). */
@Resolver(() => StapelingAntwoord)
export class StapelingResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  @Query(() => StapelingAntwoord, {
    nullable: true,
    description:
      'Stapeling van ondersteuning: per gemeente het aantal huishoudens met een toegekende hulpvraag in het jaar onder precies een, twee of ' +
      'drie wetten (Wmo, Jeugdwet, Participatiewet) en per combinatie, gepseudonimiseerd en geaggregeerd. Alleen gemeenten binnen uw mandaat ' +
      'voor statistiek van alle drie de wetten tellen mee; de andere staan per wet in verantwoording.uitgesloten, nooit als nul.',
  })
  async stapeling(@Args(() => StapelingArgs) args: StapelingArgs, @Ctx() context: ToegangContext): Promise<StapelingAntwoord> {
    const codes = assertGemeentecodes(args.gemeenten);
    assertJaar(args.jaar);
    const verdelingen = WETTEN.map((wet) => verdeelOpMandaat(wet, context.principal.statistiek(wet), codes));
    // Stacking compares the laws, so a gemeente counts only where all three may be counted.
    const binnen = [...new Set(codes)].filter((code) => verdelingen.every((v) => v.binnen.includes(code)));
    const rows = binnen.length === 0 ? [] : await selectStapeling(context.db, binnen, args.jaar);
    const verdeling: MandaatVerdeling = { binnen, uitgesloten: verdelingen.flatMap((v) => v.uitgesloten) };
    return {
      verantwoording: verantwoording(verdeling, { gegevensTot: rows[0]?.gegevensTot ?? null }),
      rijen: stapelingRijenOf(rows, binnen, args.jaar, context.disclosure),
    };
  }
}
