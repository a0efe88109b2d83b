import { MaatregelBesluitstatus } from '@sociaal-graph/toolkit';
import { Directive, Field, ObjectType } from 'type-graphql';

/** The fields of the gemeenten subgraph's `MaatregelStatus` that the intake around a measure reads. */
@ObjectType({ description: 'De stand van één maatregel in één gemeente (eigendom van de subgraph gemeenten).' })
export class MaatregelStatus {
  @Directive('@external')
  @Field(() => String, { description: 'CBS-code van de gemeente.' })
  gemeenteCode!: string;

  @Directive('@external')
  @Field(() => MaatregelBesluitstatus, { description: 'Stand van de maatregel in deze gemeente.' })
  status!: MaatregelBesluitstatus;

  @Directive('@external')
  @Field(() => String, { nullable: true, description: 'Datum van het besluit of de implementatie (JJJJ-MM-DD), als bekend.' })
  datum!: string | null;
}

/**
 * Stub of the gemeenten subgraph's `Maatregel`: wmo adds the intake around its registered dates (issue
 * 10: periods only around dates registered in the graph, never dates a caller chooses).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Een besparings- of transformatiemaatregel (eigendom van de subgraph gemeenten), hier met de Wmo-instroom eromheen.' })
export class Maatregel {
  @Field(() => String, { description: 'Id van de maatregel.' })
  id!: string;

  // Owned by gemeenten; the intake requires the registered dates.
  @Directive('@external')
  @Field(() => [MaatregelStatus], { description: 'De stand van de maatregel per gemeente (eigendom van de subgraph gemeenten).' })
  statussen?: MaatregelStatus[];
}
