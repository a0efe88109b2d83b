import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  getNamedType,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
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

/** A name that speaks of money; a percentage, share or count of it is not an amount. */
const MONEY = /bedrag|eurocent|tarief|budget|lasten|kosten|uitgaven|baten|begroting|prognose|realisatie|tekort|lumpsum|bijdrage/i;
const NOT_AN_AMOUNT = /percentage|aandeel|aantal/i;
/** Scalars an amount can have; `SafeInt` is the toolkit's `Eurocent` for totals beyond 2^31. */
const NUMBERS = new Set(['Int', 'Float', 'SafeInt']);

/**
 * Every numeric field or argument whose name speaks of money but whose description does not give
 * its unit, eurocent (as in iWmo/iJw 323). Texts such as `bedragTekst` are strings: not checked.
 */
function amountsWithoutUnit(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (path: string, name: string, type: GraphQLInputType | GraphQLOutputType, description?: string | null) => {
    const amount = MONEY.test(name) && !NOT_AN_AMOUNT.test(name) && NUMBERS.has(getNamedType(type).name);
    if (amount && !/eurocent/i.test(description ?? '')) missing.push(path);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || type.name.includes('__')) continue;
    if (!(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      check(`${type.name}.${field.name}`, field.name, field.type, field.description);
      for (const argument of 'args' in field ? field.args : []) {
        check(`${type.name}.${field.name}(${argument.name})`, argument.name, argument.type, argument.description);
      }
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

  it('finds the amount whose description does not say eurocent', () => {
    const schema = buildSchema(`
      scalar SafeInt
      type Query {
        """In eurocent.""" bedrag: Int
        """In euro.""" tekort: SafeInt
        """Leesbaar.""" bedragTekst: String
        """Als percentage.""" realisatiePercentage: Float
        subsidies("""Vanaf dit bedrag.""" minimumBedrag: Int, """In eurocent.""" maximumBedrag: Int): Int
      }
    `);
    expect(amountsWithoutUnit(schema)).toEqual(['Query.subsidies(minimumBedrag)', 'Query.tekort']);
  });

  // Issue 4: every type and field has a description (meaning, unit, source).
  it('has a description on every type, field, argument and enum value', () => {
    expect(undocumented(buildSchema(readFileSync(SUPERGRAPH, 'utf8')))).toEqual([]);
  });

  it('gives the unit of every amount: eurocent', () => {
    expect(amountsWithoutUnit(buildSchema(readFileSync(SUPERGRAPH, 'utf8')))).toEqual([]);
  });
});

// The current list: LIST_UNDOCUMENTED=1 npx vitest run codegen/src/schema-descriptions.test.ts
if (process.env.LIST_UNDOCUMENTED) {
  const list = undocumented(buildSchema(readFileSync(SUPERGRAPH, 'utf8')));
  console.log(`${list.length} without a description:\n${list.join('\n')}`);
}
