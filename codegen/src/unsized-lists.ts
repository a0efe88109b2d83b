import { Kind, parse, type TypeNode } from 'graphql';

/**
 * List fields of a supergraph whose length nothing bounds: no paging (a `first` argument, or
 * `items` of a `...Page` type) and no `@listSize` (issue 11, item 1). The gateway's cost estimate
 * takes each list's length from one of these; a list with neither would be guessed, and a guess
 * bounds neither work nor response size. Fields hidden from clients (`@inaccessible`) are never
 * asked by one and are left out. Returns `Type.field` coordinates.
 */
export function unsizedLists(supergraphSdl: string): string[] {
  const unsized: string[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeName = definition.name.value;
    if (typeName.startsWith('join__') || typeName.startsWith('link__')) continue;
    for (const field of definition.fields ?? []) {
      if (!isList(field.type)) continue;
      const directives = new Set(field.directives?.map((directive) => directive.name.value));
      if (directives.has('inaccessible')) continue;
      const paged = field.arguments?.some((argument) => argument.name.value === 'first') || (field.name.value === 'items' && typeName.endsWith('Page'));
      const sized = [...directives].some((name) => name === 'listSize' || name.endsWith('__listSize'));
      if (!paged && !sized) unsized.push(`${typeName}.${field.name.value}`);
    }
  }
  return unsized;
}

function isList(type: TypeNode): boolean {
  return type.kind === Kind.LIST_TYPE || (type.kind === Kind.NON_NULL_TYPE && type.type.kind === Kind.LIST_TYPE);
}
