import { cellKeySql, type Queryable } from '@sociaal-graph/toolkit';

/** How the rows are split within a gemeente: by the aanbieder or by the productcategorie of the toewijzingen. */
export type Indeling = 'AANBIEDER' | 'PRODUCTCATEGORIE';

/** Raw counts of the trajecten of one gemeente and group (aanbieder or productcategorie) in one year, before suppression. */
export interface TrajectkengetalRow {
  gemeenteCode: string;
  /** AGB code of the aanbieder, or the JZ020 productcategorie. */
  groepCode: string;
  aantalClienten: number;
  aantalTrajecten: number;
  aantalLangerDanEenJaar: number;
  aantalHerhaaldBeroep: number;
  /** Sum of the durations in days, and the largest sum of one client. */
  duurInDagen: number;
  grootsteDuur: number;
  /** Distinct clients with a long, and with a repeat, traject. */
  clientenLangerDanEenJaar: number;
  clientenHerhaaldBeroep: number;
  /** Cell keys: of the clients, and of the trajecten (all, long, repeat). */
  sleutelClienten: number;
  sleutelTrajecten: number;
  sleutelLangerDanEenJaar: number;
  sleutelHerhaaldBeroep: number;
  /** The peildatum of the data (the same on every row). */
  gegevensTot: string | null;
}

/** Repeat use: a trajectory started at most this many days after an earlier one of the same young person ended. */
export const HERHAALD_BEROEP_DAGEN = 365;

/** A trajectory lasting more than this many days (start and end day counted) lasted longer than a year. */
export const JAAR_DAGEN = 365;

/**
 * Trajectory figures per gemeente and aanbieder (or productcategorie) in one year, in one statement. A
 * traject belongs to a group when at least one of its toewijzingen of that aanbieder (or categorie)
 * holds on a day of the year; one traject can belong to several groups. Its duration counts start and
 * end day, up to the peildatum of the data (table `stand`) when it runs on or ends later. `gemeenten`
 * is already limited to the caller's aggregate scope. With what the disclosure policy needs per cell (issue 10).
 */
export function selectTrajectkengetallen(
  db: Queryable,
  filter: { gemeenten: readonly string[]; jaar: number; indeling: Indeling },
): Promise<TrajectkengetalRow[]> {
  return db.query<TrajectkengetalRow>(
    `WITH peil AS (SELECT COALESCE((SELECT max(peildatum) FROM stand), current_date) AS peildatum),
     groep AS (
       SELECT DISTINCT t.gemeente_code, CASE WHEN $3 = 'AANBIEDER' THEN t.aanbieder_agb ELSE t.productcategorie END AS groep_code, t.traject_id
         FROM toewijzing t
        WHERE t.gemeente_code = ANY($1) AND t.traject_id IS NOT NULL
          AND t.ingangsdatum <= make_date($2, 12, 31) AND (t.einddatum IS NULL OR t.einddatum >= make_date($2, 1, 1))
     ),
     maat AS (
       SELECT tr.id, tr.inwoner_id,
              GREATEST(LEAST(COALESCE(tr.einddatum, p.peildatum), p.peildatum) - tr.startdatum + 1, 0) AS duur,
              EXISTS (SELECT 1 FROM traject vorig
                       WHERE vorig.inwoner_id = tr.inwoner_id AND vorig.gemeente_code = tr.gemeente_code AND vorig.id <> tr.id
                         AND vorig.einddatum < tr.startdatum AND tr.startdatum - vorig.einddatum <= ${HERHAALD_BEROEP_DAGEN}) AS herhaald
         FROM traject tr CROSS JOIN peil p
        WHERE tr.id IN (SELECT traject_id FROM groep)
     ),
     -- Each traject in its group with the summed duration of its client's trajecten there: the largest contribution.
     gm AS (
       SELECT g.gemeente_code, g.groep_code, m.*, sum(m.duur) OVER (PARTITION BY g.gemeente_code, g.groep_code, m.inwoner_id) AS clientduur
         FROM groep g JOIN maat m ON m.id = g.traject_id
     )
     SELECT m.gemeente_code AS "gemeenteCode", m.groep_code AS "groepCode",
            count(DISTINCT m.inwoner_id)::int AS "aantalClienten",
            count(*)::int AS "aantalTrajecten",
            count(*) FILTER (WHERE m.duur > ${JAAR_DAGEN})::int AS "aantalLangerDanEenJaar",
            count(*) FILTER (WHERE m.herhaald)::int AS "aantalHerhaaldBeroep",
            sum(m.duur)::float8 AS "duurInDagen",
            max(m.clientduur)::float8 AS "grootsteDuur",
            count(DISTINCT m.inwoner_id) FILTER (WHERE m.duur > ${JAAR_DAGEN})::int AS "clientenLangerDanEenJaar",
            count(DISTINCT m.inwoner_id) FILTER (WHERE m.herhaald)::int AS "clientenHerhaaldBeroep",
            ${cellKeySql('m.inwoner_id')} AS "sleutelClienten",
            ${cellKeySql('m.id')} AS "sleutelTrajecten",
            ${cellKeySql('m.id', `m.duur > ${JAAR_DAGEN}`)} AS "sleutelLangerDanEenJaar",
            ${cellKeySql('m.id', 'm.herhaald')} AS "sleutelHerhaaldBeroep",
            (SELECT to_char(peildatum, 'YYYY-MM-DD') FROM peil) AS "gegevensTot"
       FROM gm m
      GROUP BY m.gemeente_code, m.groep_code
      ORDER BY m.gemeente_code, m.groep_code`,
    [filter.gemeenten, filter.jaar, filter.indeling],
  );
}
