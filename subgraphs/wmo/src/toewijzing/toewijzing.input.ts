import {
  assertAgbCode,
  assertDatum,
  assertGemeentecode,
  badUserInput,
  PageArgs,
  WMO_PRODUCTCATEGORIE,
} from '@sociaal-graph/toolkit';
import { ArgsType, Field } from 'type-graphql';
import type { ToewijzingFilter } from './toewijzing.sql.js';

/** Arguments of `wmoToewijzingen`: paging plus optional filters, all combined with AND. */
@ArgsType()
export class WmoToewijzingenArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Alleen toewijzingen van deze gemeente (CBS-code, "0406").' })
  gemeente?: string | null;

  @Field(() => String, { nullable: true, description: 'Alleen deze productcategorie (WMO020, "01" tot en met "18").' })
  productcategorie?: string | null;

  @Field(() => String, { nullable: true, description: 'Alleen toewijzingen die op deze datum actief zijn (JJJJ-MM-DD).' })
  actiefOp?: string | null;

  @Field(() => String, { nullable: true, description: 'Alleen toewijzingen aan deze aanbieder (AGB-code, acht cijfers).' })
  aanbieder?: string | null;
}

/** Key arguments of `wmoToewijzing`; a class so the SDL lists them in this order. */
@ArgsType()
export class WmoToewijzingSleutelArgs {
  @Field(() => String, { description: 'CBS-gemeentecode van de toewijzende gemeente ("0406").' })
  gemeenteCode!: string;

  @Field(() => String, { description: 'iWmo ToewijzingNummer: een geheel getal van ten hoogste negen cijfers, als tekst ("48213907"); een nummer van negen cijfers als variabele (de gateway weigert negen cijfers in de tekst van een operatie).' })
  toewijzingsnummer!: string;
}

/** Arguments of `Gemeente.wmoToewijzingen`: paging plus an optional date. */
@ArgsType()
export class WmoToewijzingenVanGemeenteArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Alleen toewijzingen die op deze datum actief zijn (JJJJ-MM-DD).' })
  actiefOp?: string | null;
}

/** A productcategorie must be in WMO020 with its leading zero ("01"); anything else is refused. */
export function assertWmoProductcategorie(code: string, argument = 'productcategorie'): string {
  if (!WMO_PRODUCTCATEGORIE.has(code)) {
    throw badUserInput(`"${code}" is geen Wmo-productcategorie (codelijst WMO020, "01" tot en met "18").`, { argument });
  }
  return code;
}

/** Validates the filters of `wmoToewijzingen`; throws BAD_USER_INPUT on the first malformed one. */
export function toewijzingFilterOf(args: WmoToewijzingenArgs): ToewijzingFilter {
  return {
    gemeente: args.gemeente == null ? undefined : assertGemeentecode(args.gemeente, 'gemeente'),
    productcategorie: args.productcategorie == null ? undefined : assertWmoProductcategorie(args.productcategorie),
    actiefOp: args.actiefOp == null ? undefined : assertDatum(args.actiefOp, 'actiefOp'),
    aanbieder: args.aanbieder == null ? undefined : assertAgbCode(args.aanbieder, 'aanbieder'),
  };
}

