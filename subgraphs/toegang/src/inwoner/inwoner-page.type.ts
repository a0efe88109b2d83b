import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@sociaal-graph/toolkit';
import { Inwoner } from './inwoner.type.js';

/** One page of residents. */
@ObjectType('InwonerPage', { description: 'Een pagina inwoners.' })
export class InwonerPage {
  @Field(() => [Inwoner], { description: 'De inwoners op deze pagina.' })
  items!: Inwoner[];

  @Field(() => PageInfo, { description: 'Gegevens over de pagina.' })
  pageInfo!: PageInfo;
}
