import { assertStatistiek, geaggregeerd, OnderdruktBedrag, publishAverage, requiresAuthentication, requiresScope, Scope, Wet, withheld } from '@sociaal-graph/toolkit';
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
  @Directive('@requires(fields: "aantalClienten { waarde onderdrukt bewerking }")')
  @FieldResolver(() => OnderdruktBedrag, {
    nullable: true,
    description:
      'Gedeclareerde kosten per client in eurocent, afgerond op hele euro: de som van de declaratieregels (iJw 303) Jeugdwet van de gemeente ' +
      'en de aanbieder (of productcategorie) met een leveringsperiode die in het jaar begint, zonder afgewezen en gecrediteerde regels, met ' +
      'celsleutelruis, gedeeld door het gepubliceerde aantal clienten. Onderdrukt als de som over minder dan 10 toewijzingen gaat, een ' +
      'toewijzing meer dan de helft uitmaakt, of het aantal clienten onderdrukt is. Aanbieders declareren laat: een recent jaar is nog niet compleet.',
  })
  async kostenPerClient(@Root() kengetal: JeugdTrajectkengetal, @Ctx() { loaders, principal, disclosure }: InkoopContext): Promise<OnderdruktBedrag> {
    // The gateway only sends rows jeugd computed within the mandate; checked again here (docs/mandates.md).
    assertStatistiek(Wet.JEUGDWET, principal.statistiek(Wet.JEUGDWET), [kengetal.gemeenteCode]);
    const clienten = kengetal.aantalClienten;
    if (clienten === undefined) throw new Error('aantalClienten ontbreekt (@requires).');
    const totaal = await loaders.jeugdDeclaratietotaal.load(trajectkengetalKey(kengetal));
    const [bedrag = withheld('KLEIN_AANTAL')] = disclosure.publish({
      cells: [{
        kind: 'amount', measure: 'inkoop.jeugd.kostenPerClient', value: totaal?.bedrag ?? 0, contributors: totaal?.toewijzingen ?? 0,
        largest: totaal?.grootste ?? 0, key: totaal?.sleutel ?? 0,
      }],
    });
    // The average from the perturbed amount and the published count, in whole euros.
    const perClient = publishAverage(bedrag, { waarde: clienten.waarde, onderdrukt: clienten.onderdrukt, bewerking: clienten.bewerking ?? null }, 0);
    return perClient.waarde === null ? perClient : { ...perClient, waarde: Math.round(perClient.waarde / 100) * 100 };
  }
}
