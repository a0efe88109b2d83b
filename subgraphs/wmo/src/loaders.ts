import { type Database, groupedLoader, keyedLoader, loaderFamily } from '@sociaal-graph/toolkit';
import DataLoader from 'dataloader';
import { selectTellingen, type TellingRow } from './telling/telling.sql.js';
import {
  type Gemeenten,
  type RowPage,
  selectToewijzingenByInwoner,
  selectToewijzingenByKey,
  selectToewijzingPagesUnder,
  type ToewijzingParent,
  toewijzingKey,
} from './toewijzing/toewijzing.sql.js';

/**
 * The loaders of one request. Each is made per set of arguments that changes its SQL (the caller's
 * gemeenten, a page, a date, a year), because `createLoaders` receives only the database: a loader
 * for one scope must never answer a request in another.
 */
export function createLoaders(db: Database) {
  return {
    /** Toewijzing by "gemeente:nummer" key; `null` when absent or outside the scope. */
    toewijzing: loaderFamily((gemeenten: Gemeenten) =>
      keyedLoader(
        (keys: readonly string[]) => selectToewijzingenByKey(db, keys, gemeenten),
        (row) => toewijzingKey(row.gemeenteCode, row.toewijzingsnummer),
      ),
    ),
    /** All toewijzingen of an inwoner, by inwoner id; `[]` for none. */
    toewijzingenVanInwoner: loaderFamily((gemeenten: Gemeenten) =>
      groupedLoader((ids: readonly string[]) => selectToewijzingenByInwoner(db, ids, gemeenten), (row) => row.inwonerId),
    ),
    /** One page of toewijzingen under a gemeente or aanbieder, by its code. */
    toewijzingPagina: loaderFamily(
      (args: { parent: ToewijzingParent; first: number; offset: number; actiefOp?: string; gemeenten: Gemeenten }) =>
        new DataLoader<string, RowPage>(async (keys) => {
          const pages = await selectToewijzingPagesUnder(db, args.parent, keys, args, args.gemeenten);
          return keys.map((key) => pages.get(key) ?? { rows: [], totaal: 0 });
        }),
    ),
    /** Counts per productcategorie of one gemeente in one year, by gemeente code; `[]` for none. */
    tellingen: loaderFamily((args: { jaar: number; gemeenten: Gemeenten }) =>
      groupedLoader(
        (codes: readonly string[]): Promise<TellingRow[]> => selectTellingen(db, codes, args.jaar, args.gemeenten),
        (row) => row.gemeenteCode,
      ),
    ),
  };
}

/** The loaders of one request, as resolvers see them on the context. */
export type WmoLoaders = ReturnType<typeof createLoaders>;

