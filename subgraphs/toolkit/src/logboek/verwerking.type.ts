import { ArgsType, Directive, Field, ObjectType } from 'type-graphql';
import { PageArgs, PageInfo } from '../paging.js';
import { listSize } from '../list-size.js';

/** The audit record of who processed: kept apart from the verwerking itself (LDV). */
@Directive('@shareable')
@ObjectType({ description: 'Wie de verwerking deed: het auditrecord, apart bewaard van de verwerking zelf.' })
export class VerwerkingActor {
  @Field(() => String, { description: 'Organisatie van de vrager (CBS-code, "uo-hbel", AGB-code).' })
  organisatie!: string;

  @Directive(listSize(9))
  @Field(() => [String], { description: 'Rollen van de vrager.' })
  rollen!: string[];

  @Field(() => String, {
    description: 'Pseudoniem van de vrager (HMAC van het subject van het token met een geheime sleutel van de installatie), nooit een naam.',
  })
  actor!: string;
}

/** One record of the Logboek Dataverwerkingen. */
@Directive('@shareable')
@ObjectType({ description: 'Een vastgelegde verwerking van persoonsgegevens (Logboek Dataverwerkingen).' })
export class Verwerking {
  @Field(() => String, {
    description: 'W3C trace id van de aanvraag (32 hexadecimale tekens); van de client als die een traceparent meestuurde.',
  })
  traceId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Id dat de gateway voor de aanvraag maakte (32 hexadecimale tekens, header x-request-id van het antwoord); geen client kiest het.',
  })
  verzoekId!: string | null;

  @Field(() => String, { description: 'Verwerkingsactiviteit uit het register (AVG art. 30), bijvoorbeeld "wmo:toewijzing:lezen".' })
  verwerkingsactiviteit!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Gepseudonimiseerde betrokkene (inwoner-id, nooit het BSN); leeg als de verwerking niemand betrof.',
  })
  betrokkene!: string | null;

  @Field(() => String, { nullable: true, description: 'Waar de betrokkene naar verwijst: "inwoner", "huishouden" of "toewijzing" (declaraties).' })
  betrokkeneSoort!: string | null;

  @Field(() => String, { description: 'Tijdstip van de verwerking (ISO 8601).' })
  tijdstip!: string;

  @Field(() => String, { description: '"geslaagd", of "mislukt" als het antwoord fouten bevatte.' })
  resultaat!: string;

  @Field(() => String, { description: 'Subgraph die de verwerking deed en vastlegde ("wmo").' })
  bron!: string;

  @Field(() => VerwerkingActor, { description: 'Wie de verwerking deed (gekoppeld auditrecord).' })
  actor!: VerwerkingActor;
}

/** A page of log records. */
@Directive('@shareable')
@ObjectType({ description: 'Een pagina verwerkingen uit het logboek.' })
export class VerwerkingPage {
  @Field(() => [Verwerking], { description: 'De verwerkingen op deze pagina, oudste eerst.' })
  items!: Verwerking[];

  @Field(() => PageInfo, { description: 'Gegevens over de pagina en het totaal.' })
  pageInfo!: PageInfo;
}

/** Filters of a subgraph's log, all combined with AND. */
@ArgsType()
export class LogboekArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Alleen verwerkingen van deze aanvraag (W3C trace id, 32 hexadecimale tekens).' })
  traceId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Alleen verwerkingen van deze aanvraag (het id dat de gateway maakte, header x-request-id; 32 hexadecimale tekens).',
  })
  verzoekId?: string | null;

  @Field(() => String, { nullable: true, description: 'Alleen verwerkingen over deze betrokkene (inwoner-id).' })
  betrokkene?: string | null;

  @Field(() => String, { nullable: true, description: 'Alleen verwerkingen op of na deze dag (JJJJ-MM-DD).' })
  van?: string | null;

  @Field(() => String, { nullable: true, description: 'Alleen verwerkingen op of voor deze dag (JJJJ-MM-DD).' })
  tot?: string | null;
}
