import type { Queryable, Wet } from '@sociaal-graph/toolkit';

/**
 * The declaration term used where the contract has none (no contract found, or a term of 0 days as
 * on a lumpsum contract): eight weeks after the delivery month.
 */
export const STANDAARD_TERMIJN_DAGEN = 56;

/** One aanbieder x gemeente x period of declaration behaviour, raw (before suppression). */
export interface DeclaratiegedragRow {
  aanbiederAgb: string;
  gemeenteCode: string;
  /** Month of the dagtekening (1-12), null when counted per year. */
  maand: number | null;
  aantalToewijzingen: number;
  aantalRegels: number;
  /** First submissions: lines that correct no other line (the lag is measured over these). */
  aantalEerste: number;
  gemiddeldeVertraging: number | null;
  mediaanVertraging: number | null;
  aantalNaTermijn: number;
  aantalAfgewezen: number;
  aantalGecrediteerd: number;
  aantalCorrecties: number;
  /** Over all rows of the answer: the last dagtekening and the last day delivered. */
  laatsteDeclaratie: string | null;
  gegevensTot: string | null;
}

/**
 * Declaration behaviour per aanbieder, gemeente and (optionally) month of the dagtekening in one year,
 * over the given gemeenten (already limited to the caller's aggregate scope). The lag counts from the
 * last day of the delivery month, as `Declaratie.vertragingInDagen` and the declaratietermijn do; the
 * term is that of the contract of the aanbieder for this law and gemeente valid at the start of the
 * delivery, else STANDAARD_TERMIJN_DAGEN.
 */
export function selectDeclaratiegedrag(
  db: Queryable,
  filter: { wet: Wet; gemeenten: readonly string[]; jaar: number; perMaand: boolean; aanbieder: string | null },
): Promise<DeclaratiegedragRow[]> {
  return db.query<DeclaratiegedragRow>(
    `WITH regel AS (
       SELECT d.aanbieder_agb, d.gemeente_code, d.toewijzingsnummer, d.status, d.correctie_van, d.ingediend_op, d.levering_tot,
              CASE WHEN $4 THEN extract(month FROM d.ingediend_op)::int END AS maand,
              d.ingediend_op - ((date_trunc('month', d.levering_tot::timestamp) + interval '1 month')::date - 1) AS vertraging,
              coalesce(nullif(termijn.dagen, 0), ${STANDAARD_TERMIJN_DAGEN}) AS termijn
         FROM declaratie d
         LEFT JOIN LATERAL (
           SELECT c.declaratietermijn_dagen AS dagen
             FROM contract c JOIN contract_gemeente cg ON cg.contract_id = c.id AND cg.gemeente_code = d.gemeente_code
            WHERE c.aanbieder_agb = d.aanbieder_agb AND c.wet = d.wet
              AND c.looptijd_van <= d.levering_van AND (c.looptijd_tot IS NULL OR c.looptijd_tot >= d.levering_van)
            ORDER BY c.looptijd_van DESC, c.id LIMIT 1
         ) termijn ON true
        WHERE d.wet = $1 AND d.gemeente_code = ANY($2) AND extract(year FROM d.ingediend_op) = $3
          AND ($5::text IS NULL OR d.aanbieder_agb = $5)
     )
     SELECT aanbieder_agb AS "aanbiederAgb", gemeente_code AS "gemeenteCode", maand,
            count(DISTINCT toewijzingsnummer)::int AS "aantalToewijzingen",
            count(*)::int AS "aantalRegels",
            count(*) FILTER (WHERE correctie_van IS NULL)::int AS "aantalEerste",
            round(avg(vertraging) FILTER (WHERE correctie_van IS NULL), 1)::float8 AS "gemiddeldeVertraging",
            (percentile_cont(0.5) WITHIN GROUP (ORDER BY vertraging) FILTER (WHERE correctie_van IS NULL))::float8 AS "mediaanVertraging",
            count(*) FILTER (WHERE correctie_van IS NULL AND vertraging > termijn)::int AS "aantalNaTermijn",
            count(*) FILTER (WHERE status = 'AFGEWEZEN')::int AS "aantalAfgewezen",
            count(*) FILTER (WHERE status = 'GECREDITEERD')::int AS "aantalGecrediteerd",
            count(*) FILTER (WHERE correctie_van IS NOT NULL)::int AS "aantalCorrecties",
            to_char(max(max(ingediend_op)) OVER (), 'YYYY-MM-DD') AS "laatsteDeclaratie",
            to_char(max(max(levering_tot)) OVER (), 'YYYY-MM-DD') AS "gegevensTot"
       FROM regel
      GROUP BY aanbieder_agb, gemeente_code, maand
      ORDER BY aanbieder_agb, gemeente_code, maand`,
    [filter.wet, filter.gemeenten, filter.jaar, filter.perMaand, filter.aanbieder],
  );
}
