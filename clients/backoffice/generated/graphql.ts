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

export type BackofficeDeclaratiesQueryVariables = Exact<{
  gemeente: string;
  wet: Wet;
  first?: number;
  offset?: number;
}>;


export type BackofficeDeclaratiesQuery = { declaraties: { pageInfo: { totaal: number, heeftVolgende: boolean }, items: Array<{ id: string, toewijzingsnummer: string, productcode: string, leveringVan: string, leveringTot: string, bedrag: number, status: DeclaratieStatus, vertragingInDagen: number, aanbieder: { agbCode: string } }> } | null };

export type BackofficeWmoToewijzingenQueryVariables = Exact<{
  gemeente: string;
  first?: number;
  offset?: number;
}>;


export type BackofficeWmoToewijzingenQuery = { wmoToewijzingen: { pageInfo: { totaal: number, heeftVolgende: boolean }, items: Array<{ gemeenteCode: string, toewijzingsnummer: string, productcode: string, ingangsdatum: string, einddatum: string | null, eigenBijdrageTekst: string, aanbieder: { agbCode: string, naam: string } | null, declaraties: Array<{ id: string, leveringVan: string, bedrag: number, bedragTekst: string, status: DeclaratieStatus }> | null }> } | null };


export const BackofficeDeclaratiesDocument = {"__meta__":{"hash":"0ab42f99e149798c8152246ab46d7fd3015da1e82299fde90376ea33d73be3df"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BackofficeDeclaraties"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"gemeente"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"wet"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Wet"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declaraties"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"gemeente"},"value":{"kind":"Variable","name":{"kind":"Name","value":"gemeente"}}},{"kind":"Argument","name":{"kind":"Name","value":"wet"},"value":{"kind":"Variable","name":{"kind":"Name","value":"wet"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totaal"}},{"kind":"Field","name":{"kind":"Name","value":"heeftVolgende"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"toewijzingsnummer"}},{"kind":"Field","name":{"kind":"Name","value":"productcode"}},{"kind":"Field","name":{"kind":"Name","value":"leveringVan"}},{"kind":"Field","name":{"kind":"Name","value":"leveringTot"}},{"kind":"Field","name":{"kind":"Name","value":"bedrag"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"vertragingInDagen"}},{"kind":"Field","name":{"kind":"Name","value":"aanbieder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agbCode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BackofficeDeclaratiesQuery, BackofficeDeclaratiesQueryVariables>;
export const BackofficeWmoToewijzingenDocument = {"__meta__":{"hash":"710e0263b8858dcac6f5013ddd280530266b9fbce95f6435a68c60a94dce39bb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BackofficeWmoToewijzingen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"gemeente"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wmoToewijzingen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"gemeente"},"value":{"kind":"Variable","name":{"kind":"Name","value":"gemeente"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totaal"}},{"kind":"Field","name":{"kind":"Name","value":"heeftVolgende"}}]}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gemeenteCode"}},{"kind":"Field","name":{"kind":"Name","value":"toewijzingsnummer"}},{"kind":"Field","name":{"kind":"Name","value":"productcode"}},{"kind":"Field","name":{"kind":"Name","value":"ingangsdatum"}},{"kind":"Field","name":{"kind":"Name","value":"einddatum"}},{"kind":"Field","name":{"kind":"Name","value":"eigenBijdrageTekst"}},{"kind":"Field","name":{"kind":"Name","value":"aanbieder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agbCode"}},{"kind":"Field","name":{"kind":"Name","value":"naam"}}]}},{"kind":"Field","name":{"kind":"Name","value":"declaraties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"leveringVan"}},{"kind":"Field","name":{"kind":"Name","value":"bedrag"}},{"kind":"Field","name":{"kind":"Name","value":"bedragTekst"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BackofficeWmoToewijzingenQuery, BackofficeWmoToewijzingenQueryVariables>;