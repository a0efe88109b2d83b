import { PageInfo } from '@sociaal-graph/toolkit';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * A subsidy to a partner for one gemeente and year: requested, granted (verleend) and, after
 * accountability, settled (vastgesteld). Also the row shape of `subsidie.sql.ts`; the undecorated
 * properties are codes and keys the resolver expands.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'Een subsidie aan een voorveldpartner voor één gemeente en één jaar.' })
export class Subsidie {
  @Field(() => String, { description: 'Identificatie van de subsidie.' })
  id!: string;

  @Field(() => String, { description: 'CBS-code van de subsidieverlenende gemeente ("0406").' })
  gemeenteCode!: string;

  @Field(() => Int, { description: 'Subsidiejaar.' })
  jaar!: number;

  @Field(() => Int, { description: 'Aangevraagd bedrag, in eurocent.' })
  aangevraagd!: number;

  @Field(() => Int, { description: 'Verleend bedrag (beschikking tot verlening), in eurocent.' })
  verleend!: number;

  @Field(() => Int, { nullable: true, description: 'Vastgesteld bedrag na verantwoording, in eurocent; leeg tot de vaststelling.' })
  vastgesteld!: number | null;

  @Field(() => Int, { description: 'Budgetplafond van de regeling waaruit de subsidie komt, in eurocent.' })
  budgetplafond!: number;

  /** Subsidiepartner.id. */
  partnerId!: string;
  /** SUBSIDIE_SOORT code. */
  soortCode!: string;
  /** SUBSIDIE_STATUS code. */
  statusCode!: string;
}

/** One page of subsidies. */
@ObjectType({ description: 'Een pagina subsidies.' })
export class SubsidiePage {
  @Field(() => [Subsidie], { description: 'De subsidies op deze pagina.' })
  items!: Subsidie[];

  @Field(() => PageInfo, { description: 'Gegevens over de pagina.' })
  pageInfo!: PageInfo;
}
