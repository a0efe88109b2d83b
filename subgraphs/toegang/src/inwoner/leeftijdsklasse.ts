/** The age classes the front-ends and analyses group residents by. */
export const LEEFTIJDSKLASSEN = ['0-17', '18-26', '27-64', '65+'] as const;
export type Leeftijdsklasse = (typeof LEEFTIJDSKLASSEN)[number];

/** The class of an age in whole years: 0-17 (Jeugdwet), 18-26 (jongvolwassen), 27-64, 65+ (AOW-leeftijd). */
export function leeftijdsklasseVan(leeftijd: number): Leeftijdsklasse {
  if (leeftijd < 18) return '0-17';
  if (leeftijd < 27) return '18-26';
  if (leeftijd < 65) return '27-64';
  return '65+';
}
