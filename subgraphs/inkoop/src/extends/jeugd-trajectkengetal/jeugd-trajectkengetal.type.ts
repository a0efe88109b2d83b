import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The jeugd subgraph's split of its trajectory figures; declared here too because it is part of the key. */
export enum JeugdTrajectIndeling {
  AANBIEDER = 'AANBIEDER',
  PRODUCTCATEGORIE = 'PRODUCTCATEGORIE',
}
registerEnumType(JeugdTrajectIndeling, {
  name: 'JeugdTrajectIndeling',
  description: 'Hoe de trajectkengetallen jeugdhulp binnen een gemeente zijn ingedeeld.',
  valuesConfig: {
    AANBIEDER: { description: 'Per aanbieder (AGB-code) van de toewijzingen in het traject.' },
    PRODUCTCATEGORIE: { description: 'Per productcategorie (JZ020) van de toewijzingen in het traject.' },
  },
});

/** Stub of the jeugd subgraph's JeugdTrajectkengetal: the key and the raw client count; inkoop adds the cost per client. */
@Directive('@key(fields: "gemeenteCode jaar indeling groepCode")')
// Descriptions as in the jeugd subgraph, so the supergraph shows one text.
@ObjectType({
  description:
    'Trajectkengetallen jeugdhulp van een gemeente en een aanbieder (of productcategorie) in een kalenderjaar: aantal clienten, aandeel ' +
    'lange trajecten, herhaald beroep en gemiddelde duur. Een traject telt mee bij een aanbieder (of categorie) als minstens een toewijzing ' +
    'van die aanbieder (of categorie) in het traject op een dag in het jaar geldt; een traject kan zo bij meer aanbieders meetellen. ' +
    'Bron: de trajecten en toewijzingen (iJw 301) in het jeugddomein; de kosten per client komen uit de declaraties (subgraph inkoop).',
})
export class JeugdTrajectkengetal {
  @Field(() => String, { description: 'CBS-gemeentecode van de gemeente die de jeugdhulp bekostigt (vier cijfers, "0406").' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Het kalenderjaar waarin de toewijzingen golden.' })
  jaar!: number;

  @Field(() => JeugdTrajectIndeling, { description: 'Of deze regel een aanbieder of een productcategorie beschrijft.' })
  indeling!: JeugdTrajectIndeling;

  @Field(() => String, { description: 'De AGB-code van de aanbieder (acht cijfers) of de productcategorie (JZ020, twee cijfers), naar indeling.' })
  groepCode!: string;

  // Owned by jeugd and @inaccessible there; the cost per client requires it.
  @Directive('@external')
  @Field(() => Int, { description: 'Aantal clienten zonder afronding of onderdrukking; alleen voor de kosten per client in de subgraph inkoop, niet opvraagbaar.' })
  aantalClientenOnafgerond?: number;
}
