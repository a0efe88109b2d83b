import { buildSchema, type FieldSelection, operationFromDocument, parseOperation } from '@apollo/federation-internals';
import { type DocumentNode, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apolloComputeResponse, computeResponse, type ComputeResponseArguments, leanResultShapingInUse, useLeanResultShaping } from './result-shaping.js';

const SCHEMA = buildSchema(`
scalar JSON
enum Kleur { ROOD GROEN }
interface Node { id: ID! }
type Inwoner implements Node { id: ID! naam: String leeftijd: Int! kleur: Kleur bedrag: Float actief: Boolean extra: JSON buren: [Inwoner] huisgenoten: [Inwoner!]! partner: Inwoner! }
type Aanbieder implements Node { id: ID! agbCode: String! }
union Resultaat = Inwoner | Aanbieder
type Query { inwoner: Inwoner inwoners: [Inwoner!]! verplicht: Inwoner! node: Node zoek: [Resultaat] getal: Int }
`);

const QUERY = `
fragment Persoon on Inwoner { id naam leeftijd }
query Q($met: Boolean!, $zonder: Boolean = false) {
  inwoner { ...Persoon kleur bedrag actief extra wie: naam soort: __typename buren { ...Persoon buren { id } } __proto__: naam constructor: id toString: leeftijd hasOwnProperty: buren { id } }
  inwoners { id naam @include(if: $met) leeftijd @skip(if: $zonder) huisgenoten { id } partner { id naam } }
  node { __typename id ... on Inwoner { naam } ... on Aanbieder { agbCode } ... on Node { ... on Inwoner { leeftijd } } }
  zoek { ... on Node { id ... on Inwoner { leeftijd } } ... on Inwoner { naam __typename } ... on Aanbieder { agbCode } }
  getal
  ... @include(if: $met) { verplicht { id } }
  __schema { queryType { name } }
  ... on Query { inwoner { buren { naam partner { id } } } }
  ... on Query { inwoner { buren { leeftijd partner { naam } } } }
}`;

const inwoner = (id: string, extra: Record<string, unknown> = {}) => ({ __typename: 'Inwoner', id, naam: `Inwoner ${id}`, leeftijd: 40, ...extra });

/** What the subgraphs might have returned: valid, with nulls where the schema forbids them, with wrong values and types. */
const INPUTS: Record<string, Record<string, unknown>> = {
  valid: {
    inwoner: inwoner('1', {
      kleur: 'ROOD',
      bedrag: 1.5,
      actief: true,
      extra: { vrij: [1, 'a'] },
      buren: [inwoner('2', { buren: [{ id: '3' }] }), null],
      // Aliases named as Object.prototype's properties; parsed, as a subgraph's answer is (a literal `__proto__` would set the prototype).
      ...(JSON.parse('{"__proto__": "Inwoner 1", "constructor": "1", "toString": 40, "hasOwnProperty": [{"id": "2"}, null]}') as object),
    }),
    inwoners: [inwoner('4', { huisgenoten: [{ id: '5' }], partner: { id: '6', naam: null }, onbekend: 'weg' })],
    node: { __typename: 'Aanbieder', id: '7', agbCode: '123' },
    zoek: [inwoner('8'), { __typename: 'Aanbieder', id: '9', agbCode: '456' }, null],
    getal: 3,
    verplicht: { id: '10' },
  },
  missingFields: { inwoner: { id: '1' }, inwoners: [], node: null, zoek: null },
  nullInNonNullField: { inwoner: inwoner('1', { leeftijd: null }), inwoners: [inwoner('2', { huisgenoten: [null], partner: { id: '3' } })], verplicht: { id: null } },
  nullInNonNullList: { inwoners: [null, inwoner('2')], verplicht: null },
  // A fragment within a fragment on the interface: it applies by the object's __typename.
  nestedFragment: { node: inwoner('11', { leeftijd: null }) },
  wrongValues: { inwoner: inwoner('1', { leeftijd: 1.5, kleur: 'BLAUW', bedrag: 'veel', actief: 'ja' }), getal: 2 ** 40, inwoners: [inwoner('2', { id: 5, partner: { id: true } })] },
  wrongTypename: { node: { __typename: 'Onbekend', id: '1' }, zoek: [{ __typename: 'Kleur', id: '2' }], inwoner: inwoner('1', { __typename: 'Aanbieder' }) },
  empty: {},
  // Objects without __typename: a fragment applies by the field's own type.
  withoutTypenames: { node: { id: '1', naam: 'x' }, zoek: [{ id: '2', naam: 'y', agbCode: 'z' }], inwoner: { id: '3', buren: [{ id: '4', naam: null, leeftijd: 3, partner: { id: '5', naam: 'p' } }] } },
  // The same field in several fragments: what a later one selects is added to what an earlier one made.
  mergedSelections: { inwoner: inwoner('1', { buren: [inwoner('2', { partner: { id: '3', naam: null } }), inwoner('4', { leeftijd: null, partner: { id: '5', naam: 'q' } })] }) },
};

function run(shape: (args: ComputeResponseArguments) => { data: unknown; errors: readonly { message: string; path?: readonly unknown[]; extensions?: unknown }[] }, input: Record<string, unknown>, variables: Record<string, unknown>) {
  const operation = parseOperation(SCHEMA, QUERY);
  const { data, errors } = shape({ operation, variables, input: structuredClone(input), introspectionHandling: (selection: FieldSelection) => ({ introspectie: selection.element.name }) });
  // Compared as the JSON that is sent (Apollo's objects have no prototype, ours have Object's).
  return { data: JSON.stringify(data), errors: errors.map(({ message, path, extensions }) => ({ message, path, extensions })) };
}

describe('result shaping (computeResponse in place of @apollo/gateway`s)', () => {
  for (const [name, input] of Object.entries(INPUTS)) {
    for (const variables of [{ met: true }, { met: false, zonder: true }]) {
      it(`gives the answer and errors @apollo/gateway gives: ${name}, ${JSON.stringify(variables)}`, () => {
        const apollo = run(apolloComputeResponse(), input, variables);
        const ours = run(computeResponse, input, variables);
        expect(ours).toEqual(apollo);
        // The cases reach what they are meant to: nulls bubbling up, errors.
        if (!['valid', 'missingFields', 'empty', 'withoutTypenames'].includes(name)) expect(apollo.errors.length).toBeGreaterThan(0);
      });
    }
  }

  it('answers fields aliased as properties of Object.prototype as any other, without touching it', () => {
    const { data } = run(computeResponse, INPUTS.valid!, { met: true });
    const inwoner = (JSON.parse(data) as { inwoner: Record<string, unknown> }).inwoner;
    expect(Object.entries(inwoner).filter(([key]) => ['__proto__', 'constructor', 'toString', 'hasOwnProperty'].includes(key))).toEqual([
      ['__proto__', 'Inwoner 1'],
      ['constructor', '1'],
      ['toString', 40],
      ['hasOwnProperty', [{ id: '2' }, null]],
    ]);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'naam')).toBe(false);
  });

  it('a long list of objects of one selection (its steps worked out once) is shaped as Apollo shapes it', () => {
    const input = { inwoners: Array.from({ length: 1000 }, (_, index) => inwoner(String(index), { huisgenoten: [{ id: 'x' }], partner: { id: 'p', naam: index % 7 ? 'n' : null } })) };
    expect(run(computeResponse, input, { met: true })).toEqual(run(apolloComputeResponse(), input, { met: true }));
  });

  it('one operation shaped again and again (as every request of a cached document is) answers each execution as Apollo does', () => {
    // Other @skip/@include values, errors of an earlier execution, a subgraph fault that threw halfway.
    const operation = parseOperation(SCHEMA, QUERY);
    const introspectionHandling = (selection: FieldSelection) => ({ introspectie: selection.element.name });
    const runs: [string, Record<string, unknown>][] = [
      ['nullInNonNullField', { met: true }],
      ['valid', { met: false, zonder: true }],
      ['wrongValues', { met: true }],
      ['valid', { met: true }],
      ['nestedFragment', { met: false }],
      ['valid', { met: false, zonder: true }],
    ];
    for (const [name, variables] of runs) {
      const ours = computeResponse({ operation, variables, input: structuredClone(INPUTS[name]!), introspectionHandling });
      expect({ data: JSON.stringify(ours.data), errors: ours.errors.map(({ message, path }) => ({ message, path })) }).toEqual(
        (({ data, errors }) => ({ data, errors: errors.map(({ message, path }) => ({ message, path })) }))(run(apolloComputeResponse(), INPUTS[name]!, variables)),
      );
      if (name === 'wrongValues') expect(() => computeResponse({ operation, variables, input: { inwoners: [{ __typename: 'Inwoner', id: '1', naam: 'x', leeftijd: 1, huisgenoten: 'geen lijst' }] }, introspectionHandling })).toThrow();
    }
  });

  it('replaces the function @apollo/gateway executes with (createGatewayServer calls useLeanResultShaping: create-gateway.test.ts)', () => {
    useLeanResultShaping();
    expect(leanResultShapingInUse()).toBe(true);
    // Apollo's own stays reachable for the comparisons above.
    expect(apolloComputeResponse()).not.toBe(computeResponse);
  });

  it('builds the operation executeQueryPlan asks for once per document, and any other as before', () => {
    useLeanResultShaping();
    const document = parse(QUERY);
    // As executeQueryPlan asks: the operation's node first, then the fragments', without validation.
    const [fragment, operationNode] = document.definitions;
    const asExecuted = (): DocumentNode => ({ kind: Kind.DOCUMENT, definitions: [operationNode!, fragment!] });
    const built = operationFromDocument(SCHEMA, asExecuted(), { validate: false });
    expect(operationFromDocument(SCHEMA, asExecuted(), { validate: false })).toBe(built);
    // Other nodes (another document of the same text), or another call: built anew.
    expect(operationFromDocument(SCHEMA, { kind: Kind.DOCUMENT, definitions: [...parse(QUERY).definitions].reverse() }, { validate: false })).not.toBe(built);
    expect(operationFromDocument(SCHEMA, asExecuted())).not.toBe(operationFromDocument(SCHEMA, asExecuted()));
    expect(built.toString()).toBe(operationFromDocument(SCHEMA, asExecuted()).toString());
  });
});
