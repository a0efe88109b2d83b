import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { Eurocent } from '../domain.js';
import type { Bewerking, Onderdrukkingsreden } from './policy.js';

const REDEN =
  'Waarom de waarde ontbreekt: KLEIN_AANTAL (minder dan 10 personen of huishoudens, ook nul), DOMINANTIE (een bijdrager maakt meer ' +
  'dan de helft van het bedrag uit), AFLEIDBAAR (anders af te leiden uit een totaal en de andere cellen), AFGELEID_VAN_ONDERDRUKT ' +
  '(berekend uit een onderdrukte waarde, of teller of complement onder 10) of ONVOLLEDIGE_PERIODE (de periode loopt voorbij het eind ' +
  'van de gegevens); null als de waarde gepubliceerd is.';

const BEWERKING =
  'Hoe de gepubliceerde waarde is bewerkt: CELSLEUTEL_AFRONDING (aantal willekeurig maar vast per cel afgerond op 5), CELSLEUTEL_RUIS ' +
  '(bedrag met vaste ruis per cel, afgerond) of AFGELEID (berekend uit gepubliceerde waarden); null als de waarde ontbreekt.';

/** A count as published in the schema; shared by every subgraph that publishes aggregates. */
@Directive('@shareable')
@ObjectType({
  description:
    'Een gepubliceerd aantal: afgerond op 5 met een vaste kans per cel (celsleutel), of leeg (null) met de reden van onderdrukking ' +
    '(zie Verantwoording.onderdrukkingsregel).',
})
export class OnderdruktAantal {
  @Field(() => Int, { nullable: true, description: 'Het aantal, een veelvoud van 5; null als het onderdrukt is.' })
  waarde!: number | null;

  @Field(() => String, { nullable: true, description: REDEN })
  onderdrukt!: Onderdrukkingsreden | null;

  @Field(() => String, { nullable: true, description: BEWERKING })
  bewerking?: Bewerking | null;
}

/** An amount as published in the schema; shared by every subgraph that publishes sums. */
@Directive('@shareable')
@ObjectType({
  description:
    'Een gepubliceerd bedrag in eurocent: met vaste ruis per cel (celsleutel) en afgerond op 100 euro, of leeg (null) met de reden ' +
    'van onderdrukking (zie Verantwoording.onderdrukkingsregel).',
})
export class OnderdruktBedrag {
  @Field(() => Eurocent, { nullable: true, description: 'Het bedrag in eurocent (een veelvoud van 10000); null als het onderdrukt is.' })
  waarde!: number | null;

  @Field(() => String, { nullable: true, description: REDEN })
  onderdrukt!: Onderdrukkingsreden | null;

  @Field(() => String, { nullable: true, description: BEWERKING })
  bewerking?: Bewerking | null;
}

/** A derived value (share, average, duration) as published in the schema. */
@Directive('@shareable')
@ObjectType({
  description:
    'Een afgeleide waarde (aandeel, gemiddelde, duur), alleen berekend uit gepubliceerde waarden, of leeg (null) met de reden ' +
    '(zie Verantwoording.onderdrukkingsregel).',
})
export class OnderdruktGetal {
  @Field(() => Float, { nullable: true, description: 'De waarde; null als ze onderdrukt is.' })
  waarde!: number | null;

  @Field(() => String, { nullable: true, description: REDEN })
  onderdrukt!: Onderdrukkingsreden | null;

  @Field(() => String, { nullable: true, description: BEWERKING })
  bewerking?: Bewerking | null;
}
