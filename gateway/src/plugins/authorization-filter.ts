import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { FieldInfo, SupergraphAuthorization } from './authorization-requirements.js';

/** Why a field is refused: `Inwoner.bsn` and the error code and reason to report. */
export interface Refusal {
  readonly coordinate: string;
  readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  readonly reason: string;
}

/** A refused field at its place in the response: response keys, `'@'` for each list level. */
export interface RefusedField extends Refusal {
  readonly path: readonly string[];
}

/** Decides one field (`Type.field`); `undefined` means the caller may see it. */
export type Decide = (coordinate: string, field: FieldInfo) => Refusal | undefined;

export interface FilteredOperation {
  /** The document without the refused fields; the original when nothing was refused. */
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  /** Each refused field once per response position. */
  readonly refused: readonly RefusedField[];
  /** Whether anything but `__typename` is left at the root (else no subgraph need be called). */
  readonly fetches: boolean;
}

/**
 * Key of the `__typename` put into a selection that lost all its fields: a selection set may not
 * be empty. It is taken out of the response again by `fillRefused`.
 */
export const PLACEHOLDER_KEY = 'sociaalGraphGeenToegang';

/**
 * Most field positions (a field at one place in the response) checked in one operation. Far above
 * any operation the cost limit lets through (100000 counts list items; positions do not).
 */
export const MAX_FIELD_POSITIONS = 20_000;

/** An operation with more field positions than can be checked: refused like an over-costly one. */
export class OperationTooLargeError extends GraphQLError {
  constructor(limiet: number) {
    super(`De operatie heeft meer dan ${limiet} veldposities; maak haar kleiner.`, {
      extensions: { code: 'QUERY_TOO_COSTLY', sociaalGraph: { limiet } },
    });
  }
}

/**
 * Takes every field the caller may not see out of the operation (fragments and inline fragments
 * included), so that the query planner never asks a subgraph for it. Requirements depend on the
 * field alone, so a fragment is filtered once, wherever it is spread.
 */
export function filterOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  authorization: SupergraphAuthorization,
  decide: Decide,
  maxPositions = MAX_FIELD_POSITIONS,
): FilteredOperation {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const decisions = new Map<string, Refusal | undefined>();
  const refusalOf = (parent: string, name: string): { info?: FieldInfo; refusal?: Refusal } => {
    const coordinate = `${parent}.${name}`;
    const info = authorization.fields.get(coordinate);
    // `__typename`, introspection and unknown fields: nothing to enforce here.
    if (!info || info.requirements.length === 0) return { info };
    if (!decisions.has(coordinate)) decisions.set(coordinate, decide(coordinate, info));
    return { info, refusal: decisions.get(coordinate) };
  };

  // 1. Where in the response each refused field sits (fragments expanded). A fragment spread again
  // at the same place adds nothing: walk it once per place, or fragments that spread each other
  // twice per level would take 2^levels steps before the operation limits could refuse them. Past
  // `maxPositions` field positions the operation is refused as too large to check.
  const refused = new Map<string, RefusedField>();
  const root = authorization.roots[operation.operation];
  const walkedFragments = new Set<string>();
  let positions = 0;
  const walk = (selectionSet: SelectionSetNode, parent: string, path: readonly string[], seen: ReadonlySet<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition?.name.value ?? parent, path, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const place = `${selection.name.value} ${parent} ${path.join('.')}`;
        if (fragment && !seen.has(fragment.name.value) && !walkedFragments.has(place)) {
          walkedFragments.add(place);
          walk(fragment.selectionSet, fragment.typeCondition.name.value, path, new Set([...seen, fragment.name.value]));
        }
      } else {
        if (++positions > maxPositions) throw new OperationTooLargeError(maxPositions);
        const key = selection.alias?.value ?? selection.name.value;
        const { info, refusal } = refusalOf(parent, selection.name.value);
        const fieldPath = [...path, key];
        if (refusal) refused.set(fieldPath.join('.'), { ...refusal, path: fieldPath });
        else if (info && selection.selectionSet) {
          walk(selection.selectionSet, info.type, [...fieldPath, ...Array<string>(info.listDepth).fill('@')], seen);
        }
      }
    }
  };
  walk(operation.selectionSet, root, [], new Set());
  if (refused.size === 0) return { document, operation, refused: [], fetches: true };

  // 2. The document without them.
  const filterSet = (selectionSet: SelectionSetNode, parent: string): SelectionSetNode => {
    const selections: SelectionNode[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) selections.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition?.name.value ?? parent;
        selections.push({ ...selection, selectionSet: filterSet(selection.selectionSet, type) });
      } else {
        const { info, refusal } = refusalOf(parent, selection.name.value);
        if (refusal) continue;
        selections.push(info && selection.selectionSet ? { ...selection, selectionSet: filterSet(selection.selectionSet, info.type) } : selection);
      }
    }
    return { ...selectionSet, selections: selections.length > 0 ? selections : [placeholder()] };
  };
  const filtered = { ...operation, selectionSet: filterSet(operation.selectionSet, root) };
  const definitions = document.definitions.map((definition) => {
    if (definition === operation) return filtered;
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) return definition;
    return { ...definition, selectionSet: filterSet(definition.selectionSet, definition.typeCondition.name.value) };
  });
  const filteredFragments = new Map(
    definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])),
  );
  return {
    document: { ...document, definitions },
    operation: filtered,
    refused: [...refused.values()],
    fetches: fetchesAnything(filtered.selectionSet, filteredFragments, new Set()),
  };
}

/**
 * Puts `null` at every refused field in `data` (at each element under a list; nowhere when the
 * parent is null) and takes out the placeholders `filterOperation` added. Mutates `data`.
 */
export function fillRefused(data: Record<string, unknown>, refused: readonly RefusedField[]): void {
  for (const { path } of refused) put(data, path, 0);
}

function put(value: unknown, path: readonly string[], index: number): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const element of value) put(element, path, path[index] === '@' ? index + 1 : index);
    return;
  }
  if (path[index] === '@') return put(value, path, index + 1);
  const object = value as Record<string, unknown>;
  if (index === path.length - 1) {
    delete object[PLACEHOLDER_KEY];
    object[path[index]] = null;
  } else {
    put(object[path[index]], path, index + 1);
  }
}

function placeholder(): FieldNode {
  return {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: PLACEHOLDER_KEY },
    name: { kind: Kind.NAME, value: '__typename' },
  };
}

function fetchesAnything(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen: Set<string>): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value !== '__typename';
    if (selection.kind === Kind.INLINE_FRAGMENT) return fetchesAnything(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return false;
    seen.add(fragment.name.value);
    return fetchesAnything(fragment.selectionSet, fragments, seen);
  });
}
