import { PageInfo, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * A schuldhulpverleningstraject of one resident. Also the row shape of `schuldhulptraject.sql.ts`;
 * undecorated properties are codes and keys the resolver expands.
 */
@Directive(requiresAuthentication)
@Directive(requiresScope(Scope.PERSOONSGEGEVENS))
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Een traject schuldhulpverlening (Wet gemeentelijke schuldhulpverlening).' })
export class Schuldhulptraject {
  @Field(() => String, { description: 'Identificatie van het traject.' })
  id!: string;

  @Field(() => String, { description: 'CBS-code van de gemeente die de schuldhulp biedt ("0406").' })
  gemeenteCode!: string;

  @Field(() => String, { description: 'Startdatum van het traject (JJJJ-MM-DD).' })
  startdatum!: string;

  @Field(() => String, { nullable: true, description: 'Einddatum van het traject (JJJJ-MM-DD); leeg zolang het loopt.' })
  einddatum!: string | null;

  @Field(() => Int, { description: 'Totale schuld bij de start van het traject, in eurocent.' })
  schuldbedrag!: number;

  @Field(() => Int, { description: 'Aantal schuldeisers bij de start van het traject.' })
  aantalSchuldeisers!: number;

  /** Pseudonym of the resident. */
  inwonerId!: string;
  /** SCHULDHULP_FASE code. */
  faseCode!: string;
}

/** One page of schuldhulptrajecten. */
@ObjectType({ description: 'Een pagina schuldhulptrajecten.' })
export class SchuldhulptrajectPage {
  @Field(() => [Schuldhulptraject], { description: 'De trajecten op deze pagina.' })
  items!: Schuldhulptraject[];

  @Field(() => PageInfo, { description: 'Gegevens over de pagina.' })
  pageInfo!: PageInfo;
}
