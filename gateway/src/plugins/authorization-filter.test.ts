import { type DocumentNode, Kind, type OperationDefinitionNode, parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fillRefused, filterOperation, PLACEHOLDER_KEY } from './authorization-filter.js';
import { readAuthorization } from './authorization-requirements.js';

const authorization = readAuthorization(`
type Query { gemeente(code: String!): Gemeente  inwoners: [Inwoner!]  inwoner: Inwoner  geheim: String @authenticated }
type Gemeente { naam: String!  clienten: [Inwoner!] @authenticated }
type Inwoner { id: String!  bsn: String @authenticated  meldingen: [Melding!] }
type Melding { id: String!  commentaar: String @authenticated }
`);

/** Refuses every protected field (an anonymous caller). */
function filter(query: string) {
  const document = parse(query, { noLocation: true });
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return filterOperation(document, operation, authorization, (coordinate) => ({ coordinate, code: 'UNAUTHENTICATED', reason: 'test' }));
}
const printed = (document: DocumentNode) => print(document).replace(/\s+/g, ' ');

describe('filterOperation', () => {
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
