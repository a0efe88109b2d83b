import { Field, ObjectType } from 'type-graphql';
import type { ConsulentRow } from './consulent.sql.js';

/** A consulent of the toegang. */
@ObjectType('Consulent', { description: 'Een consulent van de toegang (medewerker van een team).' })
export class Consulent implements ConsulentRow {
  @Field(() => String, { description: 'Id van de consulent.' })
  id!: string;

  @Field(() => String, { description: 'Naam van de consulent.' })
  naam!: string;

  teamId!: string;
}
