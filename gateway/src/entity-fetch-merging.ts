import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { type DocumentNode, type FieldNode, Kind, type OperationDefinitionNode, parse, print, type VariableDefinitionNode, visit } from 'graphql';

/**
 * Entity fetches to one subgraph that the query planner runs side by side for one client request
 * (the resident view's aanbieder, contract and tarief: three `_entities` calls to inkoop) merged into
 * one call: `_entities0: _entities(representations: $representations0) {…} _entities1: …`. One HTTP
 * round trip, one caller assertion to sign and verify, one request context and one GraphQL execution
 * in the subgraph instead of one per fetch. Only fetches of the same client request are merged, so the
 * merged call carries exactly that caller's rights and nothing another caller asked.
 */
export interface MergedEntityFetch {
  /** The document sent to the subgraph. */
  readonly query: string;
  readonly operationName: string;
  /** The merged variables from each fetch's own. */
  variables(each: readonly Record<string, unknown>[]): Record<string, unknown>;
  /** Each fetch's response, as if it had been sent alone. */
  split(response: GatewayGraphQLResponse): GatewayGraphQLResponse[];
}

const ENTITIES = '_entities';
const REPRESENTATIONS = 'representations';

/** An `_entities` fetch of the query planner: one operation, one unaliased `_entities` field, no fragments. */
function entityOperation(document: DocumentNode): OperationDefinitionNode | undefined {
  if (document.definitions.length !== 1) return undefined;
  const [operation] = document.definitions;
  if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query') return undefined;
  const [field, ...rest] = operation.selectionSet.selections;
  if (rest.length > 0 || field?.kind !== Kind.FIELD || field.name.value !== ENTITIES || field.alias) return undefined;
  const argument = field.arguments?.length === 1 ? field.arguments[0] : undefined;
  if (argument?.name.value !== REPRESENTATIONS || argument.value.kind !== Kind.VARIABLE || argument.value.name.value !== REPRESENTATIONS) return undefined;
  return operation;
}

/** Whether a fetch document could be merged with others (checked on the text first: most are not entity fetches). */
export function isEntityFetch(query: string | undefined): query is string {
  if (!query?.includes(`${ENTITIES}(`)) return false;
  return entityOperation(parsed(query)) !== undefined;
}

const documents = new Map<string, DocumentNode>();
const merged = new Map<string, MergedEntityFetch | null>();
/** The plans' fetch documents are few and fixed per supergraph; the bound only guards against growth. */
const MAX_CACHED = 2_000;

function parsed(query: string): DocumentNode {
  let document = documents.get(query);
  if (!document) {
    if (documents.size >= MAX_CACHED) documents.clear();
    documents.set(query, (document = parse(query)));
  }
  return document;
}

/**
 * The merged call of these entity fetches (in this order), made once per combination; undefined when
 * they cannot be merged (a variable of the same name with another type).
 */
export function mergeEntityFetches(queries: readonly string[]): MergedEntityFetch | undefined {
  const key = queries.join('\u0000');
  let result = merged.get(key);
  if (result === undefined) {
    if (merged.size >= MAX_CACHED) merged.clear();
    merged.set(key, (result = build(queries) ?? null));
  }
  return result ?? undefined;
}

function build(queries: readonly string[]): MergedEntityFetch | undefined {
  const variableDefinitions = new Map<string, VariableDefinitionNode>();
  const fields: FieldNode[] = [];
  const operations = queries.map((query) => entityOperation(parsed(query)));
  for (const [i, operation] of operations.entries()) {
    if (!operation) return undefined;
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value === REPRESENTATIONS ? `${REPRESENTATIONS}${i}` : definition.variable.name.value;
      const renamed: VariableDefinitionNode = { ...definition, variable: { ...definition.variable, name: { kind: Kind.NAME, value: name } } };
      const known = variableDefinitions.get(name);
      // Other variables come from the one client request, so the same name is the same value; a
      // different type would be a planner surprise: then each fetch goes alone.
      if (known && print(known.type) !== print(renamed.type)) return undefined;
      variableDefinitions.set(name, renamed);
    }
    const field = operation.selectionSet.selections[0] as FieldNode;
    fields.push(
      visit(field, {
        Variable: (node) => (node.name.value === REPRESENTATIONS ? { ...node, name: { kind: Kind.NAME, value: `${REPRESENTATIONS}${i}` } } : undefined),
      }),
    );
  }
  const operationName = operations[0]!.name?.value ?? 'EntityFetches';
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: operations[0]!.operation,
        name: { kind: Kind.NAME, value: operationName },
        variableDefinitions: [...variableDefinitions.values()],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: fields.map((field, i) => ({ ...field, alias: { kind: Kind.NAME, value: `${ENTITIES}${i}` } })),
        },
      },
    ],
  };
  return {
    query: print(document),
    operationName,
    variables: (each) => {
      const variables: Record<string, unknown> = {};
      each.forEach(({ [REPRESENTATIONS]: representations, ...rest }, i) => {
        Object.assign(variables, rest);
        variables[`${REPRESENTATIONS}${i}`] = representations;
      });
      return variables;
    },
    split: (response) =>
      queries.map((_, i) => {
        const alias = `${ENTITIES}${i}`;
        // An error of one fetch's entities goes to that fetch, with the path it would have had alone; one
        // without such a path to the first only, so it is reported once, unless the call gave no data: then
        // to every fetch, so that none of them loses its fields without an error.
        const errors = response.errors
          ?.filter((error) => (Array.isArray(error.path) && String(error.path[0]).startsWith(ENTITIES) ? error.path[0] === alias : i === 0 || response.data == null))
          .map((error) => (error.path?.[0] === alias ? { ...error, path: [ENTITIES, ...error.path.slice(1)] } : error));
        const data = response.data === null ? null : response.data === undefined ? undefined : { [ENTITIES]: response.data[alias] ?? null };
        return {
          ...(data !== undefined ? { data } : {}),
          ...(errors?.length ? { errors } : {}),
          ...(i === 0 && response.extensions ? { extensions: response.extensions } : {}),
          ...(response.http ? { http: response.http } : {}),
        } as GatewayGraphQLResponse;
      }),
  };
}
