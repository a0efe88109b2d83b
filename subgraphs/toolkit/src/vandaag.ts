/**
 * Today's date in the Netherlands ('YYYY-MM-DD'), the one "today" of the graph. Arrangements,
 * toewijzingen and messages are dated on the Dutch calendar; between midnight in Amsterdam and
 * midnight UTC the UTC date is still yesterday, so a message dated today was refused as dated in
 * the future (8848) and gemeenten and the gateway disagreed on which arrangements were in force.
 */
export function vandaagInNederland(now: Date = new Date()): string {
  // Formatting costs a few microseconds and a resolver may ask once per list item (gemeenten's
  // `arrangementen` without a peildatum: 1,884 times in one operation), so the last second's answer
  // is kept: the Dutch date changes only at a whole second (time zone offsets are whole hours).
  const second = Math.floor(now.getTime() / 1000);
  if (second !== laatste.second) laatste = { second, datum: NEDERLANDSE_DATUM.format(now) };
  return laatste.datum;
}

let laatste = { second: Number.NaN, datum: '' };

// sv-SE formats a date as YYYY-MM-DD.
const NEDERLANDSE_DATUM = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });
