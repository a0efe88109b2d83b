import { registerEnumType } from 'type-graphql';

/**
 * Where a gemeente stands with a measure: owned by the gemeenten subgraph, read by wmo through `@requires`
 * (the intake around a measure's registered date), so both declare the same enum.
 */
export enum MaatregelBesluitstatus {
  IN_VOORBEREIDING = 'IN_VOORBEREIDING',
  BESLOTEN = 'BESLOTEN',
  GEIMPLEMENTEERD = 'GEIMPLEMENTEERD',
  NIET_VAN_TOEPASSING = 'NIET_VAN_TOEPASSING',
}
registerEnumType(MaatregelBesluitstatus, {
  name: 'MaatregelBesluitstatus',
  description: 'Stand van een maatregel in een gemeente: in voorbereiding, besloten, geïmplementeerd of niet van toepassing.',
  valuesConfig: {
    IN_VOORBEREIDING: { description: 'Voorbereid (vaak op HBEL-niveau), nog niet besloten in deze gemeente.' },
    BESLOTEN: { description: 'Besloten in de planning-en-controlcyclus van deze gemeente, nog niet ingevoerd.' },
    GEIMPLEMENTEERD: { description: 'Ingevoerd in deze gemeente.' },
    NIET_VAN_TOEPASSING: { description: 'Geldt niet voor deze gemeente, bijvoorbeeld omdat zij de wet elders heeft belegd.' },
  },
});

