import type { Queryable } from '@sociaal-graph/toolkit';
import type { PartnerSubsidiejaar } from './partnerjaar.type.js';

/**
 * Per asked gemeente, year and partner with a subsidy: granted against settled, the performance
 * agreements per indicator (agreed against realised) and the summed voorveld reports, in one statement.
 * Subsidy data is about organisations and public: no scope filter, no suppression.
 */
export function selectSubsidiesPerPartner(
  db: Queryable,
  filter: { gemeenten: readonly string[]; jaar: number | null; partner: string | null },
): Promise<PartnerSubsidiejaar[]> {
  return db.query<PartnerSubsidiejaar>(
    `WITH gevraagd AS (SELECT code, min(nr) AS nr FROM unnest($1::text[]) WITH ORDINALITY AS g(code, nr) GROUP BY code),
     sub AS (
       SELECT s.partner_id, s.gemeente_code, s.jaar, min(g.nr) AS nr, count(*)::int AS aantal, count(s.vastgesteld)::int AS aantal_vastgesteld,
              sum(s.aangevraagd) AS aangevraagd, sum(s.verleend) AS verleend, sum(s.budgetplafond) AS budgetplafond,
              sum(s.vastgesteld) AS vastgesteld,
              sum(s.vastgesteld) - sum(s.verleend) FILTER (WHERE s.vastgesteld IS NOT NULL) AS verschil
         FROM gevraagd g JOIN subsidie s ON s.gemeente_code = g.code
        WHERE ($2::int IS NULL OR s.jaar = $2) AND ($3::text IS NULL OR s.partner_id = $3)
        GROUP BY s.partner_id, s.gemeente_code, s.jaar),
     prestatie AS (
       SELECT s.partner_id, s.gemeente_code, s.jaar, p.indicator, p.eenheid, count(*)::int AS aantal,
              sum(p.afgesproken)::int AS afgesproken, sum(p.gerealiseerd)::int AS gerealiseerd,
              round(100.0 * sum(p.gerealiseerd) / NULLIF(sum(p.afgesproken) FILTER (WHERE p.gerealiseerd IS NOT NULL), 0), 1)::float8 AS pct
         FROM sub JOIN subsidie s USING (partner_id, gemeente_code, jaar) JOIN prestatieafspraak p ON p.subsidie_id = s.id
        GROUP BY s.partner_id, s.gemeente_code, s.jaar, p.indicator, p.eenheid),
     voorveld AS (
       SELECT v.partner_id, v.gemeente_code, v.jaar, count(*)::int AS aantal, max(v.kwartaal) AS laatste,
              sum(v.aantal_deelnemers)::int AS deelnemers, sum(v.aantal_contacten)::int AS contacten,
              max((make_date(v.jaar, v.kwartaal * 3, 1) + interval '1 month' - interval '1 day')::date) AS tot
         FROM sub JOIN voorveldrapportage v USING (partner_id, gemeente_code, jaar)
        GROUP BY v.partner_id, v.gemeente_code, v.jaar)
     SELECT sub.partner_id AS "partnerId", sub.gemeente_code AS "gemeenteCode", sub.jaar,
            sub.aantal AS "aantalSubsidies", sub.aantal_vastgesteld AS "aantalVastgesteld", sub.aangevraagd, sub.verleend,
            sub.budgetplafond, sub.vastgesteld, sub.verschil,
            COALESCE((SELECT json_agg(json_build_object('indicator', p.indicator, 'eenheid', p.eenheid, 'aantalAfspraken', p.aantal,
                        'afgesproken', p.afgesproken, 'gerealiseerd', p.gerealiseerd, 'realisatiePercentage', p.pct)
                        ORDER BY p.indicator, p.eenheid)
                        FROM prestatie p
                       WHERE (p.partner_id, p.gemeente_code, p.jaar) = (sub.partner_id, sub.gemeente_code, sub.jaar)), '[]'::json) AS prestaties,
            json_build_object('aantalRapportages', COALESCE(v.aantal, 0), 'laatsteKwartaal', v.laatste,
                              'aantalDeelnemers', COALESCE(v.deelnemers, 0), 'aantalContacten', COALESCE(v.contacten, 0)) AS voorveld,
            to_char(v.tot, 'YYYY-MM-DD') AS "gerapporteerdTot"
       FROM sub LEFT JOIN voorveld v USING (partner_id, gemeente_code, jaar)
      ORDER BY sub.nr, sub.jaar, sub.partner_id COLLATE "C"`,
    [filter.gemeenten, filter.jaar, filter.partner],
  );
}
