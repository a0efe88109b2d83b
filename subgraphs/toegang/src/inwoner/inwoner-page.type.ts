import { Field, ObjectType } from 'type-graphql';
import { PageInfo, pageInfo } from '@sociaal-graph/toolkit';
import type { InwonerPagina } from './inwoner.sql.js';
import { Inwoner } from './inwoner.type.js';

/** One page of residents. */
@ObjectType('InwonerPage', { description: 'Een pagina inwoners.' })
export class InwonerPage {
  @Field(() => [Inwoner], { description: 'De inwoners op deze pagina.' })
  items!: Inwoner[];

  @Field(() => PageInfo, { description: 'Gegevens over de pagina.' })
  pageInfo!: PageInfo;
}

/**
 * The page a resolver returns. A page read without its count (`pageInfo` not asked) has no
 * `pageInfo`: reading it anyway is an error, never a made-up total.
 */
export function inwonerPage(pagina: InwonerPagina, page: { first: number; offset: number }): InwonerPage {
  const { totaal, inwoners } = pagina;
  if (totaal !== null) return { items: inwoners, pageInfo: pageInfo(totaal, page, inwoners.length) };
  return {
    items: inwoners,
    get pageInfo(): PageInfo {
      throw new Error('pageInfo read although it was not asked for');
    },
  };
}
