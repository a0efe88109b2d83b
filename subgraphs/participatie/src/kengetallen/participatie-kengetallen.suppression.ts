import { ONDERDRUKKINGSREGEL, type Onderdrukt, suppressCount } from '@sociaal-graph/toolkit';
import type { KengetallenRow } from './participatie-kengetallen.sql.js';
import type { ParticipatieKengetallen } from './participatie-kengetallen.type.js';

/**
 * The published kengetallen of one gemeente within the mandate (issue 3 item 8): every count under 10
 * withheld, the rest rounded to 5. Stock and flows balance across years (stock = stock a year before +
 * instroom - uitstroom, the earlier stock published by a request for that year), so these four act as
 * a table row with a total: when exactly one of them is withheld, the smallest other of this year's
 * three is withheld too (AFLEIDBAAR), and no three published figures give the fourth back.
 */
export function publishedKengetallen(row: KengetallenRow, jaar: number): ParticipatieKengetallen {
  const vorigJaar = suppressCount(row.uitkeringenActiefVorigJaar);
  const flows: [Onderdrukt, number][] = [row.uitkeringenActief, row.instroom, row.uitstroom].map((raw) => [suppressCount(raw), raw]);
  const hidden = [vorigJaar, ...flows.map(([value]) => value)].filter((value) => value.onderdrukt).length;
  if (hidden === 1) {
    const visible = flows.filter(([value]) => !value.onderdrukt);
    const smallest = visible.reduce((min, flow) => (flow[1] < min[1] ? flow : min), visible[0] ?? flows[0]);
    if (smallest) smallest[0] = { waarde: null, onderdrukt: 'AFLEIDBAAR' };
  }
  const [actief, instroom, uitstroom] = flows.map(([value]) => value);
  return {
    gemeenteCode: row.gemeenteCode,
    jaar,
    binnenMandaat: true,
    toelichting: null,
    uitkeringenActief: actief ?? null,
    instroom: instroom ?? null,
    uitstroom: uitstroom ?? null,
    schuldhulptrajectenGestart: suppressCount(row.schuldhulptrajectenGestart),
    onderdrukkingsregel: ONDERDRUKKINGSREGEL,
  };
}
