import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** A performance agreement attached to a subsidy: agreed against realised. Also the row shape of its SQL. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Een prestatieafspraak bij een subsidie: afgesproken tegenover gerealiseerd.' })
export class Prestatieafspraak {
  @Field(() => String, { description: 'Identificatie van de afspraak.' })
  id!: string;

  @Field(() => String, { description: 'Wat wordt gemeten, bijvoorbeeld "Ondersteunde mantelzorgers".' })
  indicator!: string;

  @Field(() => String, { description: 'Eenheid van de indicator ("personen", "contacten").' })
  eenheid!: string;

  @Field(() => Int, { description: 'Afgesproken aantal over het subsidiejaar.' })
  afgesproken!: number;

  @Field(() => Int, { nullable: true, description: 'Gerealiseerd aantal volgens de verantwoording; leeg tot die er is.' })
  gerealiseerd!: number | null;

  /** Subsidie.id. */
  subsidieId!: string;
}
