import {
  createLogboek, type Database, groupedLoader, keyedLoader, loaderFamily, loadersPerVerzoek, type Logboek, type Principal, stapelingLoader, Wet,
} from '@sociaal-graph/toolkit';
import DataLoader from 'dataloader';
import { fetchContractenByAanbieder, fetchContractenByGemeente } from './contract/contract.sql.js';
import { declaratieScope } from './declaratie/declaratie.scope.js';
import {
  countDeclaratiesByAanbieder,
  fetchDeclaraties,
  fetchDeclaratiePageByAanbieder,
  fetchDeclaratiesByToewijzing,
  toewijzingKey,
} from './declaratie/declaratie.sql.js';
import { sumJeugdDeclaratiesByTrajectkengetal } from './extends/jeugd-trajectkengetal/jeugd-trajectkengetal.sql.js';
import { sumDeclaratiesPerInwoner } from './extends/stapelingkosten/stapelingkosten.sql.js';
import type { StapelingKosten } from './extends/stapelingkosten/stapelingkosten.type.js';
import { fetchPercelenByContract } from './perceel/perceel.sql.js';
import { fetchProducten, fetchProductenByPerceel } from './product/product.sql.js';
import { fetchReferenties, type ReferentieRijen, type Referenties } from './referenties.sql.js';
import { fetchTarievenByProduct } from './tarief/tarief.sql.js';

/**
 * Aanbieders, contracts and tariffs by key whose batches run in the same tick (a toewijzing's aanbieder,
 * contract and tarief, asked side by side) read in one statement (`fetchReferenties`): the batches of
 * the three keyed loaders below become the keys of this one.
 */
function referentieLoader(db: Database): (soort: keyof Referenties, keys: readonly string[]) => Promise<ReferentieRijen> {
  const samen = new DataLoader<{ soort: keyof Referenties; keys: readonly string[] }, ReferentieRijen>(
    async (vragen) => {
      const gevraagd: Record<keyof Referenties, string[]> = { aanbieders: [], contracten: [], tarieven: [] };
      for (const { soort, keys } of vragen) gevraagd[soort].push(...keys);
      const rijen = await fetchReferenties(db, gevraagd);
      return vragen.map(() => rijen);
    },
    { cache: false },
  );
  return (soort, keys) => samen.load({ soort, keys });
}

/** What the loaders of one request are made with; `referenties` once one of them needs it. */
interface Verzoek {
  readonly db: Database;
  readonly principal: Principal;
  readonly logboek: Logboek;
  referenties?: ReturnType<typeof referentieLoader>;
}

/** The request's one `referentieLoader`, shared by the aanbieder, contract and tarief loaders. */
function referenties(verzoek: Verzoek): ReturnType<typeof referentieLoader> {
  return (verzoek.referenties ??= referentieLoader(verzoek.db));
}

/**
 * The loaders of one request: every entity by key and every list under a parent, one SQL
 * statement per batch. Public data (contracts, catalogue, tariffs) loads directly; declaraties
 * depend on the caller's mandates and load through `scoped`. Each is made at its first use
 * (`loadersPerVerzoek`): the resident view's reads here go through `referentieLoader`.
 */
const InkoopLoaders = loadersPerVerzoek({
  // The members' declared amounts for the stacking answer (StapelingKosten), one statement per request.
  zorgkosten: ({ db }: Verzoek) => stapelingLoader((keys: readonly StapelingKosten[]) => sumDeclaratiesPerInwoner(db, keys)),
  aanbieder: (verzoek: Verzoek) =>
    keyedLoader((agbCodes: readonly string[]) => referenties(verzoek)('aanbieders', agbCodes).then((rijen) => rijen.aanbieders), (row) => row.agbCode),
  contract: (verzoek: Verzoek) => keyedLoader((ids: readonly string[]) => referenties(verzoek)('contracten', ids).then((rijen) => rijen.contracten), (row) => row.id),
  contractenByAanbieder: ({ db }: Verzoek) =>
    groupedLoader(
      (agbCodes: readonly string[]) => fetchContractenByAanbieder(db, agbCodes),
      (row) => row.aanbiederAgb,
    ),
  /** Contracts per deelnemende gemeente, one loader per `wet` argument (null: all laws). */
  contractenByGemeente: ({ db }: Verzoek) =>
    loaderFamily((wet: Wet | null) => groupedLoader((codes: readonly string[]) => fetchContractenByGemeente(db, codes, wet), (row) => row.gemeenteCode)),
  percelenByContract: ({ db }: Verzoek) => groupedLoader((ids: readonly string[]) => fetchPercelenByContract(db, ids), (row) => row.contractId),
  product: ({ db }: Verzoek) => keyedLoader((ids: readonly string[]) => fetchProducten(db, ids), (row) => row.id),
  productenByPerceel: ({ db }: Verzoek) => groupedLoader((ids: readonly string[]) => fetchProductenByPerceel(db, ids), (row) => row.perceelId),
  tarief: (verzoek: Verzoek) => keyedLoader((ids: readonly string[]) => referenties(verzoek)('tarieven', ids).then((rijen) => rijen.tarieven), (row) => row.id),
  tarievenByProduct: ({ db }: Verzoek) => groupedLoader((ids: readonly string[]) => fetchTarievenByProduct(db, ids), (row) => row.productId),
  /** Declared Jeugdwet totals per trajectkengetal key; an aggregate, its mandate checked by the resolver. */
  jeugdDeclaratietotaal: ({ db }: Verzoek) => keyedLoader((keys: readonly string[]) => sumJeugdDeclaratiesByTrajectkengetal(db, keys), (row) => row.key),
  /** Loaders for rows the caller's mandates filter (declaraties). */
  scoped: ({ db, principal, logboek }: Verzoek) => createScopedLoaders(db, principal, logboek),
});

export function createLoaders(db: Database, principal: Principal, logboek: Logboek = createLogboek()): InkoopLoaders {
  return new InkoopLoaders({ db, principal, logboek });
}

/** Processing activities of the inkoop subgraph, as the Logboek Dataverwerkingen records them. */
export const VERWERKING = {
  DECLARATIE_LEZEN: 'inkoop:declaratie:lezen',
} as const;

type DeclaratieSubject = { wet: string; gemeenteCode: string; toewijzingsnummer: string };

/**
 * Registers the declaraties read. A declaratie names no resident here (only the toewijzing it
 * was delivered under), so its subject is the toewijzing: "wmo:0406:48213907" (the number is
 * unique within gemeente and wet). Returns the rows.
 */
export function registreerDeclaraties<R extends DeclaratieSubject>(logboek: Logboek, rows: R[]): R[] {
  const toewijzing = (row: R) => `${row.wet.toLowerCase()}:${row.gemeenteCode}:${row.toewijzingsnummer}`;
  return logboek.gelezen(VERWERKING.DECLARATIE_LEZEN, rows, toewijzing, 'toewijzing');
}

/** The loaders of `createLoaders`; the context carries one set per request. */
export type InkoopLoaders = InstanceType<typeof InkoopLoaders>;

/** Loaders over declaraties, filtered in SQL by the caller's CONTRACTBEHEER mandates. */
export type ScopedLoaders = ReturnType<typeof createScopedLoaders>;

function createScopedLoaders(db: Database, principal: Principal, logboek: Logboek) {
  const scope = declaratieScope(principal);
  const gelezen = <R extends DeclaratieSubject>(rows: R[]) => registreerDeclaraties(logboek, rows);
  return {
    /** The caller's scope over declaraties, for queries that do not go through a loader. */
    scope,
    declaratie: keyedLoader((ids: readonly string[]) => fetchDeclaraties(db, ids, scope).then(gelezen), (row) => row.id),
    /** Declaraties per `${gemeenteCode}:${toewijzingsnummer}` of a Wmo toewijzing. */
    declaratiesByWmoToewijzing: groupedLoader(
      (keys: readonly string[]) => fetchDeclaratiesByToewijzing(db, Wet.WMO, keys, scope).then(gelezen),
      toewijzingKey,
    ),
    /** Declaraties per `${gemeenteCode}:${toewijzingsnummer}` of a Jeugdwet toewijzing. */
    declaratiesByJeugdToewijzing: groupedLoader(
      (keys: readonly string[]) => fetchDeclaratiesByToewijzing(db, Wet.JEUGDWET, keys, scope).then(gelezen),
      toewijzingKey,
    ),
    declaratieTotaalByAanbieder: keyedLoader(
      (agbCodes: readonly string[]) => countDeclaratiesByAanbieder(db, agbCodes, scope),
      (row) => row.aanbiederAgb,
    ),
    /** One page of declaraties per aanbieder; one loader per page asked for. */
    declaratiePageByAanbieder: loaderFamily((page: { first: number; offset: number }) =>
      groupedLoader(
        (agbCodes: readonly string[]) => fetchDeclaratiePageByAanbieder(db, agbCodes, page, scope).then(gelezen),
        (row) => row.aanbiederAgb,
      ),
    ),
  };
}
