import {
  geaggregeerd,
  assertGemeentecodes,
  assertJaar,
  requiresAuthentication,
  requiresScope,
  Scope,
  verantwoording,
  verdeelOpMandaat,
  Wet,
} from '@sociaal-graph/toolkit';
import { Args, ArgsType, Ctx, Directive, Field, Int, Query, Resolver } from 'type-graphql';
import type { JeugdContext } from '../context.js';
import { selectVerwijsstromen } from './verwijsstroom.sql.js';
import { JeugdVerwijsstromenAntwoord, verwijsstromenOf } from './verwijsstroom.type.js';

/** Arguments of `jeugdVerwijsstromen`. */
@ArgsType()
export class JeugdVerwijsstromenArgs {
  @Field(() => [String], { description: 'CBS-gemeentecodes ("0406"), hoogstens 400; gemeenten buiten uw mandaat worden uitgesloten en genoemd.' })
  gemeenten!: string[];

  // One calendar year, no span of years: overlapping spans chosen by the caller would difference (issue 10).
  @Field(() => Int, { description: 'Kalenderjaar van de verwijsdatum (2015 of later); vaste kalenderjaren, geen reeks.' })
  jaar!: number;
}

/** Referral flows of jeugdhulp per gemeente against the benchmark (issue 4 item 4). */
@Resolver(() => JeugdVerwijsstromenAntwoord)
export class VerwijsstroomResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  @Query(() => JeugdVerwijsstromenAntwoord, {
    nullable: true,
    description:
      'Verwijsstromen jeugdhulp: per gemeente het aantal verwijzingen in een kalenderjaar en het aandeel per type verwijzer (COD327), naast het ' +
      'aandeel over alle gemeenten in de gegevens en het landelijke CBS-aandeel waar de bronnen dat geven. Berekend over de gevraagde ' +
      'gemeenten binnen uw mandaat voor statistiek van de Jeugdwet; de andere staan in verantwoording.uitgesloten, nooit als nul.',
  })
  async jeugdVerwijsstromen(
    @Args(() => JeugdVerwijsstromenArgs) args: JeugdVerwijsstromenArgs,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdVerwijsstromenAntwoord> {
    const codes = assertGemeentecodes(args.gemeenten);
    assertJaar(args.jaar);
    const verdeling = verdeelOpMandaat(Wet.JEUGDWET, context.principal.statistiek(Wet.JEUGDWET), codes);
    const rows = verdeling.binnen.length === 0 ? [] : await selectVerwijsstromen(context.db, verdeling.binnen, args.jaar);
    return {
      verantwoording: verantwoording(verdeling, { gegevensTot: rows[0]?.gegevensTot ?? null }),
      gemeenten: verwijsstromenOf(rows, verdeling.binnen, args.jaar, context.disclosure),
    };
  }
}
