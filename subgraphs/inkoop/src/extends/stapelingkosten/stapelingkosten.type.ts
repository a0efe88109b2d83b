import { STAPELINGKOSTEN_KEY, StapelingToewijzing } from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** Stub of toegang's StapelingKosten: inkoop turns the toewijzingen wmo and jeugd hand it into declared amounts. */
@Directive(STAPELINGKOSTEN_KEY)
@ObjectType({
  description: 'Wat de huishoudens met ondersteuning in een gemeente en jaar kosten, naar het aantal wetten (eigendom van de subgraph toegang).',
})
export class StapelingKosten {
  @Field(() => String, { description: 'CBS-gemeentecode van de gemeente waarover de stapeling is berekend (vier cijfers, "0406").' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Het kalenderjaar waarover de stapeling is berekend.' })
  jaar!: number;

  // Owned by wmo and jeugd, @inaccessible there; the declared amounts require them.
  @Directive('@external')
  @Field(() => [StapelingToewijzing], {
    description: 'De toewijzingen van de leden in de gemeente die in het jaar golden; alleen voor de kosten in de subgraph inkoop, niet opvraagbaar.',
  })
  wmoToewijzingen?: StapelingToewijzing[];

  @Directive('@external')
  @Field(() => [StapelingToewijzing], {
    description: 'De toewijzingen van de leden in de gemeente die in het jaar golden; alleen voor de kosten in de subgraph inkoop, niet opvraagbaar.',
  })
  jeugdToewijzingen?: StapelingToewijzing[];
}
