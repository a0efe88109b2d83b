import { Field, ObjectType } from 'type-graphql';

/** Gemeenten that share one execution organisation (HBEL in Huizen, IASZ, IJmond Werkt). */
@ObjectType({
  description: 'Een samenwerkingsverband van gemeenten die de uitvoering delen in één uitvoeringsorganisatie.',
})
export class Samenwerkingsverband {
  @Field(() => String, { description: 'Code: "hbel", "iasz" of "ijmond-werkt".' })
  code!: string;

  @Field(() => String, { description: 'Naam van het samenwerkingsverband.' })
  naam!: string;

  /** The shared execution organisation; resolved to `uitvoeringsorganisatie`. */
  organisatieId!: string;
}
