import type { DisclosureKey } from './cell-key.js';
import { type AdditiveRelation, type Cell, DISCLOSURE_THRESHOLD, type Onderdrukkingsreden, type Published, type Table, perturb, primaryReason, withheld } from './policy.js';

/**
 * Rule 3, secondary suppression, over the additive relations a table declares (rows to totals, months to
 * the year, groups to all, gemeenten to the region, per-law columns to the total). In a relation whose
 * total is published, the withheld parts must be none, or at least two that together have at least 10
 * contributors: else the total minus the published parts gives back one small cell, or the sum of a few
 * small ones. A relation whose total is withheld must not have all its parts published (the total would
 * be their sum). Where a relation fails, the published part with the fewest contributors is withheld
 * too (or the total, when no part is left), until every relation holds. A heuristic in the manner of
 * tau-ARGUS's hypercube method: it checks each relation, not every linear combination of them.
 */
export function suppressSecondary(cells: readonly Cell[], reasons: (Onderdrukkingsreden | null)[], relations: readonly AdditiveRelation[]): void {
  const isWithheld = (index: number) => reasons[index] !== null;
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of relations) {
      const hidden = parts.filter(isWithheld);
      const visible = parts.filter((index) => !isWithheld(index));
      let leaks: boolean;
      if (isWithheld(total)) {
        leaks = hidden.length === 0 && parts.length > 0;
      } else {
        const hiddenContributors = hidden.reduce((sum, index) => sum + (cells[index]?.contributors ?? 0), 0);
        leaks = hidden.length === 1 || (hidden.length > 1 && hiddenContributors < DISCLOSURE_THRESHOLD);
      }
      if (!leaks) continue;
      const victim =
        visible.length === 0
          ? total
          : visible.reduce((min, index) => ((cells[index]?.contributors ?? 0) < (cells[min]?.contributors ?? 0) ? index : min));
      // A withheld total with no part left is already safe; nothing more to do there.
      if (isWithheld(victim)) continue;
      reasons[victim] = 'AFLEIDBAAR';
      changed = true;
    }
  }
}

/**
 * The policy on one table: rules 1-2 per cell, rule 3 over the relations, rule 4 on what remains.
 * Returns the published values in the order of `table.cells`.
 */
export function publishTable(table: Table, key: DisclosureKey): Published[] {
  const count = table.cells.length;
  for (const { total, parts } of table.relations ?? []) {
    for (const index of [total, ...parts]) {
      if (!Number.isInteger(index) || index < 0 || index >= count) throw new Error(`Relatie verwijst naar cel ${index} van ${count}.`);
    }
  }
  const reasons = table.cells.map(primaryReason);
  suppressSecondary(table.cells, reasons, table.relations ?? []);
  return table.cells.map((cell, index) => {
    const reason = reasons[index];
    return reason ? withheld(reason) : perturb(cell, key);
  });
}
