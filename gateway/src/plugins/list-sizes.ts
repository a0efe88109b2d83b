import { type DocumentNode, Kind, parse, valueFromASTUntyped } from 'graphql';

/** How long a list field can be, from its `@listSize` in the supergraph (cost specification). */
export interface ListSize {
  /** `assumedSize`: the most items the list holds (per asked gemeente in an answer over gemeenten). */
  assumedSize?: number;
  /** `slicingArguments`: Int arguments whose value is the most items (`first`, `aantal`). */
  slicingArguments?: readonly string[];
}

/**
 * `@cost(weight:)` of the supergraph (cost specification): a field's weight replaces the cost of 1
 * every field has; an object type's weight is that of each field returning it without a weight of
 * its own; an argument's weight is added to its field's when the argument is given.
 */
export interface CostWeights {
  /** By coordinate: `Query.stapeling`. */
  readonly fields: ReadonlyMap<string, number>;
  /** By object type name. */
  readonly types: ReadonlyMap<string, number>;
  /** By argument coordinate: `Query.stapeling(jaar:)`. */
  readonly arguments: ReadonlyMap<string, number>;
}

const COST_SPEC = /^https:\/\/specs\.apollo\.dev\/cost\/v\d+\.\d+$/;

/**
 * The names the cost spec's directives carry in this SDL, as its `@link` says: imported under their
 * own name or renamed (`import: [{ name: "@cost", as: "@gewicht" }]`), else prefixed with the link's
 * name (`@cost__listSize`; `as: "kosten"` gives `@kosten__listSize` and `@kosten`). Without a link to the spec, the
 * plain names (a supergraph composed without one).
 */
function costDirectiveNames(document: DocumentNode): { cost: string; listSize: string } {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const args = new Map((link.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
      const url = args.get('url');
      if (typeof url !== 'string' || !COST_SPEC.test(url)) continue;
      const prefix = typeof args.get('as') === 'string' ? String(args.get('as')) : 'cost';
      // The link spec names the directive that bears the spec's own name by the prefix alone
      // (`@cost`, or `@kosten` under `as: "kosten"`); the others `<prefix>__<name>`.
      const names = { cost: prefix, listSize: `${prefix}__listSize` };
      const imports = args.get('import');
      for (const entry of Array.isArray(imports) ? imports : []) {
        const name: unknown = typeof entry === 'string' ? entry : (entry as { name?: unknown })?.name;
        const as: unknown = typeof entry === 'string' ? entry : ((entry as { as?: unknown })?.as ?? name);
        if (typeof name !== 'string' || typeof as !== 'string') continue;
        if (name === '@cost') names.cost = as.replace(/^@/, '');
        if (name === '@listSize') names.listSize = as.replace(/^@/, '');
      }
      return names;
    }
  }
  return { cost: 'cost', listSize: 'listSize' };
}

/**
 * Every `@listSize` of the supergraph by coordinate (`Gemeente.arrangementen`). Read from the
 * SDL once at start: the directive composes into the supergraph (`@link` of
 * `https://specs.apollo.dev/cost/v0.1`), but the API schema the plugins see has no directives.
 */
export function listSizesOf(supergraphSdl: string): ReadonlyMap<string, ListSize> {
  const document = parse(supergraphSdl);
  const { listSize } = costDirectiveNames(document);
  const sizes = new Map<string, ListSize>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === listSize);
      if (!directive) continue;
      const size: ListSize = {};
      for (const argument of directive.arguments ?? []) {
        const value = valueFromASTUntyped(argument.value);
        if (argument.name.value === 'assumedSize' && typeof value === 'number') size.assumedSize = value;
        if (argument.name.value === 'slicingArguments' && Array.isArray(value)) size.slicingArguments = value.map(String);
      }
      sizes.set(`${definition.name.value}.${field.name.value}`, size);
    }
  }
  return sizes;
}

/** Every `@cost(weight:)` of the supergraph on a field, an object type or an argument (see `CostWeights`). */
export function costWeightsOf(supergraphSdl: string): CostWeights {
  const document = parse(supergraphSdl);
  const { cost } = costDirectiveNames(document);
  const weightOf = (directives: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: Parameters<typeof valueFromASTUntyped>[0] }[] }[] | undefined) => {
    const directive = directives?.find((d) => d.name.value === cost);
    const weight = directive?.arguments?.find((a) => a.name.value === 'weight');
    const value = weight ? valueFromASTUntyped(weight.value) : undefined;
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
  };
  const fields = new Map<string, number>();
  const types = new Map<string, number>();
  const args = new Map<string, number>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeName = definition.name.value;
    const typeWeight = weightOf(definition.directives);
    if (typeWeight !== undefined) types.set(typeName, typeWeight);
    for (const field of definition.fields ?? []) {
      const coordinate = `${typeName}.${field.name.value}`;
      const fieldWeight = weightOf(field.directives);
      if (fieldWeight !== undefined) fields.set(coordinate, fieldWeight);
      for (const argument of field.arguments ?? []) {
        const argumentWeight = weightOf(argument.directives);
        if (argumentWeight !== undefined) args.set(`${coordinate}(${argument.name.value}:)`, argumentWeight);
      }
    }
  }
  return { fields, types, arguments: args };
}

/** No weights: every field costs 1. */
export const NO_COST_WEIGHTS: CostWeights = { fields: new Map(), types: new Map(), arguments: new Map() };

/**
 * The cost of one selected field by itself (without what is selected below it): its weight, else
 * its type's, else 1 (`__typename` 0), plus the weights of the arguments it is given.
 */
export function ownCostOf(weights: CostWeights, parentType: string, fieldName: string, returnType: string | undefined, givenArguments: readonly string[]): number {
  if (fieldName === '__typename') return 0;
  const coordinate = `${parentType}.${fieldName}`;
  let cost = weights.fields.get(coordinate) ?? (returnType !== undefined ? weights.types.get(returnType) : undefined) ?? 1;
  for (const argument of givenArguments) cost += weights.arguments.get(`${coordinate}(${argument}:)`) ?? 0;
  return cost;
}
