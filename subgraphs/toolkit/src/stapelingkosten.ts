import DataLoader from 'dataloader';
import { type ClassType, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from './context.js';
import type { Queryable } from './database.js';
import { Eurocent, Wet } from './domain.js';
import { assertPlanStap } from './principal.js';
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

/** Where a piece of StapelingKosten belongs: the gemeente and year of its representation. */
export interface StapelingPlaats {
  gemeenteCode: string;
  jaar: number;
}

/** A row of a batch statement for StapelingKosten: the position of the representation it belongs to. */
export interface InBatch {
  volgnummer: number;
}

/**
 * A per-request loader for a piece of StapelingKosten: the gateway sends one representation per
 * gemeente, each asks this loader, and one statement serves them all. `fetchRows` gets the
 * representations and returns rows that name their representation's position (`perElement`). No
 * cache: two representations are never merged, whatever their key.
 */
export function stapelingLoader<K, R extends InBatch>(fetchRows: (keys: readonly K[]) => Promise<readonly R[]>): DataLoader<K, R[]> {
  return new DataLoader<K, R[]>(
    async (keys) => {
      const perVolgnummer: R[][] = keys.map(() => []);
      for (const row of await fetchRows(keys)) perVolgnummer[row.volgnummer]?.push(row);
      return perVolgnummer;
    },
    { cache: false },
  );
}

/**
 * Flattens representations carrying a list (members, toewijzingen) into parallel arrays for one
 * `unnest` in SQL: per element the position of its representation, its gemeente and year, and the
 * element itself.
 */
export function perElement<K extends StapelingPlaats, E>(
  keys: readonly K[],
  elementen: (key: K) => readonly E[],
): { volgnummer: number[]; gemeente: string[]; jaar: number[]; elementen: E[] } {
  const uit = { volgnummer: [] as number[], gemeente: [] as string[], jaar: [] as number[], elementen: [] as E[] };
  keys.forEach((key, volgnummer) => {
    for (const element of elementen(key)) {
      uit.volgnummer.push(volgnummer);
      uit.gemeente.push(key.gemeenteCode);
      uit.jaar.push(key.jaar);
      uit.elementen.push(element);
    }
  });
  return uit;
}

/** A toewijzing of a member, and the representation it belongs to. */
export type GeplaatsteToewijzing = StapelingToewijzing & InBatch;

/**
 * Per representation, the toewijzingen of its members in its gemeente that were in force on at
 * least one day of its year, from the `toewijzing` table that wmo and jeugd each keep (the same
 * columns for this purpose). One statement for all representations.
 */
export function selectStapelingToewijzingen(db: Queryable, keys: readonly StapelingKostenVerwijzing[]): Promise<GeplaatsteToewijzing[]> {
  const { volgnummer, gemeente, jaar, elementen } = perElement(keys, (key) => key.leden ?? []);
  return db.query<GeplaatsteToewijzing>(
    `SELECT k.volgnummer, t.inwoner_id AS "inwonerId", t.toewijzingsnummer
       FROM unnest($1::int[], $2::text[], $3::int[], $4::text[]) AS k (volgnummer, gemeente, jaar, inwoner)
       JOIN toewijzing t ON t.gemeente_code = k.gemeente AND t.inwoner_id = k.inwoner
        AND t.ingangsdatum < make_date(k.jaar + 1, 1, 1) AND (t.einddatum IS NULL OR t.einddatum >= make_date(k.jaar, 1, 1))
      ORDER BY k.volgnummer, t.inwoner_id, t.toewijzingsnummer`,
    [volgnummer, gemeente, jaar, elementen],
  );
}

/** The loaders wmo and jeugd add to their own for StapelingKosten. */
export interface StapelingToewijzingLoaders {
  readonly stapelingToewijzingen: DataLoader<StapelingKostenVerwijzing, GeplaatsteToewijzing[]>;
}

/** Built in wmo's and jeugd's `createLoaders`. */
export function createStapelingToewijzingLoaders(db: Queryable): StapelingToewijzingLoaders {
  return { stapelingToewijzingen: stapelingLoader((keys: readonly StapelingKostenVerwijzing[]) => selectStapelingToewijzingen(db, keys)) };
}

/** A representation of `StapelingKosten` as the gateway sends it to a subgraph that extends it. */
export interface StapelingKostenVerwijzing extends StapelingPlaats {
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
 * in force in the year, handed on to inkoop for their declaraties. Only as a step of the gateway's
 * query plan (the assertion names the field), and the caller needs statistiek rights for `wet` in
 * the gemeente (toegang only asks within them; checked again here).
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
    toewijzingen(
      @Root() kosten: StapelingKostenVerwijzing,
      @Ctx() { loaders, principal }: SubgraphContext<StapelingToewijzingLoaders>,
    ): Promise<StapelingToewijzing[]> {
      assertPlanStap(principal, `StapelingKosten.${veld}`);
      assertStatistiek(wet, principal.statistiek(wet), [kosten.gemeenteCode]);
      return loaders.stapelingToewijzingen.load(kosten);
    }
  }
  return StapelingToewijzingenResolver;
}
