import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  type CompositeType, ERRORS, type FieldSelection, isSubtype, type NamedType, type Operation, type OutputType, type Schema, type Selection, type SelectionSet,
  typenameFieldName, Variable,
} from '@apollo/federation-internals';
import { type DefinitionNode, type DocumentNode, type GraphQLError, Kind } from 'graphql';

/**
 * The gateway's result shaping: the client's answer built from what the subgraphs returned, in the
 * place of @apollo/gateway's own `computeResponse` (which `executeQueryPlan` calls through its
 * module's exports once per execution; `useLeanResultShaping` below swaps it).
 *
 * Why not Apollo's: it works out, for every field of every object in the answer, the field's
 * @skip/@include directives, its response name, its type and whether its fragment applies, and
 * returns a new object per value. On a large answer that was most of the gateway's own work: on the
 * 1.57 MB answer of `arrangementen x12` it took about five times as long as serialising the answer
 * (docs/demand-control.md), and it held the event loop for every other caller meanwhile.
 *
 * Here an execution first compiles the operation, with its variables, into one closure per
 * selection and type (`Shaping`), then runs them over the data. The answer is the one Apollo gives,
 * the same JSON and the same errors (result-shaping.test.ts compares the two on valid answers,
 * nulls where the schema forbids them, wrong values and wrong `__typename`):
 * - fields in the operation's order, aliases, fragments whose type condition applies to the
 *   object's `__typename`, @skip/@include, introspection fields from `introspectionHandling`;
 * - a null (or an invalid value, reported as an error) in a non-null position makes the nearest
 *   nullable field or list element around it null, with one error naming where it started;
 * - a value that is not what the schema says (a list where none is, a non-object) is a fault of a
 *   subgraph, thrown as Apollo throws it.
 */

/** The arguments of @apollo/gateway's `computeResponse` (dist/resultShaping.js). */
export interface ComputeResponseArguments {
  operation: Operation;
  variables?: Record<string, unknown>;
  input: Record<string, unknown> | null | undefined;
  introspectionHandling: (selection: FieldSelection) => unknown;
}

export interface ComputedResponse {
  data: Record<string, unknown> | null | undefined;
  errors: GraphQLError[];
}

/** What a compiled value returns for a null in a non-null position: its parent must become null too. */
const BUBBLE = Symbol('null in a non-null position');

/** Shapes one value of a field (or list element) of the given type; `existing` is what an earlier selection of the same response name left. */
type ValueShaper = (existing: unknown, input: unknown, parentType: CompositeType) => unknown;
/** Shapes a selection set's fields of `input` into `output`; false when a non-null field of it came out null. */
type SelectionShaper = (input: Record<string, unknown>, output: Record<string, unknown>, parentType: CompositeType) => boolean;

const hasOwn = Object.prototype.hasOwnProperty;
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

function isComposite(type: NamedType | OutputType | undefined): type is CompositeType {
  return type !== undefined && (type.kind === 'ObjectType' || type.kind === 'InterfaceType' || type.kind === 'UnionType');
}

/** `object[name] = value` as an own property, also for an alias `__proto__` (which would otherwise set the prototype). */
function setOwn(object: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
  else object[name] = value;
}

/**
 * The operation compiled for the values of the variables its @skip/@include read (`conditions`), and
 * what the data of the execution being shaped gave rise to (errors, the path to the value being
 * shaped). Kept with its operation and used again by each later execution with the same conditions:
 * `run` starts each one afresh, and shaping is synchronous, so two executions never share one at once.
 */
class Shaping {
  errors: GraphQLError[] = [];
  /**
   * Errors reported, plus nulls that bubble without an error of their own (a `__typename` that
   * names no object type). A non-null position that comes out null reports an error only when this
   * did not grow while its value was shaped: one error per null, where it started.
   */
  problems = 0;
  readonly path: (string | number)[] = [];
  /** The variables @skip/@include read while compiling, with the values they had: what this compilation holds for. */
  readonly conditions = new Map<string, unknown>();
  /** The execution's own (it runs introspection with the execution's variables). */
  introspectionHandling: (selection: FieldSelection) => unknown = () => undefined;
  private readonly compiled = new Map<SelectionSet, SelectionShaper>();
  private readonly types = new Map<string, NamedType | undefined>();
  readonly schema: Schema;
  private readonly root: SelectionShaper;
  private readonly rootType: CompositeType;

  constructor(
    operation: Operation,
    private readonly variables: Record<string, unknown>,
  ) {
    this.schema = operation.schema();
    this.rootType = this.schema.schemaDefinition.rootType(operation.rootKind)!;
    this.root = this.selections(operation.selectionSet);
  }

  /** Whether this compilation holds for an execution with these variables (defaults applied). */
  holdsFor(variables: Record<string, unknown>): boolean {
    for (const [name, value] of this.conditions) if (variables[name] !== value) return false;
    return true;
  }

  /** Shapes one execution's input: its errors start empty, its path at the root. */
  run(input: Record<string, unknown>, introspectionHandling: (selection: FieldSelection) => unknown): ComputedResponse {
    this.errors = [];
    this.problems = 0;
    // An execution that threw (a subgraph's wrong answer) may have left its path behind.
    this.path.length = 0;
    this.introspectionHandling = introspectionHandling;
    const data: Record<string, unknown> = {};
    const complete = this.root(input, data, this.rootType);
    return { data: complete ? data : null, errors: this.errors };
  }

  typeNamed(name: string): NamedType | undefined {
    if (this.types.has(name)) return this.types.get(name);
    const type = this.schema.type(name);
    this.types.set(name, type);
    return type;
  }

  report(description: string, kind: 'null' | 'value' | 'typename'): void {
    const message =
      kind === 'null' ? `Cannot return null for non-nullable ${description}.` : kind === 'value' ? `Invalid value found for ${description}.` : `Invalid __typename found for object at ${description}.`;
    this.errors.push(ERRORS.INVALID_GRAPHQL.err(message, { path: [...this.path] }));
    this.problems++;
  }

  /** Where the value being shaped is, as the error messages name it. */
  describe(type: OutputType, parentType: CompositeType): string {
    const last = this.path[this.path.length - 1];
    return typeof last === 'string' ? `field ${parentType}.${last}` : `array element of type ${type} at index ${last}`;
  }

  selections(selectionSet: SelectionSet): SelectionShaper {
    let shaper = this.compiled.get(selectionSet);
    if (!shaper) {
      const members = selectionSet
        .selections()
        .filter((selection) => !this.skipped(selection))
        .map((selection) => this.member(selection));
      shaper = (input, output, parentType) => {
        for (let index = 0; index < members.length; index++) if (!members[index]!(input, output, parentType)) return false;
        return true;
      };
      this.compiled.set(selectionSet, shaper);
    }
    return shaper;
  }

  /** @skip and @include, decided once: the variables do not change within an execution. */
  private skipped(selection: Selection): boolean {
    const { element } = selection;
    if (element.appliedDirectives.length === 0) return false;
    const condition = (name: 'skip' | 'include'): boolean | undefined => {
      const directive = element.appliedDirectivesOf(name === 'skip' ? this.schema.skipDirective() : this.schema.includeDirective())[0];
      if (!directive) return undefined;
      const argument = (directive.arguments() as { if: boolean | Variable }).if;
      if (!(argument instanceof Variable)) return argument;
      const value = this.variables[argument.name];
      this.conditions.set(argument.name, value);
      if (typeof value !== 'boolean') throw new Error(`@${name}(if: $${argument.name}) needs a Boolean, the request gave ${String(value)}`);
      return value;
    };
    return condition('skip') === true || condition('include') === false;
  }

  private member(selection: Selection): SelectionShaper {
    if (selection.kind !== 'FieldSelection') return this.fragment(selection.element.typeCondition, this.selections(selection.selectionSet!));
    const field = selection.element;
    const responseName = field.responseName();
    if (field.definition.isSchemaIntrospectionField()) {
      return (_input, output) => {
        if (!hasOwn.call(output, responseName)) setOwn(output, responseName, this.introspectionHandling(selection as FieldSelection));
        return true;
      };
    }
    if (field.name === typenameFieldName) return this.typename(responseName);
    const value = this.value(field.definition.type!, selection.selectionSet ? this.selections(selection.selectionSet) : undefined);
    const { path } = this;
    return (input, output, parentType) => {
      const existing = hasOwn.call(output, responseName) ? output[responseName] : undefined;
      path.push(responseName);
      const shaped = value(existing, (hasOwn.call(input, responseName) ? input[responseName] : undefined) ?? null, parentType);
      path.pop();
      if (shaped === BUBBLE) {
        setOwn(output, responseName, null);
        return false;
      }
      setOwn(output, responseName, shaped);
      return true;
    };
  }

  /** `__typename` (or an alias of it): the object's own type name, where it is an object type. */
  private typename(responseName: string): SelectionShaper {
    return (input, output, parentType) => {
      if (hasOwn.call(output, responseName)) return true;
      let named = (hasOwn.call(input, responseName) ? input[responseName] : undefined) ?? null;
      // An alias the subgraph was not asked under: the object's __typename.
      if (named === null && responseName !== typenameFieldName) named = input[typenameFieldName] ?? null;
      const type = (typeof named === 'string' ? this.typeNamed(named) : undefined) ?? parentType;
      if (type.kind !== 'ObjectType') {
        // Apollo makes the object null without an error of its own.
        this.problems++;
        return false;
      }
      setOwn(output, responseName, type.name);
      return true;
    };
  }

  /** An inline fragment (spreads are inlined by then): its fields apply when the object's type is within its type condition. */
  private fragment(typeCondition: CompositeType | undefined, inner: SelectionShaper): SelectionShaper {
    if (!typeCondition) return inner;
    // Per `__typename` (or, for objects without one, per parent type): a handful of entries per execution.
    const applies = new Map<string | CompositeType, boolean>();
    return (input, output, parentType) => {
      const typename = input[typenameFieldName];
      if (typename && typeof typename !== 'string') throw new Error(`a subgraph answered __typename ${JSON.stringify(typename)}, not a type name`);
      const key = (typename as string | undefined) || parentType;
      let applying = applies.get(key);
      if (applying === undefined) {
        const runtimeType = typeof key === 'string' ? this.typeNamed(key) : key;
        applying = runtimeType !== undefined && isSubtype(typeCondition, runtimeType as OutputType);
        applies.set(key, applying);
      }
      return !applying || inner(input, output, typeCondition);
    };
  }

  private value(type: OutputType, selections: SelectionShaper | undefined): ValueShaper {
    const shaper = this.valueOfKind(type, selections);
    // A value an earlier selection of the same response name finished (a leaf, or null) stays as it is.
    return (existing, input, parentType) => (existing === null || (existing !== undefined && !selections) ? existing : shaper(existing, input, parentType));
  }

  private valueOfKind(type: OutputType, selections: SelectionShaper | undefined): ValueShaper {
    switch (type.kind) {
      case 'NonNullType': {
        const inner = this.value(type.ofType, selections);
        return (existing, input, parentType) => {
          const before = this.problems;
          const shaped = inner(existing, input, parentType);
          if (shaped !== null) return shaped;
          if (this.problems === before) this.report(this.describe(type.ofType, parentType), 'null');
          return BUBBLE;
        };
      }
      case 'ListType': {
        const element = this.value(type.ofType, selections);
        const { path } = this;
        return (existing, input, parentType) => {
          if (input === null) return null;
          if (!Array.isArray(input)) throw new Error(`a subgraph answered ${JSON.stringify(input)} where the list ${type} belongs`);
          if (existing !== undefined && (!Array.isArray(existing) || existing.length !== input.length)) throw new Error(`two fetches answered lists of different lengths for ${type}`);
          const shaped = new Array<unknown>(input.length);
          let bubbles = false;
          for (let index = 0; index < input.length; index++) {
            path.push(index);
            const item = element(existing?.[index], input[index], parentType);
            path.pop();
            if (item === BUBBLE) {
              bubbles = true;
              shaped[index] = null;
            } else shaped[index] = item;
          }
          // An element that may not be null and is: the whole list is null (after every element has reported).
          return bubbles ? null : shaped;
        };
      }
      case 'ObjectType':
      case 'InterfaceType':
      case 'UnionType': {
        if (!selections) throw new Error(`the operation selects no fields of ${type}`);
        return (existing, input, parentType) => {
          if (input === null) return null;
          if (typeof input !== 'object') throw new Error(`a subgraph answered ${JSON.stringify(input)} where an object of ${type} belongs`);
          const object = input as Record<string, unknown>;
          const typename = object[typenameFieldName];
          if (typename !== undefined && typeof typename !== 'string') throw new Error(`a subgraph answered __typename ${JSON.stringify(typename)}, not a type name`);
          let runtimeType: CompositeType = type;
          if (typename) {
            const named = this.typeNamed(typename);
            if (!isComposite(named)) {
              this.report(this.describe(type, parentType), 'typename');
              return null;
            }
            runtimeType = named;
          }
          // A plain object, not one without a prototype as Apollo makes: V8 keeps those as dictionaries,
          // slower to build and to serialise. Fields are written as own properties only (`setOwn`).
          const output = (existing ?? {}) as Record<string, unknown>;
          return selections(object, output, runtimeType) ? output : null;
        };
      }
      default: {
        const valid = this.leafCheck(type);
        return (existing, input, parentType) => {
          if (input === null) return null;
          if (existing !== undefined) throw new Error(`two fetches answered the leaf ${type} at ${this.path.join('.')}`);
          if (valid(input)) return input;
          this.report(this.describe(type, parentType), 'value');
          return null;
        };
      }
    }
  }

  /** Whether a subgraph's value fits the leaf type: the built-in scalars and enums are checked, custom scalars pass as they are. */
  private leafCheck(type: OutputType): (value: unknown) => boolean {
    const { schema } = this;
    if (type.kind === 'EnumType') return (value) => typeof value === 'string' && type.value(value) !== undefined;
    if (type === schema.booleanType()) return (value) => typeof value === 'boolean';
    if (type === schema.intType()) return (value) => typeof value === 'number' && Number.isFinite(value) && INTEGER.test(String(value));
    if (type === schema.floatType()) return (value) => typeof value === 'number' && Number.isFinite(value);
    if (type === schema.idType()) return (value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value) && INTEGER.test(String(value)));
    if (type === schema.stringType()) return (value) => typeof value === 'string';
    return () => true;
  }
}

/** Shapes one execution's answer; called by @apollo/gateway's `executeQueryPlan` once `useLeanResultShaping` has run. */
export function computeResponse({ operation, variables, input, introspectionHandling }: ComputeResponseArguments): ComputedResponse {
  if (!input) return { data: input, errors: [] };
  return shapingFor(operation, variables ?? {}).run(input, introspectionHandling);
}

/**
 * Most compilations kept per operation: one per combination of @skip/@include values met, which an
 * operation has a handful of at most; past it, a further one is compiled per execution.
 */
const MAX_SHAPINGS_PER_OPERATION = 8;

/** Each operation's compilations (the operations themselves are kept per document: `useKeptOperations`). */
const shapingsOf = new WeakMap<Operation, Shaping[]>();

function shapingFor(operation: Operation, variables: Record<string, unknown>): Shaping {
  let kept = shapingsOf.get(operation);
  if (!kept) shapingsOf.set(operation, (kept = []));
  // Most operations have no @skip/@include: their one compilation holds for any variables.
  if (kept.length === 1 && kept[0]!.conditions.size === 0) return kept[0]!;
  const values = { ...operation.collectDefaultedVariableValues(), ...variables };
  const found = kept.find((shaping) => shaping.holdsFor(values));
  if (found) return found;
  const shaping = new Shaping(operation, values);
  if (kept.length < MAX_SHAPINGS_PER_OPERATION) kept.push(shaping);
  return shaping;
}

/** @apollo/gateway's own `computeResponse`, once `useLeanResultShaping` has replaced it. */
let apollos: ((args: ComputeResponseArguments) => ComputedResponse) | undefined;

function resultShapingModule(): { computeResponse?: unknown } {
  const require = createRequire(import.meta.url);
  return require(join(dirname(require.resolve('@apollo/gateway')), 'resultShaping.js')) as { computeResponse?: unknown };
}

/**
 * Puts `computeResponse` above in the place of @apollo/gateway's own: its `executeQueryPlan` calls
 * the function through the module's exports (`resultShaping_1.computeResponse`) on every execution,
 * so replacing that export is enough; nothing else in @apollo/gateway changes. Throws when the
 * installed @apollo/gateway no longer has that module (an upgrade): result-shaping.test.ts then fails
 * before the gateway would run without it unnoticed.
 */
export function useLeanResultShaping(): void {
  useKeptOperations();
  const module = resultShapingModule();
  if (module.computeResponse === computeResponse) return;
  if (typeof module.computeResponse !== 'function') throw new Error('@apollo/gateway has no dist/resultShaping.js computeResponse: see gateway/src/result-shaping.ts');
  apollos = module.computeResponse as typeof apollos;
  module.computeResponse = computeResponse;
}

type OperationFromDocument = (schema: Schema, document: DocumentNode, options?: { operationName?: string; validate?: boolean }) => Operation;

/** The federation-internals module whose `operationFromDocument` @apollo/gateway calls (through its index's getter). */
function operationsModule(): { operationFromDocument?: unknown } {
  const require = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));
  return require(join(dirname(require.resolve('@apollo/federation-internals')), 'operations.js')) as { operationFromDocument?: unknown };
}

/** The operation built of each operation definition, per API schema, with the definitions it was built of. */
const keptOperations = new WeakMap<Schema, WeakMap<DefinitionNode, { readonly definitions: readonly DefinitionNode[]; readonly operation: Operation }>>();

/**
 * `executeQueryPlan` builds the federation form of the operation (`operationFromDocument`) on every
 * execution, for the result shaping alone: a walk over the whole document that allocates a tree of
 * objects per request (3.5 % of the gateway thread's CPU for the resident view). It is built of the
 * API schema and the operation's and fragments' nodes, which Apollo Server's document store hands
 * every request of one document (and the authorization filter one filtered document per set of
 * rights), and nothing changes it once built: so it is built once per schema and nodes, and the
 * compiled shaping kept with it (`shapingFor`) is found again. Only that call (`validate: false`,
 * no operation name) is kept; every other caller builds its own as before.
 */
function useKeptOperations(): void {
  const module = operationsModule();
  if (typeof module.operationFromDocument !== 'function') throw new Error('@apollo/federation-internals has no dist/operations.js operationFromDocument: see gateway/src/result-shaping.ts');
  if (keptBuilders.has(module.operationFromDocument)) return;
  const build = module.operationFromDocument as OperationFromDocument;
  const kept: OperationFromDocument = (schema, document, options) => {
    const [first] = document.definitions;
    if (options?.validate !== false || options.operationName !== undefined || first?.kind !== Kind.OPERATION_DEFINITION) return build(schema, document, options);
    let bySchema = keptOperations.get(schema);
    if (!bySchema) keptOperations.set(schema, (bySchema = new WeakMap()));
    const known = bySchema.get(first);
    if (known && sameNodes(known.definitions, document.definitions)) return known.operation;
    const operation = build(schema, document, options);
    bySchema.set(first, { definitions: [...document.definitions], operation });
    return operation;
  };
  keptBuilders.add(kept);
  module.operationFromDocument = kept;
}

const keptBuilders = new WeakSet<object>();

function sameNodes(a: readonly DefinitionNode[], b: readonly DefinitionNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** @apollo/gateway's own result shaping, whether or not it has been replaced (for the tests that compare). */
export function apolloComputeResponse(): (args: ComputeResponseArguments) => ComputedResponse {
  return apollos ?? (resultShapingModule().computeResponse as (args: ComputeResponseArguments) => ComputedResponse);
}

/** Whether @apollo/gateway executes with `computeResponse` above. */
export function leanResultShapingInUse(): boolean {
  return resultShapingModule().computeResponse === computeResponse;
}
