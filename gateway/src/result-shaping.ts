import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  type CompositeType, ERRORS, type FieldSelection, isSubtype, type NamedType, type Operation, type OutputType, type Schema, type Selection, type SelectionSet,
  typenameFieldName, Variable,
} from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';

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

/** One execution: the operation compiled for its variables, and what the data gave rise to (errors, the path to the value being shaped). */
class Shaping {
  readonly errors: GraphQLError[] = [];
  /**
   * Errors reported, plus nulls that bubble without an error of their own (a `__typename` that
   * names no object type). A non-null position that comes out null reports an error only when this
   * did not grow while its value was shaped: one error per null, where it started.
   */
  problems = 0;
  readonly path: (string | number)[] = [];
  private readonly compiled = new Map<SelectionSet, SelectionShaper>();
  private readonly types = new Map<string, NamedType | undefined>();

  constructor(
    readonly schema: Schema,
    private readonly variables: Record<string, unknown>,
    private readonly introspectionHandling: (selection: FieldSelection) => unknown,
  ) {}

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
  const schema = operation.schema();
  const shaping = new Shaping(schema, { ...operation.collectDefaultedVariableValues(), ...variables }, introspectionHandling);
  const data: Record<string, unknown> = {};
  const complete = shaping.selections(operation.selectionSet)(input, data, schema.schemaDefinition.rootType(operation.rootKind)!);
  return { data: complete ? data : null, errors: shaping.errors };
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
  const module = resultShapingModule();
  if (module.computeResponse === computeResponse) return;
  if (typeof module.computeResponse !== 'function') throw new Error('@apollo/gateway has no dist/resultShaping.js computeResponse: see gateway/src/result-shaping.ts');
  apollos = module.computeResponse as typeof apollos;
  module.computeResponse = computeResponse;
}

/** @apollo/gateway's own result shaping, whether or not it has been replaced (for the tests that compare). */
export function apolloComputeResponse(): (args: ComputeResponseArguments) => ComputedResponse {
  return apollos ?? (resultShapingModule().computeResponse as (args: ComputeResponseArguments) => ComputedResponse);
}

/** Whether @apollo/gateway executes with `computeResponse` above. */
export function leanResultShapingInUse(): boolean {
  return resultShapingModule().computeResponse === computeResponse;
}
