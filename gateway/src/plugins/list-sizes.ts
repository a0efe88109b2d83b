import { Kind, parse, valueFromASTUntyped } from 'graphql';

/** How long a list field can be, from its `@listSize` in the supergraph (cost specification). */
export interface ListSize {
  /** `assumedSize`: the most items the list holds (per asked gemeente in an answer over gemeenten). */
  assumedSize?: number;
  /** `slicingArguments`: Int arguments whose value is the most items (`first`, `aantal`). */
  slicingArguments?: readonly string[];
}

/**
 * Every `@listSize` of the supergraph by coordinate (`Gemeente.arrangementen`). Read from the
 * SDL once at start: the directive composes into the supergraph (`@link` of
 * `https://specs.apollo.dev/cost/v0.1`), but the API schema the plugins see has no directives.
 */
export function listSizesOf(supergraphSdl: string): ReadonlyMap<string, ListSize> {
  const sizes = new Map<string, ListSize>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      // The cost spec may be imported under its own name or a prefix (`@cost__listSize`).
      const directive = field.directives?.find((d) => d.name.value === 'listSize' || d.name.value.endsWith('__listSize'));
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
