import { STAPELINGKOSTEN_BESCHRIJVING, STAPELINGKOSTEN_KEY, STAPELINGKOSTEN_VELDEN, StapelingToewijzing } from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** Stub of toegang's StapelingKosten: inkoop turns the toewijzingen wmo and jeugd hand it into declared amounts. */
@Directive(STAPELINGKOSTEN_KEY)
@ObjectType({ description: STAPELINGKOSTEN_BESCHRIJVING })
export class StapelingKosten {
  @Field(() => String, { description: 'CBS-gemeentecode van de gemeente waarover de stapeling is berekend (vier cijfers, "0406").' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Het kalenderjaar waarover de stapeling is berekend.' })
  jaar!: number;

  // Owned by wmo and jeugd, @inaccessible there; the declared amounts require them.
  @Directive('@external')
  @Field(() => [StapelingToewijzing], { description: STAPELINGKOSTEN_VELDEN.toewijzingen })
  wmoToewijzingen?: StapelingToewijzing[];

  @Directive('@external')
  @Field(() => [StapelingToewijzing], { description: STAPELINGKOSTEN_VELDEN.toewijzingen })
  jeugdToewijzingen?: StapelingToewijzing[];
}
