import { Field, InputType } from 'type-graphql';
import { Wet } from '@sociaal-graph/toolkit';
import { MeldingSoort } from './melding.type.js';

/** A new hulpvraag, as the consulent's front-end sends it (`registreerMelding`). */
@InputType('MeldingInvoer', { description: 'Een nieuwe hulpvraag van een inwoner bij de toegang.' })
export class MeldingInvoer {
  @Field(() => Wet, { description: 'De wet waaronder de hulpvraag valt.' })
  wet!: Wet;

  @Field(() => MeldingSoort, { nullable: true, description: 'Soort hulpvraag; weggelaten: MELDING.' })
  soort?: MeldingSoort | null;

  @Field(() => String, { nullable: true, description: 'Datum van de melding (JJJJ-MM-DD), niet in de toekomst; weggelaten: vandaag.' })
  datum?: string | null;

  @Field(() => String, { nullable: true, description: 'Persoonsgegeven. Vrije tekst van de consulent, ten hoogste 2000 tekens.' })
  commentaar?: string | null;
}
