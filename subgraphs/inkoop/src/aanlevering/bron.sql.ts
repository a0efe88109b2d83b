import type { Queryable, Wet } from '@sociaal-graph/toolkit';
import type { Bron } from './bron.type.js';

/**
 * The freshness of each of `bronnen` for each gemeente an answer was computed over, in their order:
 * the latest delivery by the date it brings the source up to. A source never delivered is listed with
 * nulls, so a missing source shows instead of looking fresh. One statement.
 */
export async function selectBronnen(db: Queryable, gemeenten: readonly string[], wet: Wet, bronnen: readonly ('TOEWIJZINGEN' | 'DECLARATIES')[]): Promise<Bron[]> {
  if (gemeenten.length === 0) return [];
  const rows = await db.query<{ gemeenteCode: string; bron: string; bijgewerktTot: string; kanaal: string; bijgewerktOp: string }>(
    `SELECT DISTINCT ON (gemeente_code, bron) gemeente_code AS "gemeenteCode", bron, to_char(bijgewerkt_tot, 'YYYY-MM-DD') AS "bijgewerktTot", kanaal,
            to_char(bijgewerkt_op AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "bijgewerktOp"
     FROM aanlevering WHERE gemeente_code = ANY($1) AND wet = $2 AND bron = ANY($3)
     ORDER BY gemeente_code, bron, bijgewerkt_tot DESC, bijgewerkt_op DESC`,
    [gemeenten, wet, bronnen],
  );
  const gevonden = new Map(rows.map((row) => [`${row.gemeenteCode}|${row.bron}`, row]));
  return gemeenten.flatMap((gemeenteCode) =>
    bronnen.map((bron) => gevonden.get(`${gemeenteCode}|${bron}`) ?? { gemeenteCode, bron, bijgewerktTot: null, kanaal: null, bijgewerktOp: null }),
  );
}
