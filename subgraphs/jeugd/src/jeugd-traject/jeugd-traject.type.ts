import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';

/**
 * A jeugdhulp trajectory: one continuous period of help for a young person, which may hold several
 * toewijzingen. The class is also the database row; duration and the one-year flag are computed in
 * SQL, up to the peildatum for a trajectory without an end date (jeugd-traject.sql.ts).
 */
@Directive(requiresAuthentication)
@Directive(requiresScope(Scope.PERSOONSGEGEVENS))
@ObjectType({
  description:
    'Een jeugdhulptraject: een aaneengesloten periode van jeugdhulp voor een jeugdige, met de toewijzingen daarin ' +
    '(zoals in CBS Beleidsinformatie Jeugd).',
})
export class JeugdTraject {
  @Field(() => ID, { description: 'Identificatie van het traject.' })
  id!: string;

  @Field(() => String, { description: 'CBS-gemeentecode van de gemeente die de jeugdhulp bekostigt.' })
  gemeenteCode!: string;

  @Field(() => String, { description: 'Eerste dag van het traject (JJJJ-MM-DD).' })
  startdatum!: string;

  @Field(() => String, { nullable: true, description: 'Laatste (geplande) dag van het traject (JJJJ-MM-DD); leeg bij een open einde.' })
  einddatum!: string | null;

  @Field(() => Int, {
    description:
      'Duur in dagen, begin- en einddag meegeteld: tot en met de (geplande) einddatum, of bij een open einde tot en met ' +
      'de peildatum van de gegevens.',
  })
  duurInDagen!: number;

  @Field(() => Boolean, {
    description: 'Of het traject langer dan een jaar duurt of duurde (einde op of na dezelfde datum een jaar na de start).',
  })
  langerDanEenJaar!: boolean;

  @Field(() => Boolean, { description: 'Of de jeugdige eerder een jeugdhulptraject had (herhaald beroep).' })
  herhaaldBeroep!: boolean;

  inwonerId!: string;
}
