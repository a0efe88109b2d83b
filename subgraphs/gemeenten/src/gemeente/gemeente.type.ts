import { PageInfo } from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * A Dutch municipality, keyed by its four-digit CBS code. Owned by this subgraph; the other
 * subgraphs add their lists (inwoners, toewijzingen, uitkeringen, subsidies, contracten) to it.
 */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'Een Nederlandse gemeente, met CBS-gemeentecode als sleutel.' })
export class Gemeente {
  @Field(() => String, { description: 'CBS-gemeentecode: vier cijfers met voorloopnul ("0406"), zonder "GM".' })
  code!: string;

  @Field(() => String, { description: 'Naam van de gemeente zoals CBS die voert.' })
  naam!: string;

  @Field(() => String, {
    description: 'Provincie waarin de gemeente ligt. Niet af te leiden uit de code (Eemnes ligt in Utrecht).',
  })
  provincie!: string;

  @Field(() => Int, { description: 'Aantal inwoners (demowereld; orde van grootte van CBS).' })
  inwoners!: number;

  @Field(() => Int, { description: 'Aantal inwoners jonger dan 18 jaar.' })
  inwonersOnder18!: number;

  @Field(() => Int, { description: 'Aantal particuliere huishoudens.' })
  huishoudens!: number;

  @Field(() => String, { description: 'CBS-gemeentegrootteklasse naar inwonertal, bijvoorbeeld "20.000-50.000".' })
  grootteklasse!: string;

  /** Code of the region that buys care for this gemeente; resolved to `regio`. */
  regioCode!: string;
}

/** One page of gemeenten. */
@ObjectType({ description: 'Een pagina gemeenten.' })
export class GemeentePage {
  @Field(() => [Gemeente], { description: 'De gemeenten op deze pagina, op naam gesorteerd.' })
  items!: Gemeente[];

  @Field(() => PageInfo, { description: 'Totaal, offset en of er een volgende pagina is.' })
  pageInfo!: PageInfo;
}
