import { geaggregeerd, assertStatistiek, Eurocent, requiresAuthentication, requiresScope, Scope, SUPPRESSION_THRESHOLD, Wet } from '@sociaal-graph/toolkit';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { InkoopContext } from '../../context.js';
import { trajectkengetalKey } from './jeugd-trajectkengetal.sql.js';
import { JeugdTrajectkengetal } from './jeugd-trajectkengetal.type.js';

/** The field inkoop adds to the jeugd subgraph's trajectory figures (issue 4 item 5). */
@Resolver(() => JeugdTrajectkengetal)
export class JeugdTrajectkengetalResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  @Directive('@requires(fields: "aantalClientenOnafgerond")')
  @FieldResolver(() => Eurocent, {
    nullable: true,
    description:
      'Gedeclareerde kosten per client in eurocent: de som van de declaratieregels (iJw 303) Jeugdwet van de gemeente en de aanbieder (of ' +
      'productcategorie) met een leveringsperiode die in het jaar begint, zonder afgewezen en gecrediteerde regels, gedeeld door het aantal ' +
      'clienten (ongeafrond) en afgerond op hele eurocent. Null bij minder dan 10 clienten. Aanbieders declareren laat: een recent jaar is nog niet compleet.',
  })
  async kostenPerClient(@Root() kengetal: JeugdTrajectkengetal, @Ctx() { loaders, principal }: InkoopContext): Promise<number | null> {
    // The gateway only sends rows jeugd computed within the mandate; checked again here (docs/mandates.md).
    assertStatistiek(Wet.JEUGDWET, principal.statistiek(Wet.JEUGDWET), [kengetal.gemeenteCode]);
    const clienten = kengetal.aantalClientenOnafgerond;
    if (clienten === undefined) throw new Error('aantalClientenOnafgerond ontbreekt (@requires).');
    if (clienten < SUPPRESSION_THRESHOLD) return null;
    const totaal = await loaders.jeugdDeclaratietotaal.load(trajectkengetalKey(kengetal));
    return Math.round((totaal?.bedrag ?? 0) / clienten);
  }
}
