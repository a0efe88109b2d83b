import { Field, ObjectType } from 'type-graphql';

/** A region of gemeenten that buys care together (Regio Gooi en Vechtstreek, Zuid-Kennemerland). */
@ObjectType({ description: 'Een regio van gemeenten die samen zorg inkopen en contracten beheren.' })
export class Regio {
  @Field(() => String, { description: 'Code van de regio, bijvoorbeeld "regio-gv" of "zuid-kennemerland".' })
  code!: string;

  @Field(() => String, { description: 'Naam van de regio.' })
  naam!: string;

  /** The regional organisation that buys care, if any; resolved to `organisatie`. */
  organisatieId!: string | null;
}
