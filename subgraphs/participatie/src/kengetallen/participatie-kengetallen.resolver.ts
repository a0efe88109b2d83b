import {
  geaggregeerd,
  assertGemeentecodes,
  assertJaar,
  ONDERDRUKKINGSREGEL,
  requiresAuthentication,
  requiresScope,
  Scope,
  scopeParameter,
  Wet,
  listSize,
} from '@sociaal-graph/toolkit';
import { Arg, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { ParticipatieContext } from '../context.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { fetchKengetallen } from './participatie-kengetallen.sql.js';
import { publishedKengetallen } from './participatie-kengetallen.publish.js';
import { ParticipatieKengetallen } from './participatie-kengetallen.type.js';

const BUITEN_MANDAAT =
  'Buiten mandaat: de aanvrager heeft geen mandaat voor statistiek van de Participatiewet van deze gemeente; de aantallen zijn niet beschikbaar (geen nul).';

/** The aggregate Participatiewet figures per gemeente, computed in SQL and published through the disclosure policy. */
@Resolver(() => ParticipatieKengetallen)
export class ParticipatieKengetallenResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(listSize(1))
  @Directive(geaggregeerd)
  @Query(() => [ParticipatieKengetallen], {
    nullable: true,
    description:
      'Kengetallen Participatiewet per gevraagde gemeente over een jaar: lopende uitkeringen aan het eind van het jaar, ' +
      'instroom, uitstroom en gestarte schuldhulptrajecten. Eén element per gemeente, in de gevraagde volgorde. Zie ' +
      'Verantwoording.onderdrukkingsregel (voor iedere aanvrager).',
  })
  async participatieKengetallen(
    @Arg('gemeenten', () => [String], { description: 'CBS-codes van de gemeenten ("0406").' }) gemeenten: string[],
    @Arg('jaar', () => Int, { description: 'Het jaar.' }) jaar: number,
    @Ctx() ctx: ParticipatieContext,
  ): Promise<ParticipatieKengetallen[]> {
    assertJaar(jaar);
    const codes = [...new Set(assertGemeentecodes(gemeenten))];
    // Counts follow the aggregate rights (the gemeente's own beleid sees them too), not the row scope.
    const rows = await fetchKengetallen(ctx.db, codes, jaar, scopeParameter(ctx.principal.statistiek(Wet.PARTICIPATIEWET)));
    const byCode = new Map(rows.map((row) => [row.gemeenteCode, row]));
    return codes.map((gemeenteCode) => {
      const row = byCode.get(gemeenteCode);
      if (!row) {
        return {
          gemeenteCode, jaar, binnenMandaat: false, toelichting: BUITEN_MANDAAT,
          uitkeringenActief: null, instroom: null, uitstroom: null, schuldhulptrajectenGestart: null,
          onderdrukkingsregel: ONDERDRUKKINGSREGEL,
        };
      }
      return publishedKengetallen(row, jaar, ctx.disclosure);
    });
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente van de kengetallen.' })
  gemeente(@Root() kengetallen: ParticipatieKengetallen): Gemeente {
    return { code: kengetallen.gemeenteCode };
  }
}
