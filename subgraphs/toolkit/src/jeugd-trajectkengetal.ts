import { registerEnumType } from 'type-graphql';

/**
 * What jeugd (owner) and inkoop (which adds the cost per client) both declare of the entity
 * `JeugdTrajectkengetal` (issue 4 item 5): the enum in its key, and the descriptions of the type and
 * the fields both have, so the two stay the same and the supergraph shows one text.
 */

/** The split of the trajectory figures within a gemeente; part of the key. */
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

/** The federation key of `JeugdTrajectkengetal`. */
export const JEUGD_TRAJECTKENGETAL_KEY = '@key(fields: "gemeenteCode jaar indeling groepCode")';

export const JEUGD_TRAJECTKENGETAL_BESCHRIJVING =
  'Trajectkengetallen jeugdhulp van een gemeente en een aanbieder (of productcategorie) in een kalenderjaar: aantal clienten, aandeel ' +
  'lange trajecten, herhaald beroep en gemiddelde duur. Een traject telt mee bij een aanbieder (of categorie) als minstens een toewijzing ' +
  'van die aanbieder (of categorie) in het traject op een dag in het jaar geldt; een traject kan zo bij meer aanbieders meetellen. ' +
  'Bron: de trajecten en toewijzingen (iJw 301) in het jeugddomein; de kosten per client komen uit de declaraties (subgraph inkoop).';

/** Descriptions of the key fields and of the published count inkoop requires. */
export const JEUGD_TRAJECTKENGETAL_VELDEN = {
  gemeenteCode: 'CBS-gemeentecode van de gemeente die de jeugdhulp bekostigt (vier cijfers, "0406").',
  jaar: 'Het kalenderjaar waarin de toewijzingen golden.',
  indeling: 'Of deze regel een aanbieder of een productcategorie beschrijft.',
  groepCode: 'De AGB-code van de aanbieder (acht cijfers) of de productcategorie (JZ020, twee cijfers), naar indeling.',
  aantalClienten: 'Aantal unieke jeugdigen (clienten) met een meegeteld traject (zie Verantwoording.onderdrukkingsregel).',
} as const;
