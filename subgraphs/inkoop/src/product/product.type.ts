import { Wet } from '@sociaal-graph/toolkit';
import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * A product of a perceel: iWmo/iJw productcategorie and productcode with unit and frequency, and
 * the tariffs agreed for it over time. Rows come from `product.sql.ts` in this shape; the codes
 * are turned into `Code` values by `product.resolver.ts`.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Product uit de productcatalogus van een contract (iWmo/iJw-productcode).' })
export class Product {
  @Field(() => String, { description: 'Identificatie van het product.' })
  id!: string;

  @Field(() => Wet, { description: 'Wet waaronder het product valt (bepaalt de codelijst van de productcategorie).' })
  wet!: Wet;

  @Field(() => String, {
    description: 'Productcode (1 tot 5 tekens; de eerste twee zijn de productcategorie), bijvoorbeeld "01A01".',
  })
  productcode!: string;

  @Field(() => String, { description: 'Naam van het product.' })
  naam!: string;

  /** WMO020 or JZ020 code. */
  productcategorieCode!: string;

  /** WJ756 code. */
  eenheidCode!: string;

  /** WMO757 code. */
  frequentieCode!: string;

  /** Id of the perceel the product belongs to. */
  perceelId!: string;
}
