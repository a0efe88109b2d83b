import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * The price of one unit of a product over a period. Public information. Rows come from
 * `tarief.sql.ts` in this shape.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Tarief van een product in een periode (openbaar).' })
export class Tarief {
  @Field(() => String, { description: 'Identificatie van het tarief.' })
  id!: string;

  @Field(() => Int, { description: 'Bedrag per eenheid in eurocent.' })
  bedrag!: number;

  @Field(() => String, { description: 'Eerste dag waarop het tarief geldt (JJJJ-MM-DD).' })
  geldigVan!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Laatste dag waarop het tarief geldt (JJJJ-MM-DD, inclusief); leeg als het tarief doorloopt.',
  })
  geldigTot!: string | null;

  /** WJ756 code. */
  eenheidCode!: string;

  /** Id of the product the tariff prices. */
  productId!: string;
}
