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
  type SettledLoader,
  type StapelingToewijzingLoaders,
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
import type { JeugdTraject } from './jeugd-traject/jeugd-traject.type.js';
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

/**
 * The loaders of one request, for one caller: every batch applies the caller's Jeugdwet scope in
 * its SQL, so a row outside it is a miss (`null` or `[]`), never filtered after the fact.
 */
export function createLoaders(db: Database, principal: Principal, logboek: Logboek = createLogboek(), verzoekId?: string): JeugdLoaders {
  return new JeugdLoaders(db, principal, logboek, verzoekId);
}

/**
 * The loaders of one request, as resolvers see them on the context. Each is made at its first use and kept for
 * the request (a call uses one or two of them): making all of them for every call, in an object literal, was
 * about 25-30 µs of the subgraphs' thread per call, most of it garbage (issue 14); a class's getters cost
 * nothing to make.
 */
export class JeugdLoaders {
  /** Reach (clients, in-, through- and outflow) per year, by gemeente code (issue 4 item 6). Made now: it looks up the request's data version as the context is made. */
  readonly bereik: ReturnType<typeof createBereikLoader>;
  private readonly gemeenten: Gemeenten;
  private readonly toewijzingScope: ToewijzingScope;
  private readonly gemaakt: Partial<Gemaakt> = {};

  constructor(
    private readonly db: Database,
    principal: Principal,
    private readonly logboek: Logboek,
    verzoekId?: string,
  ) {
    this.gemeenten = jeugdGemeenten(principal);
    this.toewijzingScope = jeugdToewijzingScope(principal);
    this.bereik = createBereikLoader(db, 'toewijzing', verzoekId);
  }

  /** Every row read is a read of its young resident's data (Logboek Dataverwerkingen). */
  private gelezen(activiteit: string) {
    return <R extends { inwonerId: string }>(rows: R[]) => this.logboek.gelezen(activiteit, rows, (row) => row.inwonerId);
  }

  private toewijzingenBy(parent: ToewijzingParent, metVerwijzing = false) {
    const { db, toewijzingScope, gemeenten } = this;
    return groupedLoader(
      (keys: readonly string[]) =>
        fetchToewijzingenBy(db, parent, keys, toewijzingScope, metVerwijzing ? { gemeenten } : undefined).then(this.gelezen(VERWERKING.TOEWIJZING_LEZEN)),
      (row: JeugdToewijzing) => parentKeyOf(row, parent),
    );
  }

  /** The members' toewijzingen for the stacking answer's cost (StapelingKosten), one statement per request. */
  get stapelingToewijzingen() {
    return (this.gemaakt.stapelingToewijzingen ??= createStapelingToewijzingLoaders(this.db).stapelingToewijzingen);
  }

  /** Toewijzing by `toewijzingKey` ("0406:48213907"); `null` when absent or outside the scope. */
  get toewijzing() {
    return (this.gemaakt.toewijzing ??= keyedLoader(
      (keys: readonly string[]) => fetchToewijzingenByKey(this.db, keys, this.toewijzingScope).then(this.gelezen(VERWERKING.TOEWIJZING_LEZEN)),
      (row) => toewijzingKey(row.gemeenteCode, row.toewijzingsnummer),
    ));
  }

  /** The toewijzingen of an inwoner, of a verwijzing, of a traject; `[]` for none. */
  get toewijzingenVanInwoner() {
    return (this.gemaakt.toewijzingenVanInwoner ??= this.toewijzingenBy('inwoner_id'));
  }

  /** The same as `toewijzingenVanInwoner`, each with its verwijzing read in the same statement (asked with them). */
  get toewijzingenMetVerwijzingVanInwoner() {
    return (this.gemaakt.toewijzingenMetVerwijzingVanInwoner ??= this.toewijzingenBy('inwoner_id', true));
  }

  get toewijzingenVanVerwijzing() {
    return (this.gemaakt.toewijzingenVanVerwijzing ??= this.toewijzingenBy('verwijzing_id'));
  }

  get toewijzingenVanTraject() {
    return (this.gemaakt.toewijzingenVanTraject ??= this.toewijzingenBy('traject_id'));
  }

  /** One page of toewijzingen under an aanbieder (AGB code) or a gemeente (CBS code), per page arguments. */
  get toewijzingPagina() {
    const { db, toewijzingScope } = this;
    return (this.gemaakt.toewijzingPagina ??= loaderFamily(
      (args: ToewijzingPageArgs) =>
        new DataLoader<string, { items: JeugdToewijzing[]; pageInfo: PageInfo }>(async (keys) => {
          const rows = await fetchToewijzingPagesBy(db, args.parent, keys, toewijzingScope, args, args.actiefOp);
          this.gelezen(VERWERKING.TOEWIJZING_LEZEN)(rows.filter((row) => row.opPagina));
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
    ));
  }

  /** Verwijzing by id; `null` when absent or outside the scope. */
  get verwijzing() {
    return (this.gemaakt.verwijzing ??= keyedLoader(
      (ids: readonly string[]) => fetchVerwijzingenById(this.db, ids, this.gemeenten).then(this.gelezen(VERWERKING.VERWIJZING_LEZEN)),
      (row) => row.id,
    ));
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

  /** The verwijzingen of an inwoner; `[]` for none. */
  get verwijzingenVanInwoner() {
    return (this.gemaakt.verwijzingenVanInwoner ??= groupedLoader(
      (ids: readonly string[]) => fetchVerwijzingenByInwoner(this.db, ids, this.gemeenten).then(this.gelezen(VERWERKING.VERWIJZING_LEZEN)),
      (row) => row.inwonerId,
    ));
  }

  /** Traject by id; `null` when absent or outside the scope. */
  get traject() {
    return (this.gemaakt.traject ??= keyedLoader(
      (ids: readonly string[]) => fetchTrajectenById(this.db, ids, this.gemeenten).then(this.gelezen(VERWERKING.TRAJECT_LEZEN)),
      (row) => row.id,
    ));
  }

  /** The trajecten of an inwoner; `[]` for none. */
  get trajectenVanInwoner() {
    return (this.gemaakt.trajectenVanInwoner ??= groupedLoader(
      (ids: readonly string[]) => fetchTrajectenByInwoner(this.db, ids, this.gemeenten).then(this.gelezen(VERWERKING.TRAJECT_LEZEN)),
      (row) => row.inwonerId,
    ));
  }
}

/** The loaders a request made so far (`JeugdLoaders`). */
interface Gemaakt {
  stapelingToewijzingen: StapelingToewijzingLoaders['stapelingToewijzingen'];
  toewijzing: SettledLoader<string, JeugdToewijzing | null>;
  toewijzingenVanInwoner: SettledLoader<string, JeugdToewijzing[]>;
  toewijzingenMetVerwijzingVanInwoner: SettledLoader<string, JeugdToewijzing[]>;
  toewijzingenVanVerwijzing: SettledLoader<string, JeugdToewijzing[]>;
  toewijzingenVanTraject: SettledLoader<string, JeugdToewijzing[]>;
  toewijzingPagina: (args: ToewijzingPageArgs) => DataLoader<string, { items: JeugdToewijzing[]; pageInfo: PageInfo }>;
  verwijzing: SettledLoader<string, Verwijzing | null>;
  verwijzingenVanInwoner: SettledLoader<string, Verwijzing[]>;
  traject: SettledLoader<string, JeugdTraject | null>;
  trajectenVanInwoner: SettledLoader<string, JeugdTraject[]>;
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

