import { type DocumentNode, Kind, type OperationDefinitionNode, parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fillRefused, filterOperation, OperationTooLargeError, PLACEHOLDER_KEY } from './authorization-filter.js';
import { readAuthorization } from './authorization-requirements.js';

const authorization = readAuthorization(`
type Query { gemeente(code: String!): Gemeente  inwoners: [Inwoner!]  inwoner: Inwoner  geheim: String @authenticated }
type Gemeente { naam: String!  clienten: [Inwoner!] @authenticated }
type Inwoner { id: String!  bsn: String @authenticated  meldingen: [Melding!] }
type Melding { id: String!  commentaar: String @authenticated }
`);

/** Refuses every protected field (an anonymous caller). */
function filter(query: string, maxPositions?: number) {
  const document = parse(query, { noLocation: true });
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return filterOperation(document, operation, authorization, (coordinate) => ({ coordinate, code: 'UNAUTHENTICATED', reason: 'test' }), maxPositions);
}
const printed = (document: DocumentNode) => print(document).replace(/\s+/g, ' ');

describe('filterOperation', () => {
  it('walks a fragment spread twice at one place once: 40 levels of doubling take 41 positions, not 2^40', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, level) =>
      `fragment F${level} on Gemeente { naam ...F${level + 1} ... on Gemeente { ...F${level + 1} } }`).join('\n');
    const query = `{ gemeente(code: "0406") { ...F0 } }\n${fragments}\nfragment F${levels} on Gemeente { c: clienten { id } }`;
    // Expanded, the walk would pass the limit of 100 positions long before the bottom and throw.
    const result = filter(query, 100);
    expect(result.refused.map((r) => [r.path, r.coordinate])).toEqual([[['gemeente', 'c'], 'Gemeente.clienten']]);
  });

  it('refuses an operation with more field positions than it will check, as QUERY_TOO_COSTLY', () => {
    const query = `{ ${Array.from({ length: 30 }, (_, i) => `i${i}: inwoners { id meldingen { id commentaar } }`).join(' ')} }`;
    expect(() => filter(query, 100)).toThrow(OperationTooLargeError);
    try {
      filter(query, 100);
    } catch (error) {
      expect((error as OperationTooLargeError).extensions.code).toBe('QUERY_TOO_COSTLY');
    }
    // Within the limit the same operation is filtered.
    expect(filter(query, 200).refused).toHaveLength(30);
  });

  it('keeps a document without refused fields as it is', () => {
    const document = parse('{ gemeente(code: "0406") { naam } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    const result = filterOperation(document, operation, authorization, () => undefined);
    expect(result.document).toBe(document);
    expect(result.refused).toEqual([]);
  });

  it('takes refused fields out under aliases, lists and nesting, and reports each at its response path', () => {
    const result = filter('{ g: gemeente(code: "0406") { naam c: clienten { id } } inwoners { id nr: bsn meldingen { id commentaar } } }');
    expect(printed(result.document)).toBe('{ g: gemeente(code: "0406") { naam } inwoners { id meldingen { id } } }');
    expect(result.refused.map((r) => [r.path, r.coordinate, r.code])).toEqual([
      [['g', 'c'], 'Gemeente.clienten', 'UNAUTHENTICATED'],
      [['inwoners', '@', 'nr'], 'Inwoner.bsn', 'UNAUTHENTICATED'],
      [['inwoners', '@', 'meldingen', '@', 'commentaar'], 'Melding.commentaar', 'UNAUTHENTICATED'],
    ]);
    expect(result.fetches).toBe(true);
  });

  it('filters named and inline fragments, and gives a selection left empty a placeholder', () => {
    const result = filter('query Q { inwoner { ...P ... on Inwoner { bsn } } } fragment P on Inwoner { bsn }');
    expect(printed(result.document)).toBe(
      `query Q { inwoner { ...P ... on Inwoner { ${PLACEHOLDER_KEY}: __typename } } } fragment P on Inwoner { ${PLACEHOLDER_KEY}: __typename }`,
    );
    // Both selections land at the same response key: one error.
    expect(result.refused.map((r) => r.path)).toEqual([['inwoner', 'bsn']]);
  });

  it('says when nothing is left to fetch', () => {
    // A parent whose children are all refused is still fetched (its null or presence is data).
    expect(filter('{ gemeente(code: "0406") { clienten { id } } }').fetches).toBe(true);
    const result = filter('{ __typename geheim ...F } fragment F on Query { geheim }');
    expect(result.fetches).toBe(false);
    expect(result.refused.map((r) => r.path)).toEqual([['geheim']]);
  });
});

describe('fillRefused', () => {
  it('puts null at each element of a list, skips null parents, and removes placeholders', () => {
    const { refused } = filter('{ inwoners { id nr: bsn meldingen { commentaar } } inwoner { bsn } }');
    const data = {
      inwoners: [
        { id: 'a', meldingen: [{ [PLACEHOLDER_KEY]: 'Melding' }, { [PLACEHOLDER_KEY]: 'Melding' }] },
        { id: 'b', meldingen: null },
      ],
      inwoner: null,
    };
    fillRefused(data, refused);
    expect(data).toEqual({
      inwoners: [
        { id: 'a', nr: null, meldingen: [{ commentaar: null }, { commentaar: null }] },
        { id: 'b', nr: null, meldingen: null },
      ],
      inwoner: null,
    });
  });
});
