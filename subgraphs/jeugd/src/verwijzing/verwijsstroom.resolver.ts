import {
  geaggregeerd,
  assertGemeentecodes,
  assertJaar,
  badUserInput,
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

  @Field(() => Int, { description: 'Eerste kalenderjaar van de verwijsdatum (2015 of later).' })
  vanafJaar!: number;

  @Field(() => Int, { description: 'Laatste kalenderjaar (inclusief) van de verwijsdatum; niet voor vanafJaar.' })
  totEnMetJaar!: number;
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
      'Verwijsstromen jeugdhulp: per gemeente het aantal verwijzingen in een reeks jaren en het aandeel per type verwijzer (COD327), naast het ' +
      'aandeel over alle gemeenten in de gegevens en het landelijke CBS-aandeel waar de bronnen dat geven. Berekend over de gevraagde ' +
      'gemeenten binnen uw mandaat voor statistiek van de Jeugdwet; de andere staan in verantwoording.uitgesloten, nooit als nul.',
  })
  async jeugdVerwijsstromen(
    @Args(() => JeugdVerwijsstromenArgs) args: JeugdVerwijsstromenArgs,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdVerwijsstromenAntwoord> {
    const codes = assertGemeentecodes(args.gemeenten);
    assertJaar(args.vanafJaar, 'vanafJaar');
    assertJaar(args.totEnMetJaar, 'totEnMetJaar');
    if (args.totEnMetJaar < args.vanafJaar) {
      throw badUserInput(`totEnMetJaar (${args.totEnMetJaar}) ligt voor vanafJaar (${args.vanafJaar}).`, { argument: 'totEnMetJaar' });
    }
    const jaren = { vanaf: args.vanafJaar, tot: args.totEnMetJaar };
    const verdeling = verdeelOpMandaat(Wet.JEUGDWET, context.principal.statistiek(Wet.JEUGDWET), codes);
    const rows = verdeling.binnen.length === 0 ? [] : await selectVerwijsstromen(context.db, verdeling.binnen, jaren);
    return {
      verantwoording: verantwoording(verdeling, { gegevensTot: rows.find((row) => row.gemeenteCode !== null)?.gegevensTot ?? null }),
      gemeenten: verwijsstromenOf(rows, verdeling.binnen, jaren),
    };
  }
}
