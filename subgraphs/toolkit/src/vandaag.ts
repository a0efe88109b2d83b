/**
 * Today's date in the Netherlands ('YYYY-MM-DD'), the one "today" of the graph. Arrangements,
 * toewijzingen and messages are dated on the Dutch calendar; between midnight in Amsterdam and
 * midnight UTC the UTC date is still yesterday, so a message dated today was refused as dated in
 * the future (8848) and gemeenten and the gateway disagreed on which arrangements were in force.
 */
export function vandaagInNederland(now: Date = new Date()): string {
  return NEDERLANDSE_DATUM.format(now);
}

// sv-SE formats a date as YYYY-MM-DD.
const NEDERLANDSE_DATUM = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });
