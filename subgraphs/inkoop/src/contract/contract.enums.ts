import { registerEnumType } from 'type-graphql';

/** Whether the region buys for its gemeenten together or one gemeente buys for itself. */
export enum ContractSoort {
  REGIONAAL = 'REGIONAAL',
  LOKAAL = 'LOKAAL',
}
registerEnumType(ContractSoort, {
  name: 'ContractSoort',
  description: 'Regionaal (ingekocht door de regio voor de deelnemende gemeenten) of lokaal (door één gemeente).',
  valuesConfig: {
    REGIONAAL: { description: 'Ingekocht door de regio (zoals Gooi en Vechtstreek) voor de deelnemende gemeenten samen.' },
    LOKAAL: { description: 'Ingekocht door één gemeente voor zichzelf, buiten het regionale contract.' },
  },
});

/** How the contract was awarded (Contractstandaard Wmo/Jeugd, Aanbestedingswet 2012). */
export enum Inkoopprocedure {
  OPEN_HOUSE = 'OPEN_HOUSE',
  EUROPESE_AANBESTEDING = 'EUROPESE_AANBESTEDING',
  ENKELVOUDIG_ONDERHANDS = 'ENKELVOUDIG_ONDERHANDS',
  PARTNERSCHAP = 'PARTNERSCHAP',
}
registerEnumType(Inkoopprocedure, {
  name: 'Inkoopprocedure',
  description:
    'Procedure waarmee het contract tot stand kwam: open house (toelatingsprocedure, elke geschikte aanbieder ' +
    'wordt gecontracteerd), Europese aanbesteding, enkelvoudig onderhandse procedure of partnerschap.',
  valuesConfig: {
    OPEN_HOUSE: { description: 'Toelatingsprocedure: het aantal opdrachtnemers wordt niet beperkt.' },
    EUROPESE_AANBESTEDING: { description: 'Europese aanbesteding (sociale en andere specifieke diensten).' },
    ENKELVOUDIG_ONDERHANDS: { description: 'Enkelvoudig onderhandse procedure.' },
    PARTNERSCHAP: { description: 'Langjarig partnerschap met een beperkt aantal aanbieders.' },
  },
});

/** How the provider is paid. */
export enum Bekostiging {
  PXQ = 'PXQ',
  LUMPSUM = 'LUMPSUM',
  TAAKGERICHT = 'TAAKGERICHT',
}
registerEnumType(Bekostiging, {
  name: 'Bekostiging',
  description: 'Bekostigingsvorm van het contract.',
  valuesConfig: {
    PXQ: { description: 'Prijs maal hoeveelheid: de aanbieder declareert geleverd volume tegen het tarief.' },
    LUMPSUM: { description: 'Vast bedrag per jaar, los van het geleverde volume.' },
    TAAKGERICHT: { description: 'Bekostiging per taak of resultaat, niet per geleverde eenheid.' },
  },
});
