import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { persoonsgegevens, requiresAuthentication, requiresScope, Scope, Wet } from '@sociaal-graph/toolkit';
import type { MeldingRow } from './melding.sql.js';

/** The step a hulpvraag is in: a first report, the investigation, or the formal application. */
export enum MeldingSoort {
  MELDING = 'MELDING',
  ONDERZOEK = 'ONDERZOEK',
  AANVRAAG = 'AANVRAAG',
}
registerEnumType(MeldingSoort, {
  name: 'MeldingSoort',
  description: 'Soort hulpvraag: melding, (keukentafel)onderzoek of aanvraag.',
  valuesConfig: {
    MELDING: { description: 'Eerste melding van een hulpvraag bij de toegang, vóór onderzoek of aanvraag.' },
    ONDERZOEK: { description: 'Onderzoek naar de situatie en de behoefte (het keukentafelgesprek).' },
    AANVRAAG: { description: 'Formele aanvraag van een voorziening, waarop de gemeente beslist.' },
  },
});

/** Where a hulpvraag stands. */
export enum MeldingStatus {
  OPEN = 'OPEN',
  AFGEROND = 'AFGEROND',
  TOEGEKEND = 'TOEGEKEND',
  AFGEWEZEN = 'AFGEWEZEN',
}
registerEnumType(MeldingStatus, {
  name: 'MeldingStatus',
  description: 'Stand van een hulpvraag.',
  valuesConfig: {
    OPEN: { description: 'In behandeling: nog niet afgerond of beslist.' },
    AFGEROND: { description: 'Afgehandeld zonder besluit over een voorziening (een melding of onderzoek dat is afgesloten).' },
    TOEGEKEND: { description: 'De aanvraag is toegekend: er volgt een beschikking of toewijzing.' },
    AFGEWEZEN: { description: 'De aanvraag is afgewezen.' },
  },
});

/** A hulpvraag of a resident under one law. */
@Directive(requiresAuthentication)
@Directive(requiresScope(Scope.PERSOONSGEGEVENS))
@ObjectType('Melding', { description: 'Een hulpvraag van een inwoner bij de toegang, onder één wet.' })
export class Melding implements MeldingRow {
  @Field(() => String, { description: 'Id van de melding.' })
  id!: string;

  @Field(() => Wet, { description: 'De wet waaronder de hulpvraag valt.' })
  wet!: Wet;

  @Field(() => MeldingSoort, { description: 'Soort hulpvraag.' })
  soort!: MeldingSoort;

  @Field(() => String, { description: 'Datum van de melding, het onderzoek of de aanvraag (JJJJ-MM-DD).' })
  datum!: string;

  @Field(() => MeldingStatus, { description: 'Stand van de hulpvraag.' })
  status!: MeldingStatus;

  @Directive(requiresScope(Scope.VRIJE_TEKST))
  @Directive(persoonsgegevens)
  @Field(() => String, { nullable: true, description: 'Persoonsgegeven. Vrije tekst van de consulent.' })
  commentaar!: string | null;

  inwonerId!: string;
  gemeenteCode!: string;
  consulentId!: string | null;
}
