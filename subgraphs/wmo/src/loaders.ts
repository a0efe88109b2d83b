import {
  createLogboek, createStapelingToewijzingLoaders, type Database, gelezenPerInwoner, groupedLoader, keyedLoader, loaderFamily, loadersPerVerzoekMetBereik, type Logboek, type Principal,
  selectToewijzingTellingen, type ToewijzingTellingRow,
} from '@sociaal-graph/toolkit';
import DataLoader from 'dataloader';
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

/** What the loaders of one request are made with. */
interface Verzoek {
  readonly db: Database;
  readonly logboek: Logboek;
}

/** Every toewijzing row read is a read of its resident's data (Logboek Dataverwerkingen). */
const gelezen = (logboek: Logboek) => gelezenPerInwoner(logboek, VERWERKING.TOEWIJZING_LEZEN);

/**
 * The loaders of one request, as resolvers see them on the context: each made at its first use, the reach
 * (`bereik`, clients and in-, through- and outflow per year, issue 4 item 6) with the context
 * (`loadersPerVerzoekMetBereik`); the resident view reads `toewijzingenVanInwoner`. The scoped ones are made
 * per set of arguments that changes their SQL (the caller's gemeenten, a page, a date, a year), because the
 * loaders are not made with the caller: a loader for one scope must never answer a request in another.
 */
const WmoLoaders = loadersPerVerzoekMetBereik('toewijzing', {
  /** The members' toewijzingen for the stacking answer's cost (StapelingKosten), one statement per request. */
  stapelingToewijzingen: ({ db }: Verzoek) => createStapelingToewijzingLoaders(db).stapelingToewijzingen,
  /** Toewijzing by "gemeente:nummer" key; `null` when absent or outside the scope. */
  toewijzing: ({ db, logboek }: Verzoek) => loaderFamily((scope: ToewijzingScope) =>
    keyedLoader(
      (keys: readonly string[]) => selectToewijzingenByKey(db, keys, scope).then(gelezen(logboek)),
      (row) => toewijzingKey(row.gemeenteCode, row.toewijzingsnummer),
    ),
  ),
  /** All toewijzingen of an inwoner, by inwoner id; `[]` for none. */
  toewijzingenVanInwoner: ({ db, logboek }: Verzoek) => loaderFamily((scope: ToewijzingScope) =>
    groupedLoader((ids: readonly string[]) => selectToewijzingenByInwoner(db, ids, scope).then(gelezen(logboek)), (row) => row.inwonerId),
  ),
  /** One page of toewijzingen under a gemeente or aanbieder, by its code. */
  toewijzingPagina: ({ db, logboek }: Verzoek) => loaderFamily(
    (args: { parent: ToewijzingParent; first: number; offset: number; actiefOp?: string; scope: ToewijzingScope }) =>
      new DataLoader<string, RowPage>(async (keys) => {
        const pages = await selectToewijzingPagesUnder(db, args.parent, keys, args, args.scope);
        for (const page of pages.values()) gelezen(logboek)(page.rows);
        return keys.map((key) => pages.get(key) ?? { rows: [], totaal: 0 });
      }),
  ),
  /** Counts per productcategorie of one gemeente in one year, by gemeente code; `[]` for none. */
  tellingen: ({ db }: Verzoek) => loaderFamily((args: { jaar: number; gemeenten: Gemeenten }) =>
    groupedLoader(
      (codes: readonly string[]): Promise<ToewijzingTellingRow[]> => selectToewijzingTellingen(db, codes, args.jaar, args.gemeenten),
      (row) => row.gemeenteCode,
    ),
  ),
});

export type WmoLoaders = InstanceType<typeof WmoLoaders>;

export function createLoaders(db: Database, _principal?: Principal, logboek: Logboek = createLogboek(), verzoekId?: string): WmoLoaders {
  return new WmoLoaders({ db, logboek }, verzoekId);
}

/** Processing activities of the wmo subgraph, as the Logboek Dataverwerkingen records them. */
export const VERWERKING = {
  TOEWIJZING_LEZEN: 'wmo:toewijzing:lezen',
} as const;

