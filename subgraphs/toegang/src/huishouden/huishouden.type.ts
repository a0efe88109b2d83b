import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import type { HuishoudenRow } from './huishouden.sql.js';

/** How a household is made up. */
export enum HuishoudenSamenstelling {
  ALLEENSTAAND = 'ALLEENSTAAND',
  PAAR = 'PAAR',
  GEZIN_MET_KINDEREN = 'GEZIN_MET_KINDEREN',
  EENOUDERGEZIN = 'EENOUDERGEZIN',
}
registerEnumType(HuishoudenSamenstelling, {
  name: 'HuishoudenSamenstelling',
  description: 'Samenstelling van een huishouden.',
  valuesConfig: {
    ALLEENSTAAND: { description: 'Eén volwassene zonder kinderen.' },
    PAAR: { description: 'Twee samenwonende volwassenen zonder kinderen.' },
    GEZIN_MET_KINDEREN: { description: 'Twee volwassenen met één of meer kinderen.' },
    EENOUDERGEZIN: { description: 'Eén volwassene met één of meer kinderen.' },
  },
});

/** A household; `postcode` and `huisnummer` are only reached through `Inwoner.adres`. */
@Directive(requiresAuthentication)
@Directive(requiresScope(Scope.PERSOONSGEGEVENS))
@ObjectType('Huishouden', {
  description: 'Een huishouden: de inwoners die op één adres samenwonen. Voor de blik op een huishouden over de wetten heen.',
})
export class Huishouden implements HuishoudenRow {
  @Field(() => String, { description: 'Id van het huishouden (geen persoonsgegeven).' })
  id!: string;

  @Field(() => HuishoudenSamenstelling, { description: 'Samenstelling van het huishouden.' })
  samenstelling!: HuishoudenSamenstelling;

  gemeenteCode!: string;
  postcode!: string;
  huisnummer!: number;
}
