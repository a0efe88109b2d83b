import { cellKeySql, type Queryable, type Wet } from '@sociaal-graph/toolkit';

/**
 * The declaration term used where the contract has none (no contract found, or a term of 0 days as
 * on a lumpsum contract): eight weeks after the delivery month.
 */
export const STANDAARD_TERMIJN_DAGEN = 56;

/** One aanbieder x gemeente, per month of the dagtekening (`maand` 1-12) or over the year (`maand` null), raw (before the disclosure policy). */
export interface DeclaratiegedragRow {
  aanbiederAgb: string;
  gemeenteCode: string;
  /** Month of the dagtekening (1-12), null for the year. */
  maand: number | null;
  aantalToewijzingen: number;
  aantalRegels: number;
  /** First submissions: lines that correct no other line (the lag is measured over these). */
  aantalEerste: number;
  /** Sum of the lags in days of the first submissions, and the largest sum of one toewijzing. */
  vertraging: number;
  grootsteVertraging: number;
  aantalNaTermijn: number;
  aantalAfgewezen: number;
  aantalGecrediteerd: number;
  aantalCorrecties: number;
  /** Distinct toewijzingen (each stands for a client) behind each count: the contributors of its cell. */
  toewijzingenEerste: number;
  toewijzingenNaTermijn: number;
  toewijzingenAfgewezen: number;
  toewijzingenGecrediteerd: number;
  toewijzingenCorrecties: number;
  /** Cell keys (`cellKeySql`): of the toewijzingen, and of the lines of each count. */
  sleutelToewijzingen: number;
  sleutelRegels: number;
  sleutelEerste: number;
  sleutelNaTermijn: number;
  sleutelAfgewezen: number;
  sleutelGecrediteerd: number;
  sleutelCorrecties: number;
  /** Over all rows of the answer: the last dagtekening and the last day delivered. */
  laatsteDeclaratie: string | null;
  gegevensTot: string | null;
}

/**
 * Declaration behaviour per aanbieder and gemeente in one year of the dagtekening, for the year and for
 * each month (GROUPING SETS, the year row first), over the given gemeenten (already limited to the
 * caller's aggregate scope): always both, so that the disclosure policy sees months and year as one
 * table whatever the caller asked. The lag counts from the last day of the delivery month, as
 * `Declaratie.vertragingInDagen` and the declaratietermijn do; the term is that of the contract of the
 * aanbieder for this law and gemeente valid at the start of the delivery, else STANDAARD_TERMIJN_DAGEN.
 */
export function selectDeclaratiegedrag(
  db: Queryable,
  filter: { wet: Wet; gemeenten: readonly string[]; jaar: number; aanbieder: string | null },
): Promise<DeclaratiegedragRow[]> {
  const eerste = 'correctie_van IS NULL';
  const laat = `correctie_van IS NULL AND vertraging > termijn`;
  return db.query<DeclaratiegedragRow>(
    `WITH regel AS (
       SELECT d.id, d.aanbieder_agb, d.gemeente_code, d.toewijzingsnummer, d.status, d.correctie_van, d.ingediend_op, d.levering_tot,
              extract(month FROM d.ingediend_op)::int AS maand,
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
          AND ($4::text IS NULL OR d.aanbieder_agb = $4)
     ),
     -- Each line with the summed lag of its toewijzing's first submissions in its month and in the year: the largest contributions.
     r AS (
       SELECT regel.*,
              sum(vertraging) FILTER (WHERE ${eerste}) OVER (PARTITION BY aanbieder_agb, gemeente_code, toewijzingsnummer, maand) AS maandvertraging,
              sum(vertraging) FILTER (WHERE ${eerste}) OVER (PARTITION BY aanbieder_agb, gemeente_code, toewijzingsnummer) AS jaarvertraging
         FROM regel
     )
     SELECT aanbieder_agb AS "aanbiederAgb", gemeente_code AS "gemeenteCode", maand,
            count(DISTINCT toewijzingsnummer)::int AS "aantalToewijzingen",
            count(*)::int AS "aantalRegels",
            count(*) FILTER (WHERE ${eerste})::int AS "aantalEerste",
            coalesce(sum(vertraging) FILTER (WHERE ${eerste}), 0)::float8 AS "vertraging",
            coalesce(CASE WHEN GROUPING(maand) = 0 THEN max(abs(maandvertraging)) ELSE max(abs(jaarvertraging)) END, 0)::float8 AS "grootsteVertraging",
            count(*) FILTER (WHERE ${laat})::int AS "aantalNaTermijn",
            count(*) FILTER (WHERE status = 'AFGEWEZEN')::int AS "aantalAfgewezen",
            count(*) FILTER (WHERE status = 'GECREDITEERD')::int AS "aantalGecrediteerd",
            count(*) FILTER (WHERE correctie_van IS NOT NULL)::int AS "aantalCorrecties",
            count(DISTINCT toewijzingsnummer) FILTER (WHERE ${eerste})::int AS "toewijzingenEerste",
            count(DISTINCT toewijzingsnummer) FILTER (WHERE ${laat})::int AS "toewijzingenNaTermijn",
            count(DISTINCT toewijzingsnummer) FILTER (WHERE status = 'AFGEWEZEN')::int AS "toewijzingenAfgewezen",
            count(DISTINCT toewijzingsnummer) FILTER (WHERE status = 'GECREDITEERD')::int AS "toewijzingenGecrediteerd",
            count(DISTINCT toewijzingsnummer) FILTER (WHERE correctie_van IS NOT NULL)::int AS "toewijzingenCorrecties",
            ${cellKeySql("gemeente_code || ':' || toewijzingsnummer")} AS "sleutelToewijzingen",
            ${cellKeySql('id')} AS "sleutelRegels",
            ${cellKeySql('id', eerste)} AS "sleutelEerste",
            ${cellKeySql('id', laat)} AS "sleutelNaTermijn",
            ${cellKeySql('id', "status = 'AFGEWEZEN'")} AS "sleutelAfgewezen",
            ${cellKeySql('id', "status = 'GECREDITEERD'")} AS "sleutelGecrediteerd",
            ${cellKeySql('id', 'correctie_van IS NOT NULL')} AS "sleutelCorrecties",
            to_char(max(max(ingediend_op)) OVER (), 'YYYY-MM-DD') AS "laatsteDeclaratie",
            to_char(max(max(levering_tot)) OVER (), 'YYYY-MM-DD') AS "gegevensTot"
       FROM r
      GROUP BY GROUPING SETS ((aanbieder_agb, gemeente_code), (aanbieder_agb, gemeente_code, maand))
      ORDER BY aanbieder_agb, gemeente_code, maand NULLS FIRST`,
    [filter.wet, filter.gemeenten, filter.jaar, filter.aanbieder],
  );
}
