import {
  geaggregeerd,
  assertDatum,
  assertGemeentecode,
  badUserInput,
  requiresAuthentication,
  requiresScope,
  Scope,
  scopeParameter,
  suppressCount,
  SUPPRESSION_THRESHOLD,
  verantwoording,
  verdeelOpMandaat,
  Wet,
  WMO_PRODUCTCATEGORIE,
} from '@sociaal-graph/toolkit';
import { Arg, Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import type { WmoContext } from '../context.js';
import { selectInstroom } from './instroom.sql.js';
import { InstroomPeriode, MaatregelInvoering, WmoInstroomEffect } from './instroom.type.js';

/** Asking for more measure dates at once than the country has gemeenten is a mistake, not a query. */
const MAX_INVOERINGEN = 400;

/** The effect indicator of a measure on the Wmo intake (issue 4 item 8), small cells suppressed. */
@Resolver(() => WmoInstroomEffect)
export class WmoInstroomResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  @Query(() => WmoInstroomEffect, {
    nullable: true,
    description:
      'Het effect van een maatregel op de instroom in de Wmo, zoals het HHM-normenkader ("lagere indicatie bij instroom"): per ' +
      'gemeente de nieuwe toewijzingen in een productcategorie (standaard 01 huishoudelijke hulp) in de maanden voor en na de ' +
      'ingangsdatum van de maatregel daar, met hun gemiddelde omvang in uren per week. Berekend in SQL; aantallen onder 10 en ' +
      'gemiddelden over minder dan 10 clienten onderdrukt. Gemeenten buiten uw mandaat voor statistiek (Wmo) worden niet ' +
      'meegeteld maar in de verantwoording genoemd.',
  })
  async wmoInstroomRondMaatregel(
    @Arg('invoeringen', () => [MaatregelInvoering], {
      description: 'Per gemeente de ingangsdatum van de maatregel (zie Maatregel.statussen), hoogstens 400.',
    })
    invoeringen: MaatregelInvoering[],
    @Arg('productcategorie', () => String, {
      defaultValue: '01',
      description: 'iWmo-productcategorie (WMO020, twee cijfers); standaard "01" hulp bij het huishouden.',
    })
    productcategorie: string,
    @Arg('maanden', () => Int, { defaultValue: 12, description: 'Lengte van de periode voor en na de ingangsdatum, in maanden (1-60).' })
    maanden: number,
    @Ctx() context: WmoContext,
  ): Promise<WmoInstroomEffect> {
    if (invoeringen.length > MAX_INVOERINGEN) {
      throw badUserInput(`Vraag om hoogstens ${MAX_INVOERINGEN} invoeringen tegelijk.`, { argument: 'invoeringen' });
    }
    if (!Number.isInteger(maanden) || maanden < 1 || maanden > 60) {
      throw badUserInput(`${maanden} maanden valt buiten 1-60.`, { argument: 'maanden' });
    }
    if (!WMO_PRODUCTCATEGORIE.has(productcategorie)) {
      throw badUserInput(`"${productcategorie}" is geen iWmo-productcategorie (01-18).`, { argument: 'productcategorie' });
    }
    const gevraagd = invoeringen.map((i) => ({
      gemeenteCode: assertGemeentecode(i.gemeenteCode, 'invoeringen'),
      ingangsdatum: assertDatum(i.ingangsdatum, 'invoeringen'),
    }));
    // Counts follow the aggregate rights (the gemeente's own beleid sees them too), not the row scope.
    const scope = context.principal.statistiek(Wet.WMO);
    const verdeling = verdeelOpMandaat(Wet.WMO, scope, gevraagd.map((i) => i.gemeenteCode));
    const binnen = gevraagd.filter((i) => verdeling.binnen.includes(i.gemeenteCode));
    const rows = binnen.length === 0 ? [] : await selectInstroom(context.db, binnen, { maanden, productcategorie, gemeenten: scopeParameter(scope) });
    const laatste = rows.flatMap((row) => (row.laatsteIngang === null ? [] : [row.laatsteIngang])).sort().at(-1) ?? null;
    return {
      verantwoording: verantwoording(verdeling, { gegevensTot: laatste }),
      maanden,
      rijen: rows.map(({ gemeenteCode, ingangsdatum, periode, van, tot, aantalToewijzingen, aantalClienten, gemiddeldeUrenPerWeek }) => {
        const klein = aantalClienten < SUPPRESSION_THRESHOLD;
        return {
          gemeente: { code: gemeenteCode },
          ingangsdatum,
          periode: periode === 'VOOR' ? InstroomPeriode.VOOR : InstroomPeriode.NA,
          van,
          tot,
          aantalToewijzingen: suppressCount(aantalToewijzingen),
          aantalClienten: suppressCount(aantalClienten),
          gemiddeldeUrenPerWeek: klein ? null : gemiddeldeUrenPerWeek,
          onderdrukt: klein ? 'KLEIN_AANTAL' : null,
        };
      }),
    };
  }
}
