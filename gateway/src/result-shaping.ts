import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  assert, type CompositeType, type Directive, ERRORS, type FieldSelection, isObjectType, isSubtype, type NamedType, type Operation, type OutputType, type Schema, type Selection,
  type SelectionSet, typenameFieldName, Variable,
} from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';

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

/** What a selection needs on every object it is applied to, worked out once per execution. */
type Step =
  | {
      readonly kind: 'field';
      readonly selection: Selection;
      /** Undefined until first reached: @skip/@include evaluated with this execution's variables. */
      skipped: boolean | undefined;
      readonly responseName: string;
      readonly type: OutputType;
      readonly introspection: boolean;
      readonly typename: boolean;
      readonly selectionSet: SelectionSet | undefined;
    }
  | {
      readonly kind: 'fragment';
      readonly selection: Selection;
      skipped: boolean | undefined;
      readonly typeCondition: CompositeType | undefined;
      readonly selectionSet: SelectionSet;
      /** Whether the type condition applies, per `__typename` of the object (or its parent type when it has none). */
      readonly applies: Map<string | CompositeType, boolean>;
    };

interface Parameters {
  readonly schema: Schema;
  readonly variables: Record<string, unknown>;
  readonly errors: GraphQLError[];
  readonly introspectionHandling: (selection: FieldSelection) => unknown;
  readonly steps: Map<SelectionSet, Step[]>;
  /** The schema's built-in scalars, looked up once (`validLeafValue`). */
  readonly builtIn: { readonly boolean: NamedType; readonly int: NamedType; readonly id: NamedType; readonly float: NamedType };
  /** What the last `updateOutputValue` found besides its value (Apollo returns a new object per value for these). */
  isInvalid: boolean;
  hasErrors: boolean;
}

const OK = 0;
const NULL_BUBBLE_UP = 1;
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * @apollo/gateway's result shaping (`computeResponse`, dist/resultShaping.js of 2.14): the answer
 * built from what the subgraphs returned, following the client's operation (aliases, fragments,
 * @skip/@include, `__typename`, nulls bubbling up to the nearest nullable field, invalid values
 * turned into errors). The same algorithm, line for line, with changes that keep every answer and
 * error as it was:
 * - what Apollo's version works out again for every field of every object (the @skip/@include
 *   directives, found by filtering the element's directives twice; the response name, the field's
 *   type, whether it is an introspection field; whether a fragment's type condition applies) is
 *   worked out once per selection and execution;
 * - the flags of each value go back through `parameters` instead of a new object per value; the
 *   built-in scalar types of the leaf check are looked up once;
 * - the answer's objects are plain objects, not objects without a prototype (see `updateOutputValue`).
 * Apollo's version took about six times as long as serialising the answer (benchmark shape, 88 KB)
 * and was the larger part of the gateway's own work on a large answer (docs/demand-control.md).
 * result-shaping.test.ts compares both on answers, nulls and errors.
 */
export function computeResponse({ operation, variables, input, introspectionHandling }: ComputeResponseArguments): ComputedResponse {
  if (!input) return { data: input, errors: [] };
  const schema = operation.schema();
  const parameters: Parameters = {
    schema,
    variables: { __proto__: null, ...operation.collectDefaultedVariableValues(), ...variables } as Record<string, unknown>,
    errors: [],
    introspectionHandling,
    steps: new Map(),
    builtIn: { boolean: schema.booleanType(), int: schema.intType(), id: schema.idType(), float: schema.floatType() },
    isInvalid: false,
    hasErrors: false,
  };
  const data = Object.create(null) as Record<string, unknown>;
  const result = applySelectionSet(input, operation.selectionSet, data, parameters, [], schema.schemaDefinition.rootType(operation.rootKind)!);
  return { data: result === NULL_BUBBLE_UP ? null : data, errors: parameters.errors };
}

function stepsOf(selectionSet: SelectionSet, parameters: Parameters): Step[] {
  let steps = parameters.steps.get(selectionSet);
  if (steps) return steps;
  steps = selectionSet.selections().map((selection): Step => {
    if (selection.kind === 'FieldSelection') {
      const field = selection.element;
      return {
        kind: 'field',
        selection,
        skipped: undefined,
        responseName: field.responseName(),
        type: field.definition.type!,
        introspection: field.definition.isSchemaIntrospectionField(),
        typename: field.name === typenameFieldName,
        selectionSet: selection.selectionSet,
      };
    }
    return { kind: 'fragment', selection, skipped: undefined, typeCondition: selection.element.typeCondition, selectionSet: selection.selectionSet, applies: new Map() };
  });
  parameters.steps.set(selectionSet, steps);
  return steps;
}

function shouldSkip(selection: Selection, parameters: Parameters): boolean {
  const { element } = selection;
  if (element.appliedDirectives.length === 0) return false;
  const skipDirective = element.appliedDirectivesOf(parameters.schema.skipDirective())[0];
  const includeDirective = element.appliedDirectivesOf(parameters.schema.includeDirective())[0];
  return !!((skipDirective && ifValue(skipDirective, parameters.variables)) || (includeDirective && !ifValue(includeDirective, parameters.variables)));
}

function ifValue(directive: Directive<any, { if: boolean | Variable }>, variables: Record<string, unknown>): boolean {
  const ifArg = directive.arguments().if;
  if (ifArg instanceof Variable) {
    const value = variables[ifArg.name];
    assert(value !== undefined && typeof value === 'boolean', () => `Unexpected value ${value} for variable ${ifArg} of ${directive}`);
    return value as boolean;
  }
  return ifArg as boolean;
}

function typeConditionApplies(schema: Schema, typeCondition: CompositeType | undefined, typename: string | undefined, parentType: CompositeType): boolean {
  if (!typeCondition) return true;
  if (typename) {
    const type = schema.type(typename);
    return !!type && isSubtype(typeCondition, type as OutputType);
  }
  return isSubtype(typeCondition, parentType);
}

function applySelectionSet(
  input: Record<string, unknown>,
  selectionSet: SelectionSet,
  output: Record<string, unknown>,
  parameters: Parameters,
  path: (string | number)[],
  parentType: CompositeType,
): number {
  for (const step of stepsOf(selectionSet, parameters)) {
    if (step.skipped === undefined) step.skipped = shouldSkip(step.selection, parameters);
    if (step.skipped) continue;
    if (step.kind === 'field') {
      const { responseName } = step;
      // Own properties only: the answer's objects have Object's prototype (see `updateOutputValue`).
      const outputValue = hasOwn.call(output, responseName) ? output[responseName] : undefined;
      if (step.introspection) {
        if (outputValue === undefined) setOwn(output, responseName, parameters.introspectionHandling(step.selection as FieldSelection));
        continue;
      }
      let inputValue = (hasOwn.call(input, responseName) ? input[responseName] : undefined) ?? null;
      if (step.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
          const type = inputValue !== null && typeof inputValue === 'string' ? (parameters.schema.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          setOwn(output, responseName, type.name);
        }
        continue;
      }
      path.push(responseName);
      const updated = updateOutputValue(outputValue, step.type, inputValue, step.selectionSet, path, parameters, parentType);
      setOwn(output, responseName, updated);
      path.pop();
      if (parameters.isInvalid) return NULL_BUBBLE_UP;
    } else {
      const typename = input[typenameFieldName];
      assert(!typename || typeof typename === 'string', () => `Got unexpected value for __typename: ${typename}`);
      const of = (typename as string | undefined) || parentType;
      let applies = step.applies.get(of);
      if (applies === undefined) step.applies.set(of, (applies = typeConditionApplies(parameters.schema, step.typeCondition, typename as string | undefined, parentType)));
      if (applies) {
        const result = applySelectionSet(input, step.selectionSet, output, parameters, path, step.typeCondition ?? parentType);
        if (result === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function pathLastElementDescription(path: readonly (string | number)[], currentType: OutputType, parentType: CompositeType): string {
  const element = path[path.length - 1];
  assert(element !== undefined, 'Should not have been called on an empty path');
  return typeof element === 'string' ? `field ${parentType}.${element}` : `array element of type ${currentType} at index ${element}`;
}

/** Returns the value; `parameters.isInvalid` and `parameters.hasErrors` say what Apollo's version returns beside it. */
function updateOutputValue(
  outputValue: unknown,
  type: OutputType,
  inputValue: unknown,
  selectionSet: SelectionSet | undefined,
  path: (string | number)[],
  parameters: Parameters,
  parentType: CompositeType,
): unknown {
  if (inputValue === undefined) assert(false, 'Should not pass undefined for `inputValue` to this method');
  if (outputValue === null || (outputValue !== undefined && !selectionSet)) return done(parameters, outputValue, false, false);
  // The kind tests of isNonNullType, isListType and isCompositeType, written out: this runs for every value of the answer.
  const { kind } = type;
  if (kind === 'NonNullType') {
    const updated = updateOutputValue(outputValue, type.ofType, inputValue, selectionSet, path, parameters, parentType);
    if (updated === null) {
      if (!parameters.hasErrors) {
        parameters.errors.push(ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${pathLastElementDescription(path, type.ofType, parentType)}.`, { path: Array.from(path) }));
      }
      return done(parameters, updated, true, true);
    }
    return done(parameters, updated, false, false);
  }
  if (inputValue === null) return done(parameters, null, false, false);
  if (kind === 'ListType') {
    if (!Array.isArray(inputValue)) assert(false, () => `Invalid non-list value ${inputValue} returned by subgraph for list type ${type}`);
    if (!(outputValue === undefined || Array.isArray(outputValue))) assert(false, () => `Invalid non-list value ${outputValue} returned by subgraph for list type ${type}`);
    const inputList = inputValue as unknown[];
    const outputList = outputValue as unknown[] | undefined;
    if (outputList !== undefined && inputList.length !== outputList.length) {
      assert(false, () => `[${inputList}].length (${inputList.length}) !== [${outputList}].length (${outputList.length})`);
    }
    let shouldNullify = false;
    let hasErrors = false;
    const updated = new Array<unknown>(inputList.length);
    for (let index = 0; index < inputList.length; index++) {
      path.push(index);
      updated[index] = updateOutputValue(outputList?.[index], type.ofType, inputList[index], selectionSet, path, parameters, parentType);
      path.pop();
      shouldNullify ||= parameters.isInvalid;
      hasErrors ||= parameters.hasErrors;
    }
    return done(parameters, shouldNullify ? null : updated, false, hasErrors);
  }
  if (kind === 'ObjectType' || kind === 'InterfaceType' || kind === 'UnionType') {
    if (!selectionSet) assert(false, () => `Invalid empty selection set for composite type ${type}`);
    if (typeof inputValue !== 'object') assert(false, () => `Invalid non-object value ${inputValue} returned by subgraph for composite type ${type}`);
    if (!(outputValue === undefined || typeof outputValue === 'object')) assert(false, () => `Invalid non-object value ${inputValue} returned by subgraph for composite type ${type}`);
    const inputObject = inputValue as Record<string, unknown>;
    const inputTypename = inputObject[typenameFieldName];
    if (!(inputTypename === undefined || typeof inputTypename === 'string')) assert(false, () => `Invalid non-string value ${inputTypename} for __typename at ${path}`);
    let objectType: CompositeType = type;
    if (inputTypename) {
      const typenameType = parameters.schema.type(inputTypename as string);
      if (!typenameType || !(typenameType.kind === 'ObjectType' || typenameType.kind === 'InterfaceType' || typenameType.kind === 'UnionType')) {
        parameters.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${pathLastElementDescription(path, type, parentType)}.`, { path: Array.from(path) }));
        return done(parameters, null, false, true);
      }
      objectType = typenameType;
    }
    // A plain object where Apollo makes one without a prototype (Object.create(null)), which V8 keeps
    // as a dictionary: building and serialising the answer's objects took about twice as long. Fields
    // are read and written as own properties only (`setOwn`), so no name (`__proto__`, `constructor`)
    // reaches the prototype.
    const outputObject = (outputValue === undefined ? {} : outputValue) as Record<string, unknown>;
    const result = applySelectionSet(inputObject, selectionSet!, outputObject, parameters, path, objectType);
    const hasErrors = result === NULL_BUBBLE_UP;
    return done(parameters, hasErrors ? null : outputObject, false, hasErrors);
  }
  if (outputValue !== undefined) assert(false, () => `Excepted output to be undefined but got ${type} for type ${type}`);
  const isValidValue = validLeafValue(parameters, inputValue, type);
  if (!isValidValue) {
    parameters.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${pathLastElementDescription(path, type, parentType)}.`, { path: Array.from(path) }));
  }
  return done(parameters, isValidValue ? inputValue : null, false, !isValidValue);
}

/** `object[name] = value` as an own property, also for `__proto__` (which would set the prototype). */
function setOwn(object: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
  else object[name] = value;
}

const BUILT_IN_SCALARS = new Set(['Int', 'Float', 'String', 'Boolean', 'ID']);
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/**
 * federation-internals' `isValidLeafValue` (values.js), with the built-in scalar types taken from
 * `parameters` instead of looked up in the schema for every value.
 */
function validLeafValue(parameters: Parameters, value: unknown, type: OutputType): boolean {
  const { builtIn } = parameters;
  if (type.kind === 'ScalarType' && !BUILT_IN_SCALARS.has(type.name)) return true;
  if (typeof value === 'boolean') return type === builtIn.boolean;
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (type === builtIn.int || type === builtIn.id) return INTEGER.test(String(value));
    return type === builtIn.float;
  }
  if (typeof value === 'string') {
    if (type.kind === 'EnumType') return type.value(value) !== undefined;
    return type !== builtIn.boolean && type !== builtIn.int && type !== builtIn.float;
  }
  return false;
}

function done(parameters: Parameters, value: unknown, isInvalid: boolean, hasErrors: boolean): unknown {
  parameters.isInvalid = isInvalid;
  parameters.hasErrors = hasErrors;
  return value;
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
