/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query BackofficeDeclaraties($gemeente: String!, $wet: Wet!, $first: Int! = 50, $offset: Int! = 0) {\n  declaraties(gemeente: $gemeente, wet: $wet, first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      id\n      toewijzingsnummer\n      productcode\n      leveringVan\n      leveringTot\n      bedrag\n      status\n      vertragingInDagen\n      aanbieder {\n        agbCode\n      }\n    }\n  }\n}": typeof types.BackofficeDeclaratiesDocument,
    "query BackofficeWmoToewijzingen($gemeente: String!, $first: Int! = 20, $offset: Int! = 0) {\n  wmoToewijzingen(gemeente: $gemeente, first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      gemeenteCode\n      toewijzingsnummer\n      productcode\n      ingangsdatum\n      einddatum\n      eigenBijdrageTekst\n      aanbieder {\n        agbCode\n        naam\n      }\n      declaraties {\n        id\n        leveringVan\n        bedrag\n        bedragTekst\n        status\n      }\n    }\n  }\n}": typeof types.BackofficeWmoToewijzingenDocument,
};
const documents: Documents = {
    "query BackofficeDeclaraties($gemeente: String!, $wet: Wet!, $first: Int! = 50, $offset: Int! = 0) {\n  declaraties(gemeente: $gemeente, wet: $wet, first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      id\n      toewijzingsnummer\n      productcode\n      leveringVan\n      leveringTot\n      bedrag\n      status\n      vertragingInDagen\n      aanbieder {\n        agbCode\n      }\n    }\n  }\n}": types.BackofficeDeclaratiesDocument,
    "query BackofficeWmoToewijzingen($gemeente: String!, $first: Int! = 20, $offset: Int! = 0) {\n  wmoToewijzingen(gemeente: $gemeente, first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      gemeenteCode\n      toewijzingsnummer\n      productcode\n      ingangsdatum\n      einddatum\n      eigenBijdrageTekst\n      aanbieder {\n        agbCode\n        naam\n      }\n      declaraties {\n        id\n        leveringVan\n        bedrag\n        bedragTekst\n        status\n      }\n    }\n  }\n}": types.BackofficeWmoToewijzingenDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BackofficeDeclaraties($gemeente: String!, $wet: Wet!, $first: Int! = 50, $offset: Int! = 0) {\n  declaraties(gemeente: $gemeente, wet: $wet, first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      id\n      toewijzingsnummer\n      productcode\n      leveringVan\n      leveringTot\n      bedrag\n      status\n      vertragingInDagen\n      aanbieder {\n        agbCode\n      }\n    }\n  }\n}"): (typeof documents)["query BackofficeDeclaraties($gemeente: String!, $wet: Wet!, $first: Int! = 50, $offset: Int! = 0) {\n  declaraties(gemeente: $gemeente, wet: $wet, first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      id\n      toewijzingsnummer\n      productcode\n      leveringVan\n      leveringTot\n      bedrag\n      status\n      vertragingInDagen\n      aanbieder {\n        agbCode\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BackofficeWmoToewijzingen($gemeente: String!, $first: Int! = 20, $offset: Int! = 0) {\n  wmoToewijzingen(gemeente: $gemeente, first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      gemeenteCode\n      toewijzingsnummer\n      productcode\n      ingangsdatum\n      einddatum\n      eigenBijdrageTekst\n      aanbieder {\n        agbCode\n        naam\n      }\n      declaraties {\n        id\n        leveringVan\n        bedrag\n        bedragTekst\n        status\n      }\n    }\n  }\n}"): (typeof documents)["query BackofficeWmoToewijzingen($gemeente: String!, $first: Int! = 20, $offset: Int! = 0) {\n  wmoToewijzingen(gemeente: $gemeente, first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      gemeenteCode\n      toewijzingsnummer\n      productcode\n      ingangsdatum\n      einddatum\n      eigenBijdrageTekst\n      aanbieder {\n        agbCode\n        naam\n      }\n      declaraties {\n        id\n        leveringVan\n        bedrag\n        bedragTekst\n        status\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;