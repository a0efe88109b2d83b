import { assertGemeentecodes, assertJaar, assertStatistiek, type GemeenteScope, Wet } from '@sociaal-graph/toolkit';
import { ArgsType, Field, Int } from 'type-graphql';

/** Arguments of `jeugdToewijzingenPerProductcategorie`; a class so the SDL lists them in this order. */
@ArgsType()
export class JeugdTellingArgs {
  @Field(() => [String], { description: 'CBS-gemeentecodes ("0406"), hoogstens 400.' })
  gemeenten!: string[];

  @Field(() => Int, { description: 'Kalenderjaar (2015 of later).' })
  jaar!: number;
}

/**
 * Validates the arguments (BAD_USER_INPUT) and refuses, with FORBIDDEN, gemeenten whose Jeugdwet
 * counts lie outside the caller's aggregate scope (`principal.statistiek`): such a count must say
 * so, never read as zero (docs/mandates.md). Returns the distinct codes.
 */
export function tellingGemeentenOf(args: JeugdTellingArgs, scope: GemeenteScope): string[] {
  const codes = [...new Set(assertGemeentecodes(args.gemeenten))];
  assertJaar(args.jaar);
  assertStatistiek(Wet.JEUGDWET, scope, codes);
  return codes;
}
