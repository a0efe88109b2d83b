import { type ClassType, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from './context.js';
import type { Queryable } from './database.js';
import { Eurocent, Wet } from './domain.js';
import { assertStatistiek } from './statistiek.js';

/**
 * What the cost of stacked support travels in between subgraphs (issue 4 item 7). The households
 * live in toegang, the toewijzingen in wmo and jeugd, the declared amounts in inkoop and the
 * benefits in participatie: the gateway carries per-resident pieces from one to the next over the
 * entity `StapelingKosten`, and toegang adds them up. These types are @inaccessible: no client
 * can select them, only the query planner moves them.
 */

/** One toewijzing of a resident, as wmo or jeugd hands it to inkoop to look up its declaraties. */
@Directive('@shareable')
@Directive('@inaccessible')
@ObjectType({
  description: 'Een toewijzing van een inwoner, tussen subgraphs doorgegeven om de kosten van stapeling te bepalen; niet opvraagbaar.',
})
export class StapelingToewijzing {
  @Field(() => String, { description: 'Pseudoniem van de inwoner (Inwoner.id).' })
  inwonerId!: string;

  @Field(() => String, { description: 'iWmo/iJw ToewijzingNummer, uniek binnen gemeente en wet.' })
  toewijzingsnummer!: string;
}

/** What one resident cost under one law in the year, as inkoop or participatie hands it to toegang. */
@Directive('@shareable')
@Directive('@inaccessible')
@ObjectType({
  description: 'Kosten van een inwoner onder een wet in het jaar, tussen subgraphs doorgegeven voor de stapeling; niet opvraagbaar.',
})
export class StapelingKostenpost {
  @Field(() => String, { description: 'Pseudoniem van de inwoner (Inwoner.id).' })
  inwonerId!: string;

  @Field(() => Wet, { description: 'De wet waaronder de kosten vallen.' })
  wet!: Wet;

  @Field(() => Eurocent, { description: 'Kosten in eurocent.' })
  bedrag!: number;
}

/** The description of `StapelingKosten`, the same in its owner and every stub, so the supergraph shows this one. */
export const STAPELINGKOSTEN_BESCHRIJVING =
  'Wat de huishoudens met ondersteuning in een gemeente en jaar kosten, naar het aantal wetten. Kosten zijn die van alle leden in de ' +
  'gemeente in het jaar: gedeclareerde Wmo- en Jeugdwetzorg (declaratieregels met een leveringsperiode die in het jaar begint, zonder ' +
  'afgewezen en gecrediteerde regels; een recent jaar is nog niet compleet, aanbieders declareren laat; pgb en zorg onder een ' +
  'lumpsumcontract, die niet per client worden gedeclareerd, vallen erbuiten) en ' +
  'Participatiewet (bijstandsuitkeringen naar rato van hun dagen in het jaar, en de minimaregelingen van het jaar).';

/** Descriptions of the fields that carry the pieces, the same where they are owned and where they are @external. */
export const STAPELINGKOSTEN_VELDEN = {
  toewijzingen: 'De toewijzingen van de leden in de gemeente die in het jaar golden; alleen voor de kosten in de subgraph inkoop, niet opvraagbaar.',
  zorgkosten:
    'Gedeclareerde Wmo- en Jeugdwetkosten per lid en wet in de gemeente: declaratieregels met een leveringsperiode die in het jaar begint, ' +
  'zonder afgewezen en gecrediteerde regels; alleen voor de optelling in de subgraph toegang, niet opvraagbaar.',
  participatiekosten:
    'Participatiewetkosten per lid in de gemeente en het jaar: bijstandsuitkeringen naar rato van hun dagen in het jaar en de ' +
  'minimaregelingen van het jaar; alleen voor de optelling in de subgraph toegang, niet opvraagbaar.',
} as const;

/** The federation key of `StapelingKosten`: one gemeente and year. */
export const STAPELINGKOSTEN_KEY = '@key(fields: "gemeenteCode jaar")';

/**
 * The toewijzingen of `leden` in one gemeente that were in force on at least one day of `jaar`, from
 * the `toewijzing` table that wmo and jeugd each keep (same columns for this purpose). One statement.
 */
export function selectStapelingToewijzingen(
  db: Queryable,
  gemeenteCode: string,
  jaar: number,
  leden: readonly string[],
): Promise<StapelingToewijzing[]> {
  return db.query<StapelingToewijzing>(
    `SELECT inwoner_id AS "inwonerId", toewijzingsnummer
       FROM toewijzing
      WHERE gemeente_code = $1 AND inwoner_id = ANY($3::text[])
        AND ingangsdatum < make_date($2 + 1, 1, 1) AND (einddatum IS NULL OR einddatum >= make_date($2, 1, 1))
      ORDER BY inwoner_id, toewijzingsnummer`,
    [gemeenteCode, jaar, leden],
  );
}

/** A representation of `StapelingKosten` as the gateway sends it to a subgraph that extends it. */
export interface StapelingKostenVerwijzing {
  gemeenteCode: string;
  jaar: number;
  /** Present when the field asked for @requires it (toegang owns it). */
  leden?: string[];
}

const GEMEENTE = 'CBS-gemeentecode van de gemeente waarover de stapeling is berekend (vier cijfers, "0406").';
const JAAR = 'Het kalenderjaar waarover de stapeling is berekend.';
const LEDEN = 'Pseudoniemen van de leden van de huishoudens met ondersteuning; alleen voor de kosten in andere subgraphs, niet opvraagbaar.';

/**
 * The stub of toegang's `StapelingKosten` that wmo, jeugd and participatie extend: the key and the
 * members toegang hands them (@external). Built once per subgraph, so each schema gets its own class.
 */
export function stapelingKostenStub(): ClassType {
  @Directive(STAPELINGKOSTEN_KEY)
  @ObjectType('StapelingKosten', { description: STAPELINGKOSTEN_BESCHRIJVING })
  class StapelingKosten implements StapelingKostenVerwijzing {
    @Field(() => String, { description: GEMEENTE })
    gemeenteCode!: string;

    @Field(() => Int, { description: JAAR })
    jaar!: number;

    @Directive('@external')
    @Field(() => [String], { description: LEDEN })
    leden?: string[];
  }
  return StapelingKosten;
}

/** `__resolveReference` of every StapelingKosten stub: the representation is all it needs. */
export function resolveStapelingKosten<T extends StapelingKostenVerwijzing>(reference: T): T {
  return reference;
}

/**
 * The field wmo and jeugd add to `StapelingKosten`: the toewijzingen of its members in the gemeente
 * in force in the year, handed on to inkoop for their declaraties. The caller needs statistiek
 * rights for `wet` in the gemeente (toegang only asks within them; checked again here).
 */
export function stapelingToewijzingenResolver(stub: ClassType, { wet, veld }: { wet: Wet; veld: string }): ClassType {
  @Resolver(() => stub)
  class StapelingToewijzingenResolver {
    @Directive('@inaccessible')
    @Directive('@requires(fields: "leden")')
    @FieldResolver(() => [StapelingToewijzing], {
      name: veld,
      description: STAPELINGKOSTEN_VELDEN.toewijzingen,
    })
    async toewijzingen(@Root() kosten: StapelingKostenVerwijzing, @Ctx() { db, principal }: SubgraphContext): Promise<StapelingToewijzing[]> {
      assertStatistiek(wet, principal.statistiek(wet), [kosten.gemeenteCode]);
      const leden = kosten.leden ?? [];
      return leden.length === 0 ? [] : selectStapelingToewijzingen(db, kosten.gemeenteCode, kosten.jaar, leden);
    }
  }
  return StapelingToewijzingenResolver;
}
