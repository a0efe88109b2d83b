import type { Queryable } from '@sociaal-graph/toolkit';

/** One household with support in a gemeente and year: the laws it was granted support under, and its members. */
export interface StapelingHuishoudenRow {
  huishoudenId: string;
  wmo: boolean;
  jeugdwet: boolean;
  participatiewet: boolean;
  /** Every member's pseudonym (Inwoner.id): the costs of all members count, not only of those with a melding. */
  leden: string[];
}

/**
 * The households that `selectStapeling` counts for one gemeente and year (a TOEGEKEND melding of a
 * member dated in the year, in the gemeente), with their laws and all their members, in one
 * statement. The gemeente is already within the caller's aggregate scope for all three laws.
 */
export function selectStapelingHuishoudens(db: Queryable, gemeenteCode: string, jaar: number): Promise<StapelingHuishoudenRow[]> {
  return db.query<StapelingHuishoudenRow>(
    `WITH steun AS (
       SELECT i.huishouden_id,
              bool_or(m.wet = 'WMO') AS wmo, bool_or(m.wet = 'JEUGDWET') AS jeugdwet, bool_or(m.wet = 'PARTICIPATIEWET') AS participatiewet
         FROM melding m JOIN inwoner i ON i.id = m.inwoner_id
        WHERE m.status = 'TOEGEKEND' AND m.gemeente_code = $1
          AND m.datum >= make_date($2, 1, 1) AND m.datum < make_date($2 + 1, 1, 1)
        GROUP BY i.huishouden_id
     )
     SELECT s.huishouden_id AS "huishoudenId", s.wmo, s.jeugdwet, s.participatiewet,
            array_agg(lid.id ORDER BY lid.id) AS leden
       FROM steun s JOIN inwoner lid ON lid.huishouden_id = s.huishouden_id
      GROUP BY s.huishouden_id, s.wmo, s.jeugdwet, s.participatiewet
      ORDER BY s.huishouden_id`,
    [gemeenteCode, jaar],
  );
}
