import type { Queryable, StapelingPlaats } from '@sociaal-graph/toolkit';

/** One household with support in a gemeente and year: the laws it was granted support under, and its members. */
export interface StapelingHuishoudenRow extends StapelingPlaats {
  huishoudenId: string;
  wmo: boolean;
  jeugdwet: boolean;
  participatiewet: boolean;
  /** Every member's pseudonym (Inwoner.id): the costs of all members count, not only of those with a melding. */
  leden: string[];
}

/** The key of a gemeente and year ("0406:2025"), for the loader of the households. */
export const stapelingSleutel = (plaats: StapelingPlaats): string => `${plaats.gemeenteCode}:${plaats.jaar}`;

/**
 * The households that `selectStapeling` counts, for each gemeente and year (`stapelingSleutel`) (a TOEGEKEND
 * melding of a member dated in the year, in the gemeente), with their laws and all their members,
 * in one statement. The gemeenten are already within the caller's aggregate scope for all three laws.
 */
export function selectStapelingHuishoudens(db: Queryable, sleutels: readonly string[]): Promise<StapelingHuishoudenRow[]> {
  const plaatsen = sleutels.map((sleutel) => sleutel.split(':'));
  return db.query<StapelingHuishoudenRow>(
    `WITH steun AS (
       SELECT k.gemeente, k.jaar, i.huishouden_id,
              bool_or(m.wet = 'WMO') AS wmo, bool_or(m.wet = 'JEUGDWET') AS jeugdwet, bool_or(m.wet = 'PARTICIPATIEWET') AS participatiewet
         FROM unnest($1::text[], $2::int[]) AS k (gemeente, jaar)
         JOIN melding m ON m.gemeente_code = k.gemeente AND m.status = 'TOEGEKEND'
          AND m.datum >= make_date(k.jaar, 1, 1) AND m.datum < make_date(k.jaar + 1, 1, 1)
         JOIN inwoner i ON i.id = m.inwoner_id
        GROUP BY k.gemeente, k.jaar, i.huishouden_id
     )
     SELECT s.gemeente AS "gemeenteCode", s.jaar, s.huishouden_id AS "huishoudenId", s.wmo, s.jeugdwet, s.participatiewet,
            array_agg(lid.id ORDER BY lid.id) AS leden
       FROM steun s JOIN inwoner lid ON lid.huishouden_id = s.huishouden_id
      GROUP BY s.gemeente, s.jaar, s.huishouden_id, s.wmo, s.jeugdwet, s.participatiewet
      ORDER BY s.gemeente, s.jaar, s.huishouden_id`,
    [plaatsen.map(([gemeente]) => gemeente), plaatsen.map(([, jaar]) => Number(jaar))],
  );
}
