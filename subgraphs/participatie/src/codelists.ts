import type { Codelijst } from '@sociaal-graph/toolkit';

// The Participatiewet has no iStandaard code tables like iWmo/iJw; these lists are the demo world's
// own codes (toolkit world.ts), kept as strings so they read like the other code lists.

const list = (entries: [string, string][]): Codelijst => new Map(entries);

/** Uitkeringsregeling: bijstand (Participatiewet), IOAW, IOAZ, Bbz. */
export const UITKERING_REGELING = list([
  ['ALGEMENE_BIJSTAND', 'Algemene bijstand (Participatiewet)'],
  ['IOAW', 'IOAW: inkomensvoorziening oudere en gedeeltelijk arbeidsongeschikte werkloze werknemers'],
  ['IOAZ', 'IOAZ: inkomensvoorziening oudere en gedeeltelijk arbeidsongeschikte gewezen zelfstandigen'],
  ['BBZ', 'Bbz: besluit bijstandverlening zelfstandigen'],
]);

/** Normcategorie van de bijstandsnorm (art. 21 Participatiewet). */
export const NORMCATEGORIE = list([
  ['ALLEENSTAANDE', 'Alleenstaande'],
  ['ALLEENSTAANDE_OUDER', 'Alleenstaande ouder'],
  ['GEHUWDEN', 'Gehuwden of samenwonenden'],
]);

/** Reden van beeindiging van een uitkering (uitstroomreden). */
export const UITKERING_REDEN_BEEINDIGING = list([
  ['WERK', 'Uitstroom naar werk'],
  ['VERHUIZING', 'Verhuizing naar een andere gemeente'],
  ['PENSIOEN', 'Bereiken van de AOW-leeftijd'],
  ['OVERIG', 'Overige reden'],
]);

/** Re-integratie-instrument, inclusief beschut werk (art. 10b Participatiewet). */
export const REINTEGRATIE_INSTRUMENT = list([
  ['WERKFIT', 'Werkfit-traject'],
  ['PARTICIPATIEPLEK', 'Participatieplek'],
  ['BESCHUT_WERK', 'Beschut werk'],
  ['JOBCOACHING', 'Jobcoaching'],
  ['LOONKOSTENSUBSIDIE', 'Loonkostensubsidie'],
]);

/** Resultaat van een re-integratietraject. */
export const REINTEGRATIE_RESULTAAT = list([
  ['LOOPT', 'Traject loopt nog'],
  ['WERK_GEVONDEN', 'Werk gevonden'],
  ['AFGEBROKEN', 'Voortijdig afgebroken'],
  ['AFGEROND', 'Afgerond zonder uitstroom naar werk'],
]);

/** Fase van een schuldhulpverleningstraject (Wet gemeentelijke schuldhulpverlening). */
export const SCHULDHULP_FASE = list([
  ['AANMELDING', 'Aanmelding en intake'],
  ['STABILISATIE', 'Stabilisatie'],
  ['SCHULDREGELING', 'Schuldregeling'],
  ['NAZORG', 'Nazorg'],
  ['AFGESLOTEN', 'Afgesloten'],
]);

/** Minimaregeling (gemeentelijk minimabeleid). */
export const MINIMAREGELING = list([
  ['INDIVIDUELE_INKOMENSTOESLAG', 'Individuele inkomenstoeslag'],
  ['BIJZONDERE_BIJSTAND', 'Bijzondere bijstand'],
  ['KINDPAKKET', 'Kindpakket'],
  ['COLLECTIEVE_ZORGVERZEKERING', 'Collectieve zorgverzekering minima'],
]);
