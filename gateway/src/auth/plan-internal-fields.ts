import { type DocumentNode, type FragmentDefinitionNode, Kind, parse, type SelectionSetNode, type TypeNode } from 'graphql';

/**
 * The fields of the supergraph that no client can select (`@inaccessible`) and that a fetch of the
 * gateway's query plan holds ("StapelingKosten.leden"). The gateway validates every client
 * operation against the API schema, where these fields do not exist, so any of them in a fetch
 * document was put there by its own query planner; the caller assertion of that fetch names them,
 * and a subgraph resolves such a field only when it is named (issue 9 item 3).
 */
export type PlanInternalFields = (query: string) => readonly string[];

/** Fetch documents repeat (the planner caches plans), so their answer is kept; bounded. */
const MAX_CACHED = 2_000;

/** Reads the supergraph once; the function it returns parses each distinct fetch document once. */
export function planInternalFields(supergraphSdl: string): PlanInternalFields {
  const { inaccessible, fieldTypes } = readSupergraph(parse(supergraphSdl, { noLocation: true }));
  const cache = new Map<string, readonly string[]>();
  if (inaccessible.size === 0) return () => [];
  return (query) => {
    let fields = cache.get(query);
    if (!fields) {
      fields = internalFieldsOf(parse(query, { noLocation: true }), inaccessible, fieldTypes);
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
      cache.set(query, fields);
    }
    return fields;
  };
}

function readSupergraph(document: DocumentNode): { inaccessible: Set<string>; fieldTypes: Map<string, string> } {
  const inaccessible = new Set<string>();
  const fieldTypes = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      const key = `${definition.name.value}.${field.name.value}`;
      fieldTypes.set(key, namedType(field.type));
      if (field.directives?.some((directive) => directive.name.value === 'inaccessible')) inaccessible.add(key);
    }
  }
  return { inaccessible, fieldTypes };
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

function internalFieldsOf(document: DocumentNode, inaccessible: ReadonlySet<string>, fieldTypes: ReadonlyMap<string, string>): readonly string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const found = new Set<string>();
  const seenFragments = new Set<string>();
  const walk = (selectionSet: SelectionSetNode, parent: string | undefined): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = parent ? `${parent}.${selection.name.value}` : undefined;
        if (key && inaccessible.has(key)) found.add(key);
        // `_entities` is not in the supergraph: its inline fragments name the type.
        if (selection.selectionSet) walk(selection.selectionSet, key ? fieldTypes.get(key) : undefined);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition?.name.value ?? parent);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seenFragments.has(fragment.name.value)) {
          seenFragments.add(fragment.name.value);
          walk(fragment.selectionSet, fragment.typeCondition.name.value);
        }
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    walk(definition.selectionSet, definition.operation === 'query' ? 'Query' : definition.operation === 'mutation' ? 'Mutation' : 'Subscription');
  }
  return [...found].sort();
}
