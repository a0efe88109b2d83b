import type { Codelijst } from '@sociaal-graph/toolkit';

// Subsidies have no iStandaard code tables; these lists are the demo world's own codes (toolkit
// world.ts), kept as strings so they read like the other code lists.

const list = (entries: [string, string][]): Codelijst => new Map(entries);

/** Thema of a subsidiepartner in the voorveld. */
export const SUBSIDIE_THEMA = list([
  ['WELZIJN', 'Welzijn'],
  ['MANTELZORG', 'Mantelzorgondersteuning'],
  ['CJG', 'Centrum Jeugd en Gezin'],
  ['SPORT_EN_BEWEGEN', 'Sport en bewegen'],
  ['VRIJWILLIGERSWERK', 'Vrijwilligerswerk'],
]);

/** Soort subsidie (Algemene wet bestuursrecht titel 4.2 and the gemeentelijke subsidieverordening). */
export const SUBSIDIE_SOORT = list([
  ['BUDGETSUBSIDIE', 'Budgetsubsidie'],
  ['PROJECTSUBSIDIE', 'Projectsubsidie'],
  ['WAARDERINGSSUBSIDIE', 'Waarderingssubsidie'],
]);

/** Status of a subsidie: aangevraagd, verleend (beschikking tot verlening), vastgesteld (na verantwoording). */
export const SUBSIDIE_STATUS = list([
  ['AANGEVRAAGD', 'Aangevraagd'],
  ['VERLEEND', 'Verleend'],
  ['VASTGESTELD', 'Vastgesteld'],
]);
