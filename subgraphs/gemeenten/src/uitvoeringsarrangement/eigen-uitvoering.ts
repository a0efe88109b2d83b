import { ArrangementGrondslag, type Uitvoeringsarrangement } from './uitvoeringsarrangement.type.js';

/**
 * Whether the gemeente executes the law itself under this arrangement: the executor is the gemeente,
 * or its own organisation that also works for others (Huizen's HBEL organisation for Huizen).
 * Under a mandate, a joint arrangement or a service agreement the work is done elsewhere.
 */
export function isEigenUitvoering(arrangement: Pick<Uitvoeringsarrangement, 'gemeenteCode' | 'organisatieId' | 'grondslag'>): boolean {
  return arrangement.organisatieId === arrangement.gemeenteCode || arrangement.grondslag === ArrangementGrondslag.EIGEN_ORGANISATIE;
}
