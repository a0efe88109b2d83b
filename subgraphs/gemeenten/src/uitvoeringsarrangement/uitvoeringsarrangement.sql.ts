import type { Queryable } from '@sociaal-graph/toolkit';
import type { Organisatie } from '../organisatie/organisatie.type.js';
import type { Uitvoeringsarrangement } from './uitvoeringsarrangement.type.js';

const COLUMNS = `a.id, a.gemeente_code AS "gemeenteCode", a.wet, a.rol, a.grondslag,
  a.geldig_van AS "geldigVan", a.geldig_tot AS "geldigTot", a.organisatie_id AS "organisatieId"`;

// Laws and roles in the order docs/mandates.md names them, not alphabetically.
const ORDER = `array_position(ARRAY['WMO','JEUGDWET','PARTICIPATIEWET'], a.wet),
  array_position(ARRAY['TOEGANG','UITVOERING','INKOOP','CONTRACTBEHEER'], a.rol), a.geldig_van, a.id`;

const VALID_ON = (datum: string) => `a.geldig_van <= ${datum} AND (a.geldig_tot IS NULL OR a.geldig_tot >= ${datum})`;

/** Loader key of "the arrangements of one gemeente or organisation valid on one date". */
export function arrangementSleutel(eigenaar: string, peildatum: string): string {
  return `${eigenaar}|${peildatum}`;
}

/**
 * An arrangement tagged with the loader key it answers, with its executing organisation read in the
 * same statement (null when there is no such row), so that `uitvoerder` needs no second statement
 * and no promise per arrangement.
 */
export type ArrangementRij = Uitvoeringsarrangement & { sleutel: string; organisatie: Organisatie | null };

/**
 * Batch function: for each key `<owner>|<peildatum>` the arrangements valid on that date whose
 * `gemeente_code` (or `organisatie_id`) is the owner, each with its organisation (one object per
 * organisation). One statement for any mix of owners and dates.
 */
export async function fetchArrangementenOp(
  db: Queryable,
  eigenaarKolom: 'gemeente_code' | 'organisatie_id',
  sleutels: readonly string[],
): Promise<ArrangementRij[]> {
  const parts = sleutels.map((sleutel) => sleutel.split('|'));
  const rows = await db.query<Uitvoeringsarrangement & { sleutel: string; oId: string | null; oNaam: string; oSoort: Organisatie['soort']; oVestiging: string | null }>(
    `SELECT k.sleutel, ${COLUMNS}, o.id AS "oId", o.naam AS "oNaam", o.soort AS "oSoort", o.vestiging_gemeente_code AS "oVestiging"
       FROM unnest($1::text[], $2::text[], $3::date[]) AS k(sleutel, eigenaar, peildatum)
       JOIN uitvoeringsarrangement a ON a.${eigenaarKolom} = k.eigenaar AND ${VALID_ON('k.peildatum')}
       LEFT JOIN organisatie o ON o.id = a.organisatie_id
      ORDER BY ${ORDER}`,
    [sleutels, parts.map(([eigenaar]) => eigenaar), parts.map(([, peildatum]) => peildatum)],
  );
  const organisaties = new Map<string, Organisatie>();
  return rows.map(({ oId, oNaam, oSoort, oVestiging, ...arrangement }) => {
    let organisatie: Organisatie | null = null;
    if (oId !== null) {
      organisatie = organisaties.get(oId) ?? { id: oId, naam: oNaam, soort: oSoort, vestigingGemeenteCode: oVestiging };
      organisaties.set(oId, organisatie);
    }
    return { ...arrangement, organisatie };
  });
}

/** Filters of the `uitvoeringsarrangementen` query; null means "any". */
export interface ArrangementFilter {
  gemeente: string | null;
  wet: string | null;
  rol: string | null;
  organisatie: string | null;
  peildatum: string | null;
  first: number;
  offset: number;
}

/** One page of arrangements matching the filter, ordered by gemeente, law and role, with the total. */
export async function fetchArrangementPage(
  db: Queryable,
  filter: ArrangementFilter,
): Promise<{ rows: Uitvoeringsarrangement[]; total: number }> {
  const where = `($1::text IS NULL OR a.gemeente_code = $1)
    AND ($2::text IS NULL OR a.wet = $2)
    AND ($3::text IS NULL OR a.rol = $3)
    AND ($4::text IS NULL OR a.organisatie_id = $4)
    AND ($5::date IS NULL OR (${VALID_ON('$5::date')}))`;
  const params = [filter.gemeente, filter.wet, filter.rol, filter.organisatie, filter.peildatum];
  const rows = await db.query<Uitvoeringsarrangement>(
    `SELECT ${COLUMNS} FROM uitvoeringsarrangement a WHERE ${where}
      ORDER BY a.gemeente_code, ${ORDER} LIMIT $6 OFFSET $7`,
    [...params, filter.first, filter.offset],
  );
  const [count] = await db.query<{ total: number }>(`SELECT count(*) AS total FROM uitvoeringsarrangement a WHERE ${where}`, params);
  return { rows, total: count?.total ?? 0 };
}
