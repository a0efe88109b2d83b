import type { Disclosure } from './disclosure.js';
import { type Cell, type Published, withheld } from './policy.js';

/** Raw counts of one category (or the total): units (e.g. toewijzingen) and the distinct persons holding them, with their cell keys. */
export interface CategorieTelling {
  eenheden: number;
  personen: number;
  sleutelEenheden: number;
  sleutelPersonen: number;
}

/** The published counts of one category or the total. */
export interface GepubliceerdeTelling {
  eenheden: Published;
  personen: Published;
}

/**
 * A count per category with its total (the wmo and jeugd tellingen): units are a cell of the persons
 * holding them; both measures have the total as an additive relation over the categories (for persons
 * counted distinctly it is not exact, someone in two categories counts once, so treating it as one
 * protects more, never less). `measure` prefixes the cells' measures, e.g. `wmo.telling`.
 */
export function publishPerCategorie(
  disclosure: Disclosure,
  measure: string,
  categorieen: readonly CategorieTelling[],
  totaal: CategorieTelling,
): { categorieen: GepubliceerdeTelling[]; totaal: GepubliceerdeTelling } {
  const rijen = [totaal, ...categorieen];
  const cells: Cell[] = rijen.flatMap((r) => [
    { kind: 'count', measure: `${measure}.eenheden`, value: r.eenheden, contributors: r.personen, key: r.sleutelEenheden },
    { kind: 'count', measure: `${measure}.personen`, value: r.personen, contributors: r.personen, key: r.sleutelPersonen },
  ]);
  const delen = categorieen.map((_, i) => 2 * (i + 1));
  const p = disclosure.publish({
    cells,
    relations: [
      { total: 0, parts: delen },
      { total: 1, parts: delen.map((d) => d + 1) },
    ],
  });
  const at = (i: number): GepubliceerdeTelling => ({ eenheden: p[2 * i] ?? withheld('KLEIN_AANTAL'), personen: p[2 * i + 1] ?? withheld('KLEIN_AANTAL') });
  return { totaal: at(0), categorieen: categorieen.map((_, i) => at(i + 1)) };
}
