import { cellKeySql, type Queryable } from '@sociaal-graph/toolkit';
import type { ScopeParameter } from '../scope.js';

/** Raw counts of one gemeente and year, as computed in SQL (published through the disclosure policy). */
export interface KengetallenRow {
  gemeenteCode: string;
  uitkeringenActief: number;
  /** The stock at the end of the year before: with instroom and uitstroom it balances this year's stock. */
  uitkeringenActiefVorigJaar: number;
  instroom: number;
  uitstroom: number;
  schuldhulptrajectenGestart: number;
  /** Cell keys (issue 10), in the order actief, actiefVorigJaar, instroom, uitstroom, schuldhulptrajectenGestart. */
  sleutels: number[];
}

/**
 * Key figures of the requested gemeenten within the scope, for one year, in one statement. Gemeenten
 * outside the scope get no row. Stock, inflow and outflow balance: a benefit ending on 31 December
 * is outflow of that year and no longer counts as running at its end.
 */
export function fetchKengetallen(
  db: Queryable,
  gemeenteCodes: readonly string[],
  jaar: number,
  scope: ScopeParameter,
): Promise<KengetallenRow[]> {
  return db.query<KengetallenRow>(
    `WITH gevraagd AS (
       SELECT DISTINCT code FROM unnest($1::text[]) AS g(code) WHERE $4::text[] IS NULL OR code = ANY($4)
     ),
     uitkeringen AS (
       SELECT gemeente_code,
         count(*) FILTER (WHERE ingangsdatum <= $3::date AND (einddatum IS NULL OR einddatum > $3::date)) AS actief,
         count(*) FILTER (WHERE ingangsdatum < $2::date AND (einddatum IS NULL OR einddatum >= $2::date)) AS actief_vorig_jaar,
         count(*) FILTER (WHERE ingangsdatum BETWEEN $2::date AND $3::date) AS instroom,
         count(*) FILTER (WHERE einddatum BETWEEN $2::date AND $3::date) AS uitstroom,
         ${cellKeySql('id', 'ingangsdatum <= $3::date AND (einddatum IS NULL OR einddatum > $3::date)')} AS k_actief,
         ${cellKeySql('id', 'ingangsdatum < $2::date AND (einddatum IS NULL OR einddatum >= $2::date)')} AS k_vorig,
         ${cellKeySql('id', 'ingangsdatum BETWEEN $2::date AND $3::date')} AS k_instroom,
         ${cellKeySql('id', 'einddatum BETWEEN $2::date AND $3::date')} AS k_uitstroom
       FROM uitkering WHERE gemeente_code IN (SELECT code FROM gevraagd) GROUP BY gemeente_code
     ),
     schuldhulp AS (
       SELECT gemeente_code, count(*) AS gestart, ${cellKeySql('id')} AS k_gestart FROM schuldhulptraject
       WHERE gemeente_code IN (SELECT code FROM gevraagd) AND startdatum BETWEEN $2::date AND $3::date
       GROUP BY gemeente_code
     )
     SELECT g.code AS "gemeenteCode", coalesce(u.actief, 0) AS "uitkeringenActief",
            coalesce(u.actief_vorig_jaar, 0) AS "uitkeringenActiefVorigJaar", coalesce(u.instroom, 0) AS instroom,
            coalesce(u.uitstroom, 0) AS uitstroom, coalesce(s.gestart, 0) AS "schuldhulptrajectenGestart",
            ARRAY[coalesce(u.k_actief, 0), coalesce(u.k_vorig, 0), coalesce(u.k_instroom, 0), coalesce(u.k_uitstroom, 0), coalesce(s.k_gestart, 0)]::float8[] AS sleutels
     FROM gevraagd g
     LEFT JOIN uitkeringen u ON u.gemeente_code = g.code
     LEFT JOIN schuldhulp s ON s.gemeente_code = g.code`,
    [gemeenteCodes, `${jaar}-01-01`, `${jaar}-12-31`, scope],
  );
}
