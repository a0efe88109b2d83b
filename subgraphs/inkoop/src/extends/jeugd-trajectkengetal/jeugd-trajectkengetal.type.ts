import {
  JEUGD_TRAJECTKENGETAL_BESCHRIJVING, JEUGD_TRAJECTKENGETAL_KEY, JEUGD_TRAJECTKENGETAL_VELDEN, JeugdTrajectIndeling,
} from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** Stub of the jeugd subgraph's JeugdTrajectkengetal: the key and the raw client count; inkoop adds the cost per client. */
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

  // Owned by jeugd and @inaccessible there; the cost per client requires it.
  @Directive('@external')
  @Field(() => Int, { description: JEUGD_TRAJECTKENGETAL_VELDEN.aantalClientenOnafgerond })
  aantalClientenOnafgerond?: number;
}
