import { assertGemeentecode, assertJaar, assertStatistiek, badUserInput, type GemeenteScope, Wet } from '@sociaal-graph/toolkit';
import { ArgsType, Field, Int } from 'type-graphql';

/** Asking for more gemeenten at once than the country has is a mistake, not a query. */
const MAX_GEMEENTEN = 400;

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
 * so, never read as zero (DESIGN "Mandates decide every row"). Returns the distinct codes.
 */
export function tellingGemeentenOf(args: JeugdTellingArgs, scope: GemeenteScope): string[] {
  if (args.gemeenten.length > MAX_GEMEENTEN) {
    throw badUserInput(`Vraag om hoogstens ${MAX_GEMEENTEN} gemeenten tegelijk.`, { argument: 'gemeenten' });
  }
  const codes = [...new Set(args.gemeenten.map((code) => assertGemeentecode(code, 'gemeenten')))];
  assertJaar(args.jaar);
  assertStatistiek(Wet.JEUGDWET, scope, codes);
  return codes;
}
