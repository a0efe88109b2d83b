import {
  createBereikLoader,
  createLogboek,
  createStapelingToewijzingLoaders,
  type Database,
  groupedLoader,
  keyedLoader,
  type Logboek,
  pageInfo,
  type PageInfo,
  type Principal,
  loaderFamily,
} from '@sociaal-graph/toolkit';
import DataLoader from 'dataloader';
import { fetchTrajectenById, fetchTrajectenByInwoner } from './jeugd-traject/jeugd-traject.sql.js';
import {
  fetchToewijzingenBy,
  fetchToewijzingenByKey,
  fetchToewijzingPagesBy,
  type ToewijzingParent,
  toewijzingKey,
} from './jeugd-toewijzing/jeugd-toewijzing.sql.js';
import type { JeugdToewijzing } from './jeugd-toewijzing/jeugd-toewijzing.type.js';
import { jeugdGemeenten, jeugdToewijzingScope } from './scope.js';
import { fetchVerwijzingenById, fetchVerwijzingenByInwoner } from './verwijzing/verwijzing.sql.js';
import type { Verwijzing } from './verwijzing/verwijzing.type.js';

/** Arguments of a page of toewijzingen under an aanbieder or a gemeente. */
export interface ToewijzingPageArgs {
  parent: 'aanbieder_agb' | 'gemeente_code';
  first: number;
  offset: number;
  actiefOp: string | null;
}

/**
 * The loaders of one request, for one caller: every batch applies the caller's Jeugdwet scope in
 * its SQL, so a row outside it is a miss (`null` or `[]`), never filtered after the fact.
 */
export function createLoaders(db: Database, principal: Principal, logboek: Logboek = createLogboek(), verzoekId?: string) {
  const gemeenten = jeugdGemeenten(principal);
  const toewijzingScope = jeugdToewijzingScope(principal);
  // Every row read is a read of its young resident's data (Logboek Dataverwerkingen).
  const gelezen =
    (activiteit: string) =>
    <R extends { inwonerId: string }>(rows: R[]) =>
      logboek.gelezen(activiteit, rows, (row) => row.inwonerId);
  const toewijzingenBy = (parent: ToewijzingParent, metVerwijzing = false) =>
    groupedLoader(
      (keys: readonly string[]) =>
        fetchToewijzingenBy(db, parent, keys, toewijzingScope, metVerwijzing ? { gemeenten } : undefined).then(gelezen(VERWERKING.TOEWIJZING_LEZEN)),
      (row: JeugdToewijzing) => parentKeyOf(row, parent),
    );
  const verwijzing = keyedLoader(
    (ids: readonly string[]) => fetchVerwijzingenById(db, ids, gemeenten).then(gelezen(VERWERKING.VERWIJZING_LEZEN)),
    (row) => row.id,
  );
  return {
    // The members' toewijzingen for the stacking answer's cost (StapelingKosten), one statement per request.
    ...createStapelingToewijzingLoaders(db),
    /** Reach (clients, in-, through- and outflow) per year, by gemeente code (issue 4 item 6). */
    bereik: createBereikLoader(db, 'toewijzing', verzoekId),
    /** Toewijzing by `toewijzingKey` ("0406:48213907"); `null` when absent or outside the scope. */
    toewijzing: keyedLoader(
      (keys: readonly string[]) => fetchToewijzingenByKey(db, keys, toewijzingScope).then(gelezen(VERWERKING.TOEWIJZING_LEZEN)),
      (row) => toewijzingKey(row.gemeenteCode, row.toewijzingsnummer),
    ),
    /** The toewijzingen of an inwoner, of a verwijzing, of a traject; `[]` for none. */
    toewijzingenVanInwoner: toewijzingenBy('inwoner_id'),
    /** The same as `toewijzingenVanInwoner`, each with its verwijzing read in the same statement (asked with them). */
    toewijzingenMetVerwijzingVanInwoner: toewijzingenBy('inwoner_id', true),
    toewijzingenVanVerwijzing: toewijzingenBy('verwijzing_id'),
    toewijzingenVanTraject: toewijzingenBy('traject_id'),
    /** One page of toewijzingen under an aanbieder (AGB code) or a gemeente (CBS code), per page arguments. */
    toewijzingPagina: loaderFamily(
      (args: ToewijzingPageArgs) =>
        new DataLoader<string, { items: JeugdToewijzing[]; pageInfo: PageInfo }>(async (keys) => {
          const rows = await fetchToewijzingPagesBy(db, args.parent, keys, toewijzingScope, args, args.actiefOp);
          gelezen(VERWERKING.TOEWIJZING_LEZEN)(rows.filter((row) => row.opPagina));
          const totals = new Map<string, number>();
          const items = new Map<string, JeugdToewijzing[]>();
          for (const { parentKey, totaal, opPagina, ...row } of rows) {
            totals.set(parentKey, totaal);
            if (!opPagina) continue;
            const page = items.get(parentKey);
            if (page) page.push(row);
            else items.set(parentKey, [row]);
          }
          return keys.map((key) => {
            const page = items.get(key) ?? [];
            return { items: page, pageInfo: pageInfo(totals.get(key) ?? 0, args, page.length) };
          });
        }),
    ),
    /** Verwijzing by id; `null` when absent or outside the scope. */
    verwijzing,
    /**
     * The verwijzing of a toewijzing: the one its own statement read with it (`toewijzingenMetVerwijzingVanInwoner`),
     * recorded in the Logboek now that it is shown, else through `verwijzing`; `null` when none or outside the scope.
     */
    verwijzingVan: (toewijzing: JeugdToewijzing): Promise<Verwijzing | null> | Verwijzing | null => {
      if (toewijzing.verwijzingId === null) return null;
      const rij = toewijzing.verwijzingRij;
      if (rij === undefined) return verwijzing.load(toewijzing.verwijzingId);
      if (rij !== null) logboek.registreer(VERWERKING.VERWIJZING_LEZEN, [rij.inwonerId]);
      return rij;
    },
    /** The verwijzingen of an inwoner; `[]` for none. */
    verwijzingenVanInwoner: groupedLoader(
      (ids: readonly string[]) => fetchVerwijzingenByInwoner(db, ids, gemeenten).then(gelezen(VERWERKING.VERWIJZING_LEZEN)),
      (row) => row.inwonerId,
    ),
    /** Traject by id; `null` when absent or outside the scope. */
    traject: keyedLoader(
      (ids: readonly string[]) => fetchTrajectenById(db, ids, gemeenten).then(gelezen(VERWERKING.TRAJECT_LEZEN)),
      (row) => row.id,
    ),
    /** The trajecten of an inwoner; `[]` for none. */
    trajectenVanInwoner: groupedLoader(
      (ids: readonly string[]) => fetchTrajectenByInwoner(db, ids, gemeenten).then(gelezen(VERWERKING.TRAJECT_LEZEN)),
      (row) => row.inwonerId,
    ),
  };
}

/** Processing activities of the jeugd subgraph, as the Logboek Dataverwerkingen records them. */
export const VERWERKING = {
  TOEWIJZING_LEZEN: 'jeugd:toewijzing:lezen',
  VERWIJZING_LEZEN: 'jeugd:verwijzing:lezen',
  TRAJECT_LEZEN: 'jeugd:traject:lezen',
} as const;

/** The loaders of one request, as resolvers see them on the context. */
export type JeugdLoaders = ReturnType<typeof createLoaders>;

function parentKeyOf(row: JeugdToewijzing, parent: ToewijzingParent): string {
  // Rows were selected by `parent = ANY(keys)`, so the parent column is never null here.
  const key = { inwoner_id: row.inwonerId, verwijzing_id: row.verwijzingId, traject_id: row.trajectId }[parent];
  return key ?? '';
}

