import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stub of the gemeenten subgraph's `Logboek`: the key only; toegang adds its own part of the log. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Het Logboek Dataverwerkingen (eigendom van de subgraph gemeenten), hier met het deel van toegang.' })
export class Logboek {
  @Field(() => ID, { description: 'Altijd "logboek": er is een logboek.' })
  id!: string;
}
