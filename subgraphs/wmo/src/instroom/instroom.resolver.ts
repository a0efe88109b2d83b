import {
  geaggregeerd,
  MaatregelBesluitstatus,
  requiresAuthentication,
  requiresScope,
  Scope,
  scopeParameter,
  verantwoording,
  verdeelOpMandaat,
  Wet,
  badUserInput,
  WMO_PRODUCTCATEGORIE,
} from '@sociaal-graph/toolkit';
import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { WmoContext } from '../context.js';
import { Maatregel } from '../extends/maatregel/maatregel.type.js';
import { selectInstroom } from './instroom.sql.js';
import { instroomPeriodesOf, WmoInstroomEffect } from './instroom.type.js';

/**
 * The effect indicator of a measure on the Wmo intake (issue 4 item 8), on the measure itself: the periods
 * lie around the dates the gemeenten subgraph registered for it (issue 10: no caller-chosen dates or
 * windows), and every figure goes through the disclosure policy.
 */
@Resolver(() => Maatregel)
export class WmoInstroomResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  @Directive('@requires(fields: "statussen { gemeenteCode status datum }")')
  @FieldResolver(() => WmoInstroomEffect, {
    name: 'wmoInstroom',
    nullable: true,
    description:
      'Het effect van deze maatregel op de instroom in de Wmo, zoals het HHM-normenkader ("lagere indicatie bij instroom"): per ' +
      'gemeente waar de maatregel is ingevoerd (MaatregelStatus GEIMPLEMENTEERD met een datum) de nieuwe toewijzingen in een ' +
      'productcategorie (standaard 01 huishoudelijke hulp) in de 12 maanden voor en de 12 maanden vanaf die datum, met hun gemiddelde ' +
      'omvang in uren per week. Alleen rond de geregistreerde datum en over vaste perioden; een periode die voorbij het eind van de ' +
      'gegevens loopt, is onderdrukt (ONVOLLEDIGE_PERIODE). Zie Verantwoording.onderdrukkingsregel. Gemeenten buiten uw mandaat voor ' +
      'statistiek (Wmo) worden niet meegeteld maar in de verantwoording genoemd.',
  })
  async wmoInstroom(
    @Root() maatregel: Maatregel,
    @Arg('productcategorie', () => String, {
      defaultValue: '01',
      description: 'iWmo-productcategorie (WMO020, twee cijfers); standaard "01" hulp bij het huishouden.',
    })
    productcategorie: string,
    @Ctx() context: WmoContext,
  ): Promise<WmoInstroomEffect> {
    if (!WMO_PRODUCTCATEGORIE.has(productcategorie)) {
      throw badUserInput(`"${productcategorie}" is geen iWmo-productcategorie (01-18).`, { argument: 'productcategorie' });
    }
    if (maatregel.statussen === undefined) throw new Error(`De statussen van maatregel ${maatregel.id} ontbreken (@requires).`);
    const invoeringen = maatregel.statussen.flatMap((s) =>
      s.status === MaatregelBesluitstatus.GEIMPLEMENTEERD && s.datum !== null ? [{ gemeenteCode: s.gemeenteCode, ingangsdatum: s.datum }] : [],
    );
    // Counts follow the aggregate rights (the gemeente's own beleid sees them too), not the row scope.
    const scope = context.principal.statistiek(Wet.WMO);
    const verdeling = verdeelOpMandaat(Wet.WMO, scope, invoeringen.map((i) => i.gemeenteCode));
    const binnen = invoeringen.filter((i) => verdeling.binnen.includes(i.gemeenteCode));
    const rows = binnen.length === 0 ? [] : await selectInstroom(context.db, binnen, { productcategorie, gemeenten: scopeParameter(scope) });
    const laatste = rows.flatMap((row) => (row.laatsteIngang === null ? [] : [row.laatsteIngang])).sort().at(-1) ?? null;
    return {
      verantwoording: verantwoording(verdeling, { gegevensTot: laatste }),
      maanden: 12,
      rijen: instroomPeriodesOf(rows, context.disclosure),
    };
  }
}
