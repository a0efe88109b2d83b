import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The one id of the Logboek entity: there is one log, kept in parts by the subgraphs that read personal data. */
export const LOGBOEK_ID = 'logboek';

/**
 * The entry to the Logboek Dataverwerkingen. It holds nothing here: each subgraph that serves
 * personal data adds its own part (`Logboek.wmo`, ...), read from its own schema, so no
 * subgraph reads another's tables.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'Het Logboek Dataverwerkingen: per subgraph die persoonsgegevens levert, welke verwerkingen er waren (alleen voor de FG).',
})
export class Logboek {
  @Field(() => ID, { description: 'Altijd "logboek": er is een logboek.' })
  id!: string;
}
