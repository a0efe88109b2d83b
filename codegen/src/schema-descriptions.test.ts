import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isIntrospectionType, isSpecifiedScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';

const SUPERGRAPH = fileURLToPath(new URL('../../supergraph.graphql', import.meta.url));

/**
 * Every type, field, argument and enum value a client sees without a description, as
 * `Type`, `Type.field`, `Type.field(argument)` and `Enum.VALUE`. The types of linked specs
 * (`join__Graph`, `requiresScopes__Scope`, ...) and GraphQL's built-ins are not the graph's to describe.
 */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const own = (name: string) => !name.includes('__');
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type) || !own(type.name)) continue;
    if (!type.description?.trim()) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const argument of 'args' in field ? field.args : []) {
          if (!argument.description?.trim()) missing.push(`${type.name}.${field.name}(${argument.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}

describe('descriptions in the supergraph', () => {
  it('finds the type, field, argument and enum value without a description', () => {
    const schema = buildSchema(`
      """Described."""
      type Query { """Described.""" a(x: Int, """Described.""" y: Int): Int b: Soort }
      enum Soort { """Described.""" EEN TWEE }
      type Kaal { """Described.""" c: Int }
    `);
    expect(undocumented(schema)).toEqual(['Kaal', 'Query.a(x)', 'Query.b', 'Soort', 'Soort.TWEE']);
  });

  // Issue 4: a description on every type and field. Several helpers are editing the subgraph
  // schemas now; drop `.todo` once the list (below) is empty.
  it.todo('has a description on every type, field, argument and enum value', () => {
    expect(undocumented(buildSchema(readFileSync(SUPERGRAPH, 'utf8')))).toEqual([]);
  });
});

// The current list: LIST_UNDOCUMENTED=1 npx vitest run codegen/src/schema-descriptions.test.ts
if (process.env.LIST_UNDOCUMENTED) {
  const list = undocumented(buildSchema(readFileSync(SUPERGRAPH, 'utf8')));
  console.log(`${list.length} without a description:\n${list.join('\n')}`);
}
