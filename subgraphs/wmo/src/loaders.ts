import {
  createBereikLoader, createLogboek, createStapelingToewijzingLoaders, type Database, groupedLoader, keyedLoader, loaderFamily, type Logboek, type Principal,
} from '@sociaal-graph/toolkit';
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
  type ToewijzingScope,
} from './toewijzing/toewijzing.sql.js';

/**
 * The loaders of one request. Each is made per set of arguments that changes its SQL (the caller's
 * gemeenten, a page, a date, a year), because `createLoaders` receives only the database: a loader
 * for one scope must never answer a request in another.
 */
export function createLoaders(db: Database, _principal?: Principal, logboek: Logboek = createLogboek(), verzoekId?: string) {
  // Every toewijzing row read is a read of its resident's data (Logboek Dataverwerkingen).
  const gelezen = <R extends { inwonerId: string }>(rows: R[]) => logboek.gelezen(VERWERKING.TOEWIJZING_LEZEN, rows, (row) => row.inwonerId);
  return {
    // The members' toewijzingen for the stacking answer's cost (StapelingKosten), one statement per request. Not
    // spread in: a literal with a spread is built property by property, 13 against 3 µs of CPU per call (issue 14).
    stapelingToewijzingen: createStapelingToewijzingLoaders(db).stapelingToewijzingen,
    /** Toewijzing by "gemeente:nummer" key; `null` when absent or outside the scope. */
    toewijzing: loaderFamily((scope: ToewijzingScope) =>
      keyedLoader(
        (keys: readonly string[]) => selectToewijzingenByKey(db, keys, scope).then(gelezen),
        (row) => toewijzingKey(row.gemeenteCode, row.toewijzingsnummer),
      ),
    ),
    /** All toewijzingen of an inwoner, by inwoner id; `[]` for none. */
    toewijzingenVanInwoner: loaderFamily((scope: ToewijzingScope) =>
      groupedLoader((ids: readonly string[]) => selectToewijzingenByInwoner(db, ids, scope).then(gelezen), (row) => row.inwonerId),
    ),
    /** One page of toewijzingen under a gemeente or aanbieder, by its code. */
    toewijzingPagina: loaderFamily(
      (args: { parent: ToewijzingParent; first: number; offset: number; actiefOp?: string; scope: ToewijzingScope }) =>
        new DataLoader<string, RowPage>(async (keys) => {
          const pages = await selectToewijzingPagesUnder(db, args.parent, keys, args, args.scope);
          for (const page of pages.values()) gelezen(page.rows);
          return keys.map((key) => pages.get(key) ?? { rows: [], totaal: 0 });
        }),
    ),
    /** Counts per productcategorie of one gemeente in one year, by gemeente code; `[]` for none. */
    /** Reach (clients, in-, through- and outflow) per year, by gemeente code (issue 4 item 6). */
    bereik: createBereikLoader(db, 'toewijzing', verzoekId),
    tellingen: loaderFamily((args: { jaar: number; gemeenten: Gemeenten }) =>
      groupedLoader(
        (codes: readonly string[]): Promise<TellingRow[]> => selectTellingen(db, codes, args.jaar, args.gemeenten),
        (row) => row.gemeenteCode,
      ),
    ),
  };
}

/** Processing activities of the wmo subgraph, as the Logboek Dataverwerkingen records them. */
export const VERWERKING = {
  TOEWIJZING_LEZEN: 'wmo:toewijzing:lezen',
} as const;

/** The loaders of one request, as resolvers see them on the context. */
export type WmoLoaders = ReturnType<typeof createLoaders>;

