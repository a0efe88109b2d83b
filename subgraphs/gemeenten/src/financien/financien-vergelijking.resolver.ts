import { assertGemeentecodes, assertJaar, verantwoording, Wet } from '@sociaal-graph/toolkit';
import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { GemeentenContext } from '../context.js';
import { selectFinancienVergelijking } from './financien-vergelijking.sql.js';
import { FinancienVergelijking, TaakveldIndeling } from './financien-vergelijking.type.js';

/** Arguments of `financienVergelijking`; a class so the SDL lists them in this order. */
@ArgsType()
export class FinancienVergelijkingArgs {
  @Field(() => [String], { description: 'CBS-gemeentecodes ("0406"), hoogstens 400; de rijen volgen deze volgorde.' })
  gemeenten!: string[];

  @Field(() => Int, { nullable: true, description: 'Alleen dit begrotingsjaar; standaard alle jaren.' })
  jaar?: number | null;

  @Field(() => Wet, { nullable: true, description: 'Alleen de taakvelden van deze wet (zie TaakveldFinancien.wet); standaard alle.' })
  wet?: Wet | null;

  @Field(() => TaakveldIndeling, {
    defaultValue: TaakveldIndeling.IV3_2023,
    description: 'Groepering van de taakvelden: zoals geboekt (standaard), als voor 2023, of per wet.',
  })
  indeling!: TaakveldIndeling;
}

/** Iv3 figures compared with size class and country (issue 4 question 1); budgets are public. */
@Resolver(() => FinancienVergelijking)
export class FinancienVergelijkingResolver {
  @Query(() => FinancienVergelijking, {
    description:
      'Begroting, prognose, realisatie en tekort per gemeente, jaar en Iv3-taakveld (of wet), in totaal en per inwoner, naast het ' +
      'gemiddelde per inwoner van de CBS-grootteklasse van de gemeente en van Nederland (alle gemeenten met cijfers), zoals de ' +
      'VNG-tabel "lasten per inwoner per taakveld" van Huizen 2019. Openbare gegevens: geen mandaat nodig, niets onderdrukt.',
  })
  async financienVergelijking(
    @Args(() => FinancienVergelijkingArgs) { gemeenten, jaar, wet, indeling }: FinancienVergelijkingArgs,
    @Ctx() ctx: GemeentenContext,
  ): Promise<FinancienVergelijking> {
    const codes = [...new Set(assertGemeentecodes(gemeenten))];
    const rijen = await selectFinancienVergelijking(ctx.db, {
      gemeenten: codes,
      jaar: jaar == null ? null : assertJaar(jaar),
      wet: wet ?? null,
      indeling,
    });
    const gerealiseerd = rijen.filter((rij) => rij.realisatie !== null).map((rij) => rij.jaar);
    return {
      verantwoording: verantwoording(
        { binnen: codes, uitgesloten: [] },
        { gegevensTot: gerealiseerd.length === 0 ? null : `${Math.max(...gerealiseerd)}-12-31` },
      ),
      rijen,
    };
  }
}
