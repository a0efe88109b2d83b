import {
  assertAgbCode,
  assertDatum,
  assertGemeentecode,
  badUserInput,
  JW_PRODUCTCATEGORIE,
  PageArgs,
} from '@sociaal-graph/toolkit';
import { ArgsType, Field } from 'type-graphql';
import type { ToewijzingFilter } from './jeugd-toewijzing.sql.js';

/** Arguments of the top-level `jeugdToewijzingen` list: optional filters plus `first`/`offset`. */
@ArgsType()
export class JeugdToewijzingenArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Alleen toewijzingen van deze gemeente (CBS-code, "0406").' })
  gemeente?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Alleen deze productcategorie (iJw JZ020: 31-38 of 40-55, bijvoorbeeld "45").',
  })
  productcategorie?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Alleen toewijzingen die op deze datum (JJJJ-MM-DD) gelden: ingangsdatum op of voor, einddatum op of na.',
  })
  actiefOp?: string | null;

  @Field(() => String, { nullable: true, description: 'Alleen toewijzingen aan deze aanbieder (AGB-code, acht cijfers).' })
  aanbieder?: string | null;
}

/** Arguments of `jeugdToewijzing`: the two key fields; a class so the SDL lists them in this order. */
@ArgsType()
export class JeugdToewijzingKeyArgs {
  @Field(() => String, { description: 'CBS-gemeentecode (vier cijfers, "0406").' })
  gemeenteCode!: string;

  @Field(() => String, { description: 'iJw ToewijzingNummer: een geheel getal van ten hoogste negen cijfers, als tekst ("48213907"); een nummer van negen cijfers als variabele (de gateway weigert negen cijfers in de tekst van een operatie).' })
  toewijzingsnummer!: string;
}


/** A JZ020 productcategorie; a code outside the list (such as "39" or "56") is refused. */
export function assertJeugdProductcategorie(code: string, argument = 'productcategorie'): string {
  if (!JW_PRODUCTCATEGORIE.has(code)) {
    throw badUserInput(
      `"${code}" is geen productcategorie van de Jeugdwet (iJw JZ020: 31 tot en met 38 of 40 tot en met 55).`,
      { argument },
    );
  }
  return code;
}

/** Validates the list filters (BAD_USER_INPUT on a malformed one) and returns them for the SQL. */
export function toewijzingFilterOf(args: JeugdToewijzingenArgs): ToewijzingFilter {
  return {
    gemeente: args.gemeente == null ? null : assertGemeentecode(args.gemeente, 'gemeente'),
    productcategorie: args.productcategorie == null ? null : assertJeugdProductcategorie(args.productcategorie),
    actiefOp: args.actiefOp == null ? null : assertDatum(args.actiefOp, 'actiefOp'),
    aanbieder: args.aanbieder == null ? null : assertAgbCode(args.aanbieder, 'aanbieder'),
  };
}
