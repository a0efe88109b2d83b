import { PageInfo, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * A re-integratietraject of one resident, including beschut werk. Also the row shape of
 * `reintegratietraject.sql.ts`; undecorated properties are codes and keys the resolver expands.
 */
@Directive(requiresAuthentication)
@Directive(requiresScope(Scope.PERSOONSGEGEVENS))
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Een re-integratietraject (Participatiewet), inclusief beschut werk.' })
export class Reintegratietraject {
  @Field(() => String, { description: 'Identificatie van het traject.' })
  id!: string;

  @Field(() => String, { description: 'CBS-code van de gemeente die het traject inzet ("0406").' })
  gemeenteCode!: string;

  @Field(() => String, { description: 'Startdatum van het traject (JJJJ-MM-DD).' })
  startdatum!: string;

  @Field(() => String, { nullable: true, description: 'Einddatum van het traject (JJJJ-MM-DD); leeg zolang het loopt.' })
  einddatum!: string | null;

  /** Pseudonym of the resident. */
  inwonerId!: string;
  /** REINTEGRATIE_INSTRUMENT code. */
  instrumentCode!: string;
  /** AGB code of the re-integratiebedrijf, if one delivers the traject. */
  aanbiederAgb!: string | null;
  /** REINTEGRATIE_RESULTAAT code. */
  resultaatCode!: string;
}

/** One page of re-integratietrajecten. */
@ObjectType({ description: 'Een pagina re-integratietrajecten.' })
export class ReintegratietrajectPage {
  @Field(() => [Reintegratietraject], { description: 'De trajecten op deze pagina.' })
  items!: Reintegratietraject[];

  @Field(() => PageInfo, { description: 'Gegevens over de pagina.' })
  pageInfo!: PageInfo;
}
