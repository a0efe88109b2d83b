import { Eurocent, PageInfo, Wet } from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Bekostiging, ContractSoort, Inkoopprocedure } from './contract.enums.js';

/**
 * A contract between a contracting organisation (the region or a gemeente) and one aanbieder,
 * with its percelen, producten and tarieven. Public information. Rows come from `contract.sql.ts`
 * in this shape; the properties without `@Field` are resolved by `contract.resolver.ts`.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Contract van de regio of een gemeente met een aanbieder (openbaar).' })
export class Contract {
  @Field(() => String, { description: 'Identificatie van het contract.' })
  id!: string;

  @Field(() => String, { description: 'Naam van het contract.' })
  naam!: string;

  @Field(() => Wet, { description: 'Wet waaronder ingekocht is.' })
  wet!: Wet;

  @Field(() => ContractSoort, { description: 'Regionaal of lokaal contract.' })
  soort!: ContractSoort;

  @Field(() => Inkoopprocedure, { description: 'Procedure waarmee het contract tot stand kwam.' })
  procedure!: Inkoopprocedure;

  @Field(() => Bekostiging, { description: 'Bekostigingsvorm: P x Q, lumpsum of taakgericht.' })
  bekostiging!: Bekostiging;

  @Field(() => String, { description: 'Eerste dag van de looptijd (JJJJ-MM-DD).' })
  looptijdVan!: string;

  @Field(() => String, { nullable: true, description: 'Laatste dag van de looptijd (JJJJ-MM-DD); leeg als die niet vastligt.' })
  looptijdTot!: string | null;

  @Field(() => Int, {
    description: 'Aantal dagen na afloop van de leveringsmaand waarbinnen de aanbieder moet declareren.',
  })
  declaratietermijnDagen!: number;

  @Field(() => Eurocent, { nullable: true, description: 'Lumpsum per jaar in eurocent; alleen bij bekostiging LUMPSUM.' })
  lumpsumPerJaar!: number | null;

  /** Organisation id of the contractant ("regio-gv", a CBS code). */
  contractantId!: string;

  /** AGB code of the aanbieder. */
  aanbiederAgb!: string;

  /** CBS codes of the deelnemende gemeenten, in code order. */
  deelnemendeGemeenteCodes!: string[];
}

/** One page of `contracten`. */
@ObjectType({ description: 'Een pagina contracten.' })
export class ContractPage {
  @Field(() => [Contract], { description: 'De contracten op deze pagina, op naam.' })
  items!: Contract[];

  @Field(() => PageInfo, { description: 'Gegevens over deze pagina.' })
  pageInfo!: PageInfo;
}
