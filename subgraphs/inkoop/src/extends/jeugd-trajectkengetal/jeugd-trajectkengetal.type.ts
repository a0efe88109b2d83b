import {
  JEUGD_TRAJECTKENGETAL_BESCHRIJVING, JEUGD_TRAJECTKENGETAL_KEY, JEUGD_TRAJECTKENGETAL_VELDEN, JeugdTrajectIndeling, OnderdruktAantal,
} from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** Stub of the jeugd subgraph's JeugdTrajectkengetal: the key and the published client count; inkoop adds the cost per client. */
@Directive(JEUGD_TRAJECTKENGETAL_KEY)
@ObjectType({ description: JEUGD_TRAJECTKENGETAL_BESCHRIJVING })
export class JeugdTrajectkengetal {
  @Field(() => String, { description: JEUGD_TRAJECTKENGETAL_VELDEN.gemeenteCode })
  gemeenteCode!: string;

  @Field(() => Int, { description: JEUGD_TRAJECTKENGETAL_VELDEN.jaar })
  jaar!: number;

  @Field(() => JeugdTrajectIndeling, { description: JEUGD_TRAJECTKENGETAL_VELDEN.indeling })
  indeling!: JeugdTrajectIndeling;

  @Field(() => String, { description: JEUGD_TRAJECTKENGETAL_VELDEN.groepCode })
  groepCode!: string;

  // Owned by jeugd; the cost per client divides by the published count (issue 10: derived only from published values).
  @Directive('@external')
  @Field(() => OnderdruktAantal, { description: JEUGD_TRAJECTKENGETAL_VELDEN.aantalClienten })
  aantalClienten?: OnderdruktAantal;
}
