import { type Cell, type Disclosure, ONDERDRUKKINGSREGEL, withheld } from '@sociaal-graph/toolkit';
import type { KengetallenRow } from './participatie-kengetallen.sql.js';
import type { ParticipatieKengetallen } from './participatie-kengetallen.type.js';

/**
 * The published kengetallen of one gemeente within the mandate, through the disclosure policy (issue 10).
 * Stock and flows balance across years: stock = stock a year before + instroom - uitstroom, the earlier
 * stock published by a request for that year (same records, same measure, so the same cell key and the
 * same published value). The balance is declared as one relation over the four; the rule checks how many
 * are withheld and how many people they describe, not the signs, so a difference is guarded like a sum.
 */
export function publishedKengetallen(row: KengetallenRow, jaar: number, disclosure: Disclosure): ParticipatieKengetallen {
  const count = (maat: string, value: number, i: number): Cell => ({
    kind: 'count', measure: `participatie.${maat}`, value, contributors: value, key: row.sleutels[i] ?? 0,
  });
  const [actief = withheld('KLEIN_AANTAL'), , instroom = withheld('KLEIN_AANTAL'), uitstroom = withheld('KLEIN_AANTAL'), gestart = withheld('KLEIN_AANTAL')] =
    disclosure.publish({
      cells: [
        count('uitkeringenActief', row.uitkeringenActief, 0),
        // Last year's stock: not shown here, but published by the request for that year.
        count('uitkeringenActief', row.uitkeringenActiefVorigJaar, 1),
        count('instroom', row.instroom, 2),
        count('uitstroom', row.uitstroom, 3),
        count('schuldhulptrajectenGestart', row.schuldhulptrajectenGestart, 4),
      ],
      relations: [{ total: 0, parts: [1, 2, 3] }],
    });
  return {
    gemeenteCode: row.gemeenteCode,
    jaar,
    binnenMandaat: true,
    toelichting: null,
    uitkeringenActief: actief,
    instroom,
    uitstroom,
    schuldhulptrajectenGestart: gestart,
    onderdrukkingsregel: ONDERDRUKKINGSREGEL,
  };
}
