import { Eurocent } from '@sociaal-graph/toolkit';
import { Field, Int, ObjectType } from 'type-graphql';

// Sums are Eurocent (SafeInt): a gemeente's yearly total can pass 2^31 eurocent, the limit of GraphQL Int.

/** Subsidy totals of one gemeente for one year: granted against settled. */
@ObjectType({ description: 'Subsidietotalen van één gemeente over één jaar: verleend tegenover vastgesteld.' })
export class SubsidieTotalen {
  @Field(() => String, { description: 'CBS-code van de gemeente ("0406").' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Het subsidiejaar.' })
  jaar!: number;

  @Field(() => Int, { description: 'Aantal subsidies over het jaar.' })
  aantalSubsidies!: number;

  @Field(() => Int, { description: 'Aantal daarvan dat is vastgesteld.' })
  aantalVastgesteld!: number;

  @Field(() => Eurocent, { description: 'Totaal aangevraagd, in eurocent (geheel getal).' })
  aangevraagd!: number;

  @Field(() => Eurocent, { description: 'Totaal verleend, in eurocent (geheel getal).' })
  verleend!: number;

  @Field(() => Eurocent, { description: 'Totaal verleend aan de subsidies die al zijn vastgesteld, in eurocent (geheel getal).' })
  verleendVastgesteld!: number;

  @Field(() => Eurocent, { description: 'Totaal vastgesteld, in eurocent (geheel getal).' })
  vastgesteld!: number;

  @Field(() => Eurocent, {
    description: 'Vastgesteld min verleend over de vastgestelde subsidies, in eurocent; negatief is minder besteed dan verleend.',
  })
  verschil!: number;
}
