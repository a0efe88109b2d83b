import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import type { ErrorCode } from '@sociaal-graph/toolkit/gateway';
import type { GatewayContext } from '../context.js';
import { type CostWeights, type ListSize, NO_COST_WEIGHTS, ownCostOf } from './list-sizes.js';

export interface OperationLimitsPluginOptions {
  /** Deepest nesting of fields (a root field is depth 1), fragments followed. Default 12. */
  maxDepth?: number;
  /**
   * Deepest nesting under `__schema` and `__type`. Default 20: GraphiQL's introspection query
   * (graphql-js `getIntrospectionQuery`) reaches 15 through the `ofType` chain of its `TypeRef`
   * fragment, and other tools nest `ofType` a few levels deeper.
   */
  maxIntrospectionDepth?: number;
  /** Most aliased fields in one operation, counted once per use of a fragment. Default 30. */
  maxAliases?: number;
  /** Most fields at the top of the operation (aliases of one field each count). Default 20. */
  maxRootFields?: number;
  /**
   * Highest estimated cost: each field 1 or its `@cost` weight (`costWeights`; `__typename` 0); a list field multiplies its subtree
   * by its `first` argument, by the `first` of the page it sits in (`items` of a
   * `WmoToewijzingPage`), or, taking no `first`, by `unpagedListSize`. Introspection is not
   * counted. Default 100000.
   */
  maxCost?: number;
  /** `first` assumed where the query leaves it out and the schema gives no default. Default 50. */
  defaultPageSize?: number;
  /**
   * Length assumed for a list field that takes no `first` and has no `@listSize` in `listSizes`.
   * Default 5. The committed supergraph leaves no list without one of them (codegen's check).
   */
  unpagedListSize?: number;
  /**
   * `@listSize` of each list field, from the supergraph (`listSizesOf`): its `assumedSize` (a true
   * upper bound: 12 arrangements per gemeente), or the Int arguments that slice it (`aantal`).
   * Default none.
   */
  listSizes?: ReadonlyMap<string, ListSize>;
  /**
   * `@cost(weight:)` from the supergraph (`costWeightsOf`): a weighted field counts its weight instead
   * of 1 (per asked gemeente where it takes `gemeenten`), given weighted arguments add theirs.
   * Default none.
   */
  costWeights?: CostWeights;
  /** Number of gemeenten assumed where a `gemeenten` argument cannot be read. Default 400 (the most an answer takes). */
  maxGemeenten?: number;
}

/**
 * Refuses operations that are too deep, too wide or too expensive, before any subgraph is
 * called: `didResolveOperation` runs after validation and before the gateway plans and sends
 * anything, and an error thrown there ends the request (HTTP 400). Each limit has its own
 * `extensions.code`; `extensions.sociaalGraph` carries `{ limiet, waarde }`. Introspection is
 * held to its own depth only: graphql-js's `MaxIntrospectionDepthRule` (a standard validation
 * rule) already bounds its breadth, and the gateway answers it without calling a subgraph.
 */
export function operationLimitsPlugin(options: OperationLimitsPluginOptions = {}): ApolloServerPlugin<GatewayContext> {
  const {
    maxDepth = 12,
    maxIntrospectionDepth = 20,
    maxAliases = 30,
    maxRootFields = 20,
    maxCost = 100_000,
    defaultPageSize = 50,
    unpagedListSize = 5,
    listSizes = new Map<string, ListSize>(),
    costWeights = NO_COST_WEIGHTS,
    maxGemeenten = 400,
  } = options;
  const measuring = { defaultPageSize, unpagedListSize, listSizes, costWeights, maxGemeenten };
  /**
   * Each operation's measures, with the variables each read: what is measured depends on the schema,
   * the document and the values of those variables only (page sizes, gemeenten), so a request of a
   * cached document whose variables give the same values (most: a resident's id is not one) takes the
   * measure of an earlier one instead of walking the operation again.
   */
  const measured = new WeakMap<OperationDefinitionNode, { readonly schema: GraphQLSchema; readonly document: DocumentNode; readonly kept: Measured[] }>();
  const measuredFor = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): OperationMeasure => {
    let known = measured.get(operation);
    if (!known || known.schema !== schema || known.document !== document) measured.set(operation, (known = { schema, document, kept: [] }));
    const found = known.kept.find((entry) => readAlike(entry.read, variables));
    if (found) return found.measure;
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const read = new Map<string, unknown>();
    const measure = measureOperation(schema, operation, fragments, readingVariables(variables, read), measuring);
    if (known.kept.length < MAX_MEASURES_PER_OPERATION) known.kept.push({ read, measure });
    return measure;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          // Apollo Server has already refused a document without the requested operation.
          if (!operation) return;
          const m = measuredFor(schema, document, operation, request.variables ?? {});
          // For the per-caller cost budget (rateLimitPlugin, a later hook) and the caller's report.
          contextValue.cost.estimated = m.cost;
          refuseAbove('TOO_MANY_ROOT_FIELDS', m.rootFields, maxRootFields,
            (n, max) => `De operatie vraagt ${n} velden op het hoogste niveau; het maximum is ${max}.`);
          refuseAbove('TOO_MANY_ALIASES', m.aliases, maxAliases,
            (n, max) => `De operatie gebruikt ${n} aliassen; het maximum is ${max}.`);
          refuseAbove('QUERY_TOO_DEEP', m.depth, maxDepth,
            (n, max) => `De operatie is ${n} niveaus diep genest; het maximum is ${max}.`);
          refuseAbove('QUERY_TOO_DEEP', m.introspectionDepth, maxIntrospectionDepth,
            (n, max) => `De introspectie is ${n} niveaus diep genest; het maximum is ${max}.`);
          refuseAbove('QUERY_TOO_COSTLY', m.cost, maxCost,
            (n, max) => `De geschatte kosten van de operatie zijn ${n}; het maximum is ${max}. Vraag kleinere pagina's (first) of minder velden.`);
        },
      };
    },
  };
}

/** Most measures kept per operation: one per set of page sizes and gemeenten met; past it, a further one is measured per request. */
const MAX_MEASURES_PER_OPERATION = 8;

/** One measure of an operation and the variables it read (`ABSENT`: not given). */
interface Measured {
  readonly read: ReadonlyMap<string, unknown>;
  readonly measure: OperationMeasure;
}

const ABSENT = Symbol('not given');

/** The request's variable of this name (`ABSENT` when not given), noted in `read`. */
type VariableOf = (name: string) => unknown;

function readingVariables(variables: Record<string, unknown>, read: Map<string, unknown>): VariableOf {
  return (name) => {
    const value = Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : ABSENT;
    read.set(name, value);
    return value;
  };
}

/** Whether these variables give every variable an earlier measure read the value it read. */
function readAlike(read: ReadonlyMap<string, unknown>, variables: Record<string, unknown>): boolean {
  for (const [name, value] of read) {
    const now = Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : ABSENT;
    if (Object.is(now, value)) continue;
    // A list of gemeenten, or another JSON value: alike when written alike.
    if (typeof now !== 'object' || typeof value !== 'object' || now === null || value === null || JSON.stringify(now) !== JSON.stringify(value)) return false;
  }
  return true;
}

function refuseAbove(code: ErrorCode, value: number, limit: number, message: (value: string, limit: string) => string): void {
  if (value <= limit) return;
  const shown = Number.isFinite(value) ? value.toLocaleString('nl-NL') : 'onbegrensd';
  throw new GraphQLError(message(shown, limit.toLocaleString('nl-NL')), {
    // `http` is taken off the error by Apollo Server and becomes the response status.
    extensions: { code, http: { status: 400 }, sociaalGraph: { limiet: limit, waarde: value } },
  });
}

/** A field's printed type and its arguments by name. */
interface FieldOf {
  type: string;
  /** The named type it returns (`Gemeente` for `[Gemeente!]!`), when the schema has it. */
  named: GraphQLNamedType | undefined;
  args: Record<string, GraphQLArgument>;
}

/** What the limits are checked against. */
interface OperationMeasure {
  rootFields: number;
  aliases: number;
  depth: number;
  introspectionDepth: number;
  cost: number;
}

/** Depth, aliases and cost of one selection set, relative to it. */
interface Subtree {
  depth: number;
  aliases: number;
  cost: number;
}

const EMPTY: Subtree = { depth: 0, aliases: 0, cost: 0 };
const INTROSPECTION_ROOTS: ReadonlySet<string> = new Set(['__schema', '__type']);

function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variable: VariableOf,
  { defaultPageSize, unpagedListSize, listSizes, costWeights, maxGemeenten }: { defaultPageSize: number; unpagedListSize: number; listSizes: ReadonlyMap<string, ListSize>; costWeights: CostWeights; maxGemeenten: number },
): OperationMeasure {
  const variableDefaults = new Map(
    (operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition.defaultValue]),
  );
  // A fragment's subtree is the same wherever it is spread, so each is measured once per page
  // size: a document that spreads fragments into each other is measured in linear time.
  const memo = new Map<string, Subtree>();
  const inProgress = new Set<string>();
  const result: OperationMeasure = { rootFields: 0, aliases: 0, depth: 0, introspectionDepth: 0, cost: 0 };

  const root = schema.getRootType(operation.operation) ?? undefined;
  if (!root) return result;
  forEachRootField(operation.selectionSet, (name) => {
    if (name !== '__typename') result.rootFields += 1;
  });
  for (const selection of operation.selectionSet.selections) {
    // Root fields are measured one by one to tell introspection apart from data.
    const part = measure({ kind: Kind.SELECTION_SET, selections: [selection] }, root, undefined);
    result.aliases += part.aliases;
    const introspection = selection.kind === Kind.FIELD && INTROSPECTION_ROOTS.has(selection.name.value);
    if (introspection) result.introspectionDepth = Math.max(result.introspectionDepth, part.depth);
    else {
      result.depth = Math.max(result.depth, part.depth);
      result.cost += part.cost;
    }
  }
  return result;

  function forEachRootField(selectionSet: SelectionSetNode, visit: (name: string) => void, seen = new Set<string>()): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) visit(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) forEachRootField(selection.selectionSet, visit, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) forEachRootField(fragment.selectionSet, visit, seen);
      }
    }
  }

  /** `pageSize` is the `first` of the field that returned `parent`, for its list fields. */
  function measure(selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined, pageSize: number | undefined): Subtree {
    const total: Subtree = { depth: 0, aliases: 0, cost: 0 };
    for (const selection of selectionSet.selections) {
      let part: Subtree;
      if (selection.kind === Kind.FIELD) {
        const field = fieldOf(parent, selection.name.value);
        const first = field?.args.first ? pageSizeOf(field.args.first, selection) : undefined;
        const list = field?.type.startsWith('[') ?? false;
        const type = field?.named;
        const below = selection.selectionSet ? measure(selection.selectionSet, type, list ? undefined : first) : EMPTY;
        const size = parent ? listSizes.get(`${parent.name}.${selection.name.value}`) : undefined;
        const multiplier = list ? (first ?? pageSize ?? slicedSize(field, size, selection) ?? size?.assumedSize ?? unpagedListSize) : 1;
        // An answer over asked gemeenten holds that many times the answer over one (list sizes are per gemeente).
        const gemeenten = field?.args.gemeenten ? gemeentenAsked(selection) : 1;
        part = {
          depth: 1 + below.depth,
          aliases: (selection.alias ? 1 : 0) + below.aliases,
          cost: gemeenten * (ownCost(parent, selection, type) + multiplier * below.cost),
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        part = measure(selection.selectionSet, type, pageSize);
      } else {
        part = measureFragment(selection.name.value, pageSize);
      }
      total.depth = Math.max(total.depth, part.depth);
      total.aliases += part.aliases;
      total.cost += part.cost;
    }
    return total;
  }

  /** The field's weight (`@cost`) or 1, with the weights of its given arguments. */
  function ownCost(parent: GraphQLNamedType | undefined, node: FieldNode, type: GraphQLNamedType | undefined): number {
    const given = (node.arguments ?? []).map((argument) => argument.name.value);
    return ownCostOf(costWeights, parent?.name ?? '', node.name.value, type?.name, given);
  }

  function measureFragment(name: string, pageSize: number | undefined): Subtree {
    const key = `${name}:${pageSize ?? ''}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    // Validation refuses fragment cycles; the guard keeps this total if validation were skipped.
    if (!fragment || inProgress.has(key)) return EMPTY;
    inProgress.add(key);
    const part = measure(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), pageSize);
    inProgress.delete(key);
    memo.set(key, part);
    return part;
  }

  /** The field's `first` (or another Int argument): the literal, the variable (or its default), or the argument's default. */
  function pageSizeOf(argument: GraphQLArgument, node: FieldNode): number {
    const value = argumentValue(argument, node);
    // A malformed `first` fails in the subgraph; until then it counts as the default.
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : defaultPageSize;
  }

  /** The largest of the field's slicing arguments (`@listSize(slicingArguments:)`), when it has any. */
  function slicedSize(field: FieldOf | undefined, size: ListSize | undefined, node: FieldNode): number | undefined {
    const sizes = (size?.slicingArguments ?? []).flatMap((name) => (field?.args[name] ? [pageSizeOf(field.args[name], node)] : []));
    return sizes.length > 0 ? Math.max(...sizes) : undefined;
  }

  /** How many gemeenten a `gemeenten` argument asks for (at least 1; `maxGemeenten` when unreadable). */
  function gemeentenAsked(node: FieldNode): number {
    const given = node.arguments?.find((arg) => arg.name.value === 'gemeenten')?.value;
    if (!given) return maxGemeenten;
    const asked = given.kind === Kind.VARIABLE ? variable(given.name.value) : undefined;
    const value = given.kind !== Kind.VARIABLE ? valueFromASTUntyped(given) : asked !== ABSENT && asked != null ? asked : valueFromASTUntyped(variableDefaults.get(given.name.value) ?? { kind: Kind.NULL });
    return Array.isArray(value) ? Math.max(1, Math.min(value.length, maxGemeenten)) : maxGemeenten;
  }

  function argumentValue(argument: GraphQLArgument, node: FieldNode): unknown {
    const given = node.arguments?.find((arg) => arg.name.value === argument.name)?.value;
    if (given?.kind === Kind.VARIABLE) {
      const name = given.name.value;
      const fallback = variableDefaults.get(name);
      const asked = variable(name);
      if (asked !== ABSENT) return asked;
      if (fallback) return valueFromASTUntyped(fallback);
      return argument.defaultValue;
    }
    return given ? valueFromASTUntyped(given) : argument.defaultValue;
  }

  /**
   * The field's type in its printed form (`[Gemeente!]!`) and its `first` argument. The schema
   * comes from @apollo/gateway's CommonJS copy of graphql, so graphql's `instanceof`-based
   * predicates (`isListType`, `getNamedType`) imported here from its ES module copy would throw.
   */
  function fieldOf(parent: GraphQLNamedType | undefined, name: string): FieldOf | undefined {
    if (!parent) return undefined;
    let byCoordinate = fieldsOfSchema.get(schema);
    if (!byCoordinate) fieldsOfSchema.set(schema, (byCoordinate = new Map()));
    const coordinate = `${parent.name}.${name}`;
    if (byCoordinate.has(coordinate)) return byCoordinate.get(coordinate);
    const field = readField(schema, parent, name);
    byCoordinate.set(coordinate, field);
    return field;
  }
}

/**
 * What `measureOperation` reads of each field, by `Type.field`, per schema: it depends on the schema
 * alone, so it is read once, not at every field of every request (a reloaded supergraph is a new schema).
 */
const fieldsOfSchema = new WeakMap<GraphQLSchema, Map<string, FieldOf | undefined>>();

function readField(schema: GraphQLSchema, parent: GraphQLNamedType, name: string): FieldOf | undefined {
  if (parent === schema.getQueryType() && (name === '__schema' || name === '__type')) {
    const type = name === '__schema' ? '__Schema!' : '__Type';
    return { type, named: schema.getType(type.replace(/[[\]!]/g, '')) ?? undefined, args: {} };
  }
  const field = 'getFields' in parent ? parent.getFields()[name] : undefined;
  if (!field) return undefined;
  const args = Object.fromEntries(('args' in field ? field.args : []).map((arg) => [arg.name, arg]));
  // `gemeenten` multiplies only as a list of codes (`[String!]`), not as a single code.
  if (args.gemeenten && !String(args.gemeenten.type).startsWith('[')) delete args.gemeenten;
  const type = String(field.type);
  return { type, named: schema.getType(type.replace(/[[\]!]/g, '')) ?? undefined, args };
}
