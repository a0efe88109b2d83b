import {
  createLogboek,
  createStapelingToewijzingLoaders,
  type Database,
  gelezenPerInwoner,
  groupedLoader,
  keyedLoader,
  type Logboek,
  pageInfo,
  type PageInfo,
  loaderFamily,
  loadersPerVerzoekMetBereik,
  type Principal,
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
import { type Gemeenten, jeugdGemeenten, jeugdToewijzingScope, type ToewijzingScope } from './scope.js';
import { fetchVerwijzingenById, fetchVerwijzingenByInwoner } from './verwijzing/verwijzing.sql.js';
import type { Verwijzing } from './verwijzing/verwijzing.type.js';

/** Arguments of a page of toewijzingen under an aanbieder or a gemeente. */
export interface ToewijzingPageArgs {
  parent: 'aanbieder_agb' | 'gemeente_code';
  first: number;
  offset: number;
  actiefOp: string | null;
}

/** What the loaders of one request are made with: the caller's Jeugdwet scopes and the Logboek. */
interface Verzoek {
  readonly db: Database;
  readonly gemeenten: Gemeenten;
  readonly toewijzingScope: ToewijzingScope;
  readonly logboek: Logboek;
}

/** The toewijzingen under a parent (an inwoner, a verwijzing, a traject); `[]` for none. */
function toewijzingenBy({ db, toewijzingScope, gemeenten, logboek }: Verzoek, parent: ToewijzingParent, metVerwijzing = false) {
  return groupedLoader(
    (keys: readonly string[]) =>
      fetchToewijzingenBy(db, parent, keys, toewijzingScope, metVerwijzing ? { gemeenten } : undefined).then(gelezenPerInwoner(logboek, VERWERKING.TOEWIJZING_LEZEN)),
    (row: JeugdToewijzing) => parentKeyOf(row, parent),
  );
}

/**
 * The loaders below, each made at its first use, and the reach (`bereik`, clients and in-, through- and
 * outflow per year, issue 4 item 6) made with the context (`loadersPerVerzoekMetBereik`): the resident view
 * reads `toewijzingenMetVerwijzingVanInwoner`.
 */
const JeugdLoaderSet = loadersPerVerzoekMetBereik('toewijzing', {
  /** The members' toewijzingen for the stacking answer's cost (StapelingKosten), one statement per request. */
  stapelingToewijzingen: ({ db }: Verzoek) => createStapelingToewijzingLoaders(db).stapelingToewijzingen,
  /** Toewijzing by `toewijzingKey` ("0406:48213907"); `null` when absent or outside the scope. */
  toewijzing: ({ db, toewijzingScope, logboek }: Verzoek) => keyedLoader(
    (keys: readonly string[]) => fetchToewijzingenByKey(db, keys, toewijzingScope).then(gelezenPerInwoner(logboek, VERWERKING.TOEWIJZING_LEZEN)),
    (row) => toewijzingKey(row.gemeenteCode, row.toewijzingsnummer),
  ),
  /** The toewijzingen of an inwoner, of a verwijzing, of a traject; `[]` for none. */
  toewijzingenVanInwoner: (verzoek: Verzoek) => toewijzingenBy(verzoek, 'inwoner_id'),
  /** The same as `toewijzingenVanInwoner`, each with its verwijzing read in the same statement (asked with them). */
  toewijzingenMetVerwijzingVanInwoner: (verzoek: Verzoek) => toewijzingenBy(verzoek, 'inwoner_id', true),
  toewijzingenVanVerwijzing: (verzoek: Verzoek) => toewijzingenBy(verzoek, 'verwijzing_id'),
  toewijzingenVanTraject: (verzoek: Verzoek) => toewijzingenBy(verzoek, 'traject_id'),
  /** One page of toewijzingen under an aanbieder (AGB code) or a gemeente (CBS code), per page arguments. */
  toewijzingPagina: ({ db, toewijzingScope, logboek }: Verzoek) => loaderFamily(
    (args: ToewijzingPageArgs) =>
      new DataLoader<string, { items: JeugdToewijzing[]; pageInfo: PageInfo }>(async (keys) => {
        const rows = await fetchToewijzingPagesBy(db, args.parent, keys, toewijzingScope, args, args.actiefOp);
        gelezenPerInwoner(logboek, VERWERKING.TOEWIJZING_LEZEN)(rows.filter((row) => row.opPagina));
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
  verwijzing: ({ db, gemeenten, logboek }: Verzoek) => keyedLoader((ids: readonly string[]) => fetchVerwijzingenById(db, ids, gemeenten).then(gelezenPerInwoner(logboek, VERWERKING.VERWIJZING_LEZEN)), (row) => row.id),
  /** The verwijzingen of an inwoner; `[]` for none. */
  verwijzingenVanInwoner: ({ db, gemeenten, logboek }: Verzoek) => groupedLoader(
    (ids: readonly string[]) => fetchVerwijzingenByInwoner(db, ids, gemeenten).then(gelezenPerInwoner(logboek, VERWERKING.VERWIJZING_LEZEN)),
    (row) => row.inwonerId,
  ),
  /** Traject by id; `null` when absent or outside the scope. */
  traject: ({ db, gemeenten, logboek }: Verzoek) => keyedLoader((ids: readonly string[]) => fetchTrajectenById(db, ids, gemeenten).then(gelezenPerInwoner(logboek, VERWERKING.TRAJECT_LEZEN)), (row) => row.id),
  /** The trajecten of an inwoner; `[]` for none. */
  trajectenVanInwoner: ({ db, gemeenten, logboek }: Verzoek) => groupedLoader(
    (ids: readonly string[]) => fetchTrajectenByInwoner(db, ids, gemeenten).then(gelezenPerInwoner(logboek, VERWERKING.TRAJECT_LEZEN)),
    (row) => row.inwonerId,
  ),
});

/**
 * The loaders of one request, for one caller, as resolvers see them on the context: every batch applies the
 * caller's Jeugdwet scope in its SQL, so a row outside it is a miss (`null` or `[]`), never filtered after the fact.
 */
export class JeugdLoaders extends JeugdLoaderSet {
  private readonly logboek: Logboek;

  constructor(verzoek: Verzoek, verzoekId?: string) {
    super(verzoek, verzoekId);
    this.logboek = verzoek.logboek;
  }

  /**
   * The verwijzing of a toewijzing: the one its own statement read with it (`toewijzingenMetVerwijzingVanInwoner`),
   * recorded in the Logboek now that it is shown, else through `verwijzing`; `null` when none or outside the scope.
   */
  verwijzingVan(toewijzing: JeugdToewijzing): Promise<Verwijzing | null> | Verwijzing | null {
    if (toewijzing.verwijzingId === null) return null;
    const rij = toewijzing.verwijzingRij;
    if (rij === undefined) return this.verwijzing.load(toewijzing.verwijzingId);
    if (rij !== null) this.logboek.registreer(VERWERKING.VERWIJZING_LEZEN, [rij.inwonerId]);
    return rij;
  }
}

export function createLoaders(db: Database, principal: Principal, logboek: Logboek = createLogboek(), verzoekId?: string): JeugdLoaders {
  return new JeugdLoaders({ db, gemeenten: jeugdGemeenten(principal), toewijzingScope: jeugdToewijzingScope(principal), logboek }, verzoekId);
}

/** Processing activities of the jeugd subgraph, as the Logboek Dataverwerkingen records them. */
export const VERWERKING = {
  TOEWIJZING_LEZEN: 'jeugd:toewijzing:lezen',
  VERWIJZING_LEZEN: 'jeugd:verwijzing:lezen',
  TRAJECT_LEZEN: 'jeugd:traject:lezen',
} as const;

function parentKeyOf(row: JeugdToewijzing, parent: ToewijzingParent): string {
  // Rows were selected by `parent = ANY(keys)`, so the parent column is never null here.
  const key = { inwoner_id: row.inwonerId, verwijzing_id: row.verwijzingId, traject_id: row.trajectId }[parent];
  return key ?? '';
}

