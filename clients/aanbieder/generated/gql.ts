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
    "query AanbiederDeclaraties($wet: Wet, $first: Int! = 50) {\n  declaraties(wet: $wet, first: $first) {\n    pageInfo {\n      totaal\n    }\n    items {\n      id\n      gemeenteCode\n      toewijzingsnummer\n      leveringVan\n      bedrag\n      status\n      correctieVan {\n        id\n      }\n    }\n  }\n}": typeof types.AanbiederDeclaratiesDocument,
    "query AanbiederToewijzingen($first: Int! = 10, $offset: Int! = 0) {\n  wmoToewijzingen(first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      gemeenteCode\n      toewijzingsnummer\n      productcode\n      ingangsdatum\n      einddatum\n    }\n  }\n  jeugdToewijzingen(first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      gemeenteCode\n      toewijzingsnummer\n      ingangsdatum\n      einddatum\n    }\n  }\n}": typeof types.AanbiederToewijzingenDocument,
};
const documents: Documents = {
    "query AanbiederDeclaraties($wet: Wet, $first: Int! = 50) {\n  declaraties(wet: $wet, first: $first) {\n    pageInfo {\n      totaal\n    }\n    items {\n      id\n      gemeenteCode\n      toewijzingsnummer\n      leveringVan\n      bedrag\n      status\n      correctieVan {\n        id\n      }\n    }\n  }\n}": types.AanbiederDeclaratiesDocument,
    "query AanbiederToewijzingen($first: Int! = 10, $offset: Int! = 0) {\n  wmoToewijzingen(first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      gemeenteCode\n      toewijzingsnummer\n      productcode\n      ingangsdatum\n      einddatum\n    }\n  }\n  jeugdToewijzingen(first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      gemeenteCode\n      toewijzingsnummer\n      ingangsdatum\n      einddatum\n    }\n  }\n}": types.AanbiederToewijzingenDocument,
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
export function graphql(source: "query AanbiederDeclaraties($wet: Wet, $first: Int! = 50) {\n  declaraties(wet: $wet, first: $first) {\n    pageInfo {\n      totaal\n    }\n    items {\n      id\n      gemeenteCode\n      toewijzingsnummer\n      leveringVan\n      bedrag\n      status\n      correctieVan {\n        id\n      }\n    }\n  }\n}"): (typeof documents)["query AanbiederDeclaraties($wet: Wet, $first: Int! = 50) {\n  declaraties(wet: $wet, first: $first) {\n    pageInfo {\n      totaal\n    }\n    items {\n      id\n      gemeenteCode\n      toewijzingsnummer\n      leveringVan\n      bedrag\n      status\n      correctieVan {\n        id\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AanbiederToewijzingen($first: Int! = 10, $offset: Int! = 0) {\n  wmoToewijzingen(first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      gemeenteCode\n      toewijzingsnummer\n      productcode\n      ingangsdatum\n      einddatum\n    }\n  }\n  jeugdToewijzingen(first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      gemeenteCode\n      toewijzingsnummer\n      ingangsdatum\n      einddatum\n    }\n  }\n}"): (typeof documents)["query AanbiederToewijzingen($first: Int! = 10, $offset: Int! = 0) {\n  wmoToewijzingen(first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      gemeenteCode\n      toewijzingsnummer\n      productcode\n      ingangsdatum\n      einddatum\n    }\n  }\n  jeugdToewijzingen(first: $first, offset: $offset) {\n    pageInfo {\n      totaal\n      heeftVolgende\n    }\n    items {\n      gemeenteCode\n      toewijzingsnummer\n      ingangsdatum\n      einddatum\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;