import { Field, ObjectType } from 'type-graphql';

/**
 * How fresh one source of a steering answer is for one gemeente (issue 15 item 6): its latest
 * delivery (CSV import, ingested messages or the demo world) as recorded in `aanlevering`.
 */
@ObjectType({
  description:
    'Actualiteit van een bron van een stuurgetal voor een gemeente: tot welke datum de toewijzingen of declaraties zijn bijgewerkt, ' +
    'langs welk kanaal en wanneer dat is opgeslagen. Berichtenverkeer en exports komen niet altijd op tijd: een oude datum betekent ' +
    'dat recente maanden nog onvolledig zijn.',
})
export class Bron {
  @Field(() => String, { description: 'CBS-gemeentecode.' })
  gemeenteCode!: string;

  @Field(() => String, { description: 'De bron: TOEWIJZINGEN (iWmo/iJw 301) of DECLARATIES (303/323).' })
  bron!: string;

  @Field(() => String, {
    nullable: true,
    description: 'De datum (JJJJ-MM-DD) tot waar de bron is bijgewerkt (de stand van de laatste export of het laatste bericht); null als nooit aangeleverd.',
  })
  bijgewerktTot!: string | null;

  @Field(() => String, { nullable: true, description: 'Langs welk kanaal de laatste aanlevering kwam: CSV_IMPORT, BERICHT of DEMOWERELD; null als nooit aangeleverd.' })
  kanaal!: string | null;

  @Field(() => String, { nullable: true, description: 'Wanneer de laatste aanlevering is opgeslagen (ISO 8601); null als nooit aangeleverd.' })
  bijgewerktOp!: string | null;
}
