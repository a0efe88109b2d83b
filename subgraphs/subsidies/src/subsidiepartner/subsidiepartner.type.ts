import { PageInfo } from '@sociaal-graph/toolkit';
import { Directive, Field, ObjectType } from 'type-graphql';

/** A voorveld organisation that receives subsidies. Also the row shape of `subsidiepartner.sql.ts`. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Een organisatie in het voorveld die subsidie ontvangt (welzijn, mantelzorg, CJG, ...).' })
export class Subsidiepartner {
  @Field(() => String, { description: 'Identificatie van de partner.' })
  id!: string;

  @Field(() => String, { description: 'Naam van de organisatie.' })
  naam!: string;

  @Field(() => String, { description: 'KvK-nummer (acht cijfers).' })
  kvkNummer!: string;

  /** SUBSIDIE_THEMA code. */
  themaCode!: string;
}

/** One page of subsidiepartners. */
@ObjectType({ description: 'Een pagina subsidiepartners.' })
export class SubsidiepartnerPage {
  @Field(() => [Subsidiepartner], { description: 'De partners op deze pagina.' })
  items!: Subsidiepartner[];

  @Field(() => PageInfo, { description: 'Gegevens over de pagina.' })
  pageInfo!: PageInfo;
}
