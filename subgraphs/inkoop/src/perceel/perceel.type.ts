import { Field, ObjectType } from 'type-graphql';

/**
 * A lot (perceel) of a contract: a group of products bought together. Rows come from
 * `perceel.sql.ts` in this shape.
 */
@ObjectType({ description: 'Perceel van een contract: een samenhangende groep producten.' })
export class Perceel {
  @Field(() => String, { description: 'Identificatie van het perceel.' })
  id!: string;

  @Field(() => String, { description: 'Naam van het perceel, bijvoorbeeld "Begeleiding".' })
  naam!: string;

  /** Id of the contract the perceel belongs to. */
  contractId!: string;
}
