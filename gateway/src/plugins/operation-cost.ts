import type { ApolloServerPlugin } from '@apollo/server';
import type { Histogram } from 'prom-client';
import { type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLNamedType, type GraphQLSchema, Kind, type OperationDefinitionNode, type SelectionSetNode, valueFromASTUntyped } from 'graphql';
import type { GatewayContext } from '../context.js';
import { type CostWeights, NO_COST_WEIGHTS, ownCostOf } from './list-sizes.js';
import { ResponseBudget, responseTooLargeMessage } from '../response-budget.js';

export interface OperationCostPluginOptions {
  /**
   * Largest response, in bytes: of the subgraph answers of the operation together, counted as they
   * arrive (`ResponseBudget`: past it, the fetches are cut off), and of the response built from them
   * (counted while walking the result: keys, values and punctuation, string escapes not counted).
   * A larger one is not sent: `data: null` and one error `RESPONSE_TOO_LARGE`, HTTP 400. Default 16 MiB.
   */
  maxResponseBytes?: number;
  /** `sociaal_graph_gateway_operation_cost{kind="estimated"|"actual"}` (gateway/src/metrics.ts). */
  costHistogram?: Histogram<'kind'>;
  /** `@cost` weights (`costWeightsOf`), the same the estimate uses: a weighted field in the answer counts its weight. */
  costWeights?: CostWeights;
}

/**
 * Measures what an operation really cost once it ran (issue 11, item 1) and reports it: a
 * caller that sends `"extensions": {"kosten": true}` gets `extensions.kosten { geschat, werkelijk }` (the estimate of `operationLimitsPlugin`
 * against the fields actually in the answer, counted as the estimate counts them: each field 1 or
 * its `@cost` weight, each list item its own fields), the operator the histogram. A response larger than
 * `maxResponseBytes` is replaced by one error before Apollo serializes and sends it; so is one whose
 * subgraph answers together went past it, which were cut off while they arrived (`ResponseBudget`),
 * so a too large answer is never held in memory whole. The estimate with true list sizes refuses a
 * too large answer before any subgraph is asked; this is the second line, for lists longer than
 * their `@listSize` says.
 */
export function operationCostPlugin(options: OperationCostPluginOptions = {}): ApolloServerPlugin<GatewayContext> {
  const { maxResponseBytes = 16 * 1024 * 1024, costHistogram, costWeights = NO_COST_WEIGHTS } = options;
  const weighted = costWeights.fields.size + costWeights.types.size + costWeights.arguments.size > 0;
  return {
    async requestDidStart({ contextValue }) {
      const budget = new ResponseBudget(maxResponseBytes);
      contextValue.cost.responseBudget = budget;
      return {
        async willSendResponse({ request, response, contextValue, document, operation, schema }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const { estimated } = contextValue.cost;
          if (estimated === undefined) return;
          costHistogram?.observe({ kind: 'estimated' }, estimated);
          // Cut off while arriving: what was built from the rest is not worth measuring nor sending,
          // and its actual cost is unknown.
          if (budget.exceeded) {
            response.http.status = 400;
            response.body.singleResult = {
              data: null,
              errors: [tooLarge(maxResponseBytes, budget.bytes)],
              extensions: { ...result.extensions, kosten: { geschat: estimated } },
            };
            return;
          }
          const walked = measure(result.data ?? null);
          // Weighted fields count their weight, as in the estimate; the walk is only made when the
          // supergraph has weights and the answer has data.
          const extra = weighted && operation && document && result.data ? weightedExtra(result.data, { schema, document, operation, variables: request.variables ?? {}, weights: costWeights }) : 0;
          const measured = { cost: walked.cost + extra, bytes: walked.bytes };
          contextValue.cost.actual = measured.cost;
          costHistogram?.observe({ kind: 'actual' }, measured.cost);
          if (measured.bytes > maxResponseBytes) {
            response.http.status = 400;
            response.body.singleResult = {
              data: null,
              errors: [tooLarge(maxResponseBytes, measured.bytes)],
              extensions: { ...result.extensions, kosten: { geschat: estimated, werkelijk: measured.cost } },
            };
            return;
          }
          // Only when asked: most clients never look, and every answer would carry it.
          if (request.extensions?.kosten === true) result.extensions = { ...result.extensions, kosten: { geschat: estimated, werkelijk: measured.cost } };
        },
      };
    },
  };
}

function tooLarge(maxBytes: number, bytes: number) {
  return { message: responseTooLargeMessage(maxBytes), extensions: { code: 'RESPONSE_TOO_LARGE', sociaalGraph: { limiet: maxBytes, waarde: bytes } } };
}

/** A result shared by several callers (`inflightDeduplicationPlugin`) is measured once. */
const measuredData = new WeakMap<object, { cost: number; bytes: number }>();

function measure(data: unknown): { cost: number; bytes: number } {
  if (!data || typeof data !== 'object') return walk(data);
  let measured = measuredData.get(data);
  if (!measured) measuredData.set(data, (measured = walk(data)));
  return measured;
}

/** Fields in the answer (as the estimate counts them, `__typename` free) and its JSON size, in one walk. */
function walk(data: unknown): { cost: number; bytes: number } {
  let cost = 0;
  let bytes = 0;
  // An explicit stack: a deep answer must not overflow the call stack.
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || value === undefined) bytes += 4;
    else if (typeof value === 'string') bytes += value.length + 2;
    else if (typeof value === 'number' || typeof value === 'boolean') bytes += String(value).length;
    else if (Array.isArray(value)) {
      bytes += 2 + Math.max(0, value.length - 1);
      for (const item of value) stack.push(item);
    } else if (typeof value === 'object') {
      // for...in rather than Object.entries: no array per object of a large answer.
      const object = value as Record<string, unknown>;
      let keys = 0;
      for (const key in object) {
        keys += 1;
        if (key !== '__typename') cost += 1;
        bytes += key.length + 3;
        stack.push(object[key]);
      }
      bytes += 2 + Math.max(0, keys - 1);
    }
  }
  return { cost, bytes };
}

interface WeightedWalk {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  weights: CostWeights;
}

/** Selections under one field of the operation, with what each key costs once known per concrete type. */
interface Selected {
  readonly selections: readonly SelectionSetNode[];
  readonly parent: GraphQLNamedType | undefined;
  /** Per concrete type name: per response key, the field's weight and the selections under it. */
  readonly perType: Map<string, Map<string, WeightedKey>>;
}

/** One response key on one type: its own weight (1 for an unweighted field) and the field node that asks for it. */
interface WeightedKey {
  readonly own: number;
  readonly node: FieldNode;
  readonly below: Selected | undefined;
}

/** An operation's selections as `weightedExtra` walks them, for the schema, document and weights they were worked out for. */
interface KeptSelections {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly weights: CostWeights;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly root: Selected;
}

/**
 * What each key of an operation's selections costs depends on the operation and the schema only; the
 * variables count only at the weighted fields that take `gemeenten`, and are read there on each walk.
 * Apollo Server's document store hands every request of a cached operation the same nodes, so this is
 * worked out once per operation, not once per request (it was most of `weightedExtra` on a resident view).
 */
const keptSelections = new WeakMap<OperationDefinitionNode, KeptSelections>();

function selectionsOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, weights: CostWeights): KeptSelections | undefined {
  const kept = keptSelections.get(operation);
  if (kept && kept.schema === schema && kept.document === document && kept.weights === weights) return kept;
  const root = schema.getRootType(operation.operation);
  if (!root) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const made: KeptSelections = { schema, document, weights, fragments, root: { selections: [operation.selectionSet], parent: root, perType: new Map() } };
  keptSelections.set(operation, made);
  return made;
}

/**
 * What the `@cost` weights add to the fields counted in the answer (1 each): for each weighted field
 * in it, its weight (per asked gemeente where it takes `gemeenten`, as the estimate counts it) less
 * the 1 already counted. Walks the answer beside the operation's selections to know which field
 * each key is (aliases, fragments). What a key of a selection costs on a type is worked out once
 * per operation (`selectionsOf`), not once per object of the answer: an answer of 20,000 objects of one selection
 * took the gateway 390 ms of synchronous work when every object worked out its fields anew (issue 11).
 */
function weightedExtra(data: unknown, { schema, document, operation, variables, weights }: WeightedWalk): number {
  const kept = selectionsOf(schema, document, operation, weights);
  if (!kept) return 0;
  const keysOn = (at: Selected, concrete: GraphQLNamedType) => {
    let keys = at.perType.get(concrete.name);
    if (keys) return keys;
    keys = new Map();
    at.perType.set(concrete.name, keys);
    if (!('getFields' in concrete)) return keys;
    for (const [key, nodes] of fieldsByResponseKey(at.selections, kept.fragments)) {
      const field = concrete.getFields()[nodes[0]!.name.value];
      if (!field) continue;
      // By name: the supergraph's types may come from another copy of graphql (getNamedType refuses them).
      const returnType = schema.getType(String(field.type).replace(/[[\]!]/g, '')) ?? undefined;
      const own = ownCostOf(weights, concrete.name, field.name, returnType?.name, (nodes[0]!.arguments ?? []).map((a) => a.name.value));
      const below = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
      keys.set(key, { own, node: nodes[0]!, below: below.length > 0 ? { selections: below, parent: returnType, perType: new Map() } : undefined });
    }
    return keys;
  };
  let extra = 0;
  // An explicit stack, as in `walk`.
  const stack: { value: unknown; at: Selected }[] = [{ value: data, at: kept.root }];
  while (stack.length > 0) {
    const { value, at } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, at });
      continue;
    }
    const object = value as Record<string, unknown>;
    const concrete = typeof object.__typename === 'string' ? (schema.getType(object.__typename) ?? at.parent) : at.parent;
    if (!concrete) continue;
    const keys = keysOn(at, concrete);
    for (const key in object) {
      const cost = keys.get(key);
      if (!cost) continue;
      // The variables of this request: only a weighted field's `gemeenten` reads them.
      if (cost.own !== 1) extra += cost.own * gemeentenAsked(cost.node, variables) - 1;
      if (cost.below) stack.push({ value: object[key], at: cost.below });
    }
  }
  return extra;
}

/** The fields of the selection sets by the key they answer under, fragments followed. */
function fieldsByResponseKey(selections: readonly SelectionSetNode[], fragments: ReadonlyMap<string, FragmentDefinitionNode>): Map<string, FieldNode[]> {
  const byKey = new Map<string, FieldNode[]>();
  const seen = new Set<string>();
  const pending = [...selections];
  while (pending.length > 0) {
    for (const selection of pending.pop()!.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        byKey.set(key, [...(byKey.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) pending.push(fragment.selectionSet);
      }
    }
  }
  return byKey;
}

/** Gemeenten a literal or variable `gemeenten` list asks for (1 when the field takes none). */
function gemeentenAsked(node: FieldNode, variables: Record<string, unknown>): number {
  const given = node.arguments?.find((arg) => arg.name.value === 'gemeenten')?.value;
  if (!given) return 1;
  const value = given.kind === Kind.VARIABLE ? variables[given.name.value] : valueFromASTUntyped(given);
  return Array.isArray(value) ? Math.max(1, value.length) : 1;
}
