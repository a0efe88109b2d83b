/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Status van een declaratie (323) na het antwoord van de gemeente (325). */
export type DeclaratieStatus =
  /** Afgewezen door de gemeente (met retourcode). */
  | 'AFGEWEZEN'
  /** Door de aanbieder gecrediteerd en eventueel vervangen door een correctie. */
  | 'GECREDITEERD'
  /** Toegekend door de gemeente. */
  | 'GOEDGEKEURD'
  /** Ingediend, nog niet beoordeeld. */
  | 'INGEDIEND';

/** Wet in het sociaal domein: Wmo 2015, Jeugdwet of Participatiewet. */
export type Wet =
  /** Jeugdwet: jeugdhulp, jeugdbescherming en jeugdreclassering; berichten volgens iJw. */
  | 'JEUGDWET'
  /** Participatiewet: bijstand (levensonderhoud) en ondersteuning naar werk. */
  | 'PARTICIPATIEWET'
  /** Wet maatschappelijke ondersteuning 2015: ondersteuning thuis en meedoen; berichten volgens iWmo. */
  | 'WMO';

export type AanbiederDeclaratiesQueryVariables = Exact<{
  wet?: Wet | null | undefined;
  first?: number;
}>;


export type AanbiederDeclaratiesQuery = { declaraties: { pageInfo: { totaal: number }, items: Array<{ id: string, gemeenteCode: string, toewijzingsnummer: string, leveringVan: string, bedrag: number, status: DeclaratieStatus, correctieVan: { id: string } | null }> } | null };

export type AanbiederToewijzingenQueryVariables = Exact<{
  first?: number;
  offset?: number;
}>;


export type AanbiederToewijzingenQuery = { wmoToewijzingen: { pageInfo: { totaal: number, heeftVolgende: boolean }, items: Array<{ gemeenteCode: string, toewijzingsnummer: string, productcode: string, ingangsdatum: string, einddatum: string | null }> } | null, jeugdToewijzingen: { pageInfo: { totaal: number, heeftVolgende: boolean }, items: Array<{ gemeenteCode: string, toewijzingsnummer: string, ingangsdatum: string, einddatum: string | null }> } | null };


export const AanbiederDeclaratiesDocument = {"__meta__":{"hash":"6c53c0878018bf181fb118f97ad0b84ef97bde74e9d5cb0bff1e702bb8476783"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AanbiederDeclaraties"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"wet"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Wet"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declaraties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"wet"},"value":{"kind":"Variable","name":{"kind":"Name","value":"wet"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totaal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"gemeenteCode"}},{"kind":"Field","name":{"kind":"Name","value":"toewijzingsnummer"}},{"kind":"Field","name":{"kind":"Name","value":"leveringVan"}},{"kind":"Field","name":{"kind":"Name","value":"bedrag"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"correctieVan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AanbiederDeclaratiesQuery, AanbiederDeclaratiesQueryVariables>;
export const AanbiederToewijzingenDocument = {"__meta__":{"hash":"17b71a4c59b6b25f8252ad145d2007e39cad7ca5a474a376045de88a0f46db15"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AanbiederToewijzingen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wmoToewijzingen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totaal"}},{"kind":"Field","name":{"kind":"Name","value":"heeftVolgende"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gemeenteCode"}},{"kind":"Field","name":{"kind":"Name","value":"toewijzingsnummer"}},{"kind":"Field","name":{"kind":"Name","value":"productcode"}},{"kind":"Field","name":{"kind":"Name","value":"ingangsdatum"}},{"kind":"Field","name":{"kind":"Name","value":"einddatum"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"jeugdToewijzingen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totaal"}},{"kind":"Field","name":{"kind":"Name","value":"heeftVolgende"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gemeenteCode"}},{"kind":"Field","name":{"kind":"Name","value":"toewijzingsnummer"}},{"kind":"Field","name":{"kind":"Name","value":"ingangsdatum"}},{"kind":"Field","name":{"kind":"Name","value":"einddatum"}}]}}]}}]}}]} as unknown as DocumentNode<AanbiederToewijzingenQuery, AanbiederToewijzingenQueryVariables>;