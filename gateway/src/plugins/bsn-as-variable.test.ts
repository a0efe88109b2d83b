import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { bsnAsVariableRule } from './bsn-as-variable.js';

const schema = buildSchema(`type Query {
  inwonerOpBsn(bsn: String!): String
  aanbieder(agbCode: String!): String
  zoek(tekst: String, tekens: [String!]): String
}`);

const errorsOf = (query: string) => validate(schema, parse(query), [...specifiedRules, bsnAsVariableRule]).map((error) => error.message);

describe('bsnAsVariableRule', () => {
  it('accepts a BSN given as a variable, and eight-digit codes written out', () => {
    expect(errorsOf('query ($bsn: String!) { inwonerOpBsn(bsn: $bsn) aanbieder(agbCode: "98636897") }')).toEqual([]);
    expect(errorsOf('# 2025-01-01 12:00, AGB 98636897\nquery Q2025 { a2025: aanbieder(agbCode: "98636897") }')).toEqual([]);
  });

  it('says where the nine digits are and to use a variable', () => {
    const [error] = validate(schema, parse('query A {\n  # 123456782\n  zoek(tekst: "x")\n}'), [bsnAsVariableRule]);
    expect(error.locations).toEqual([{ line: 2, column: 5 }]);
    expect(error.message).toMatch(/als variabele/);
  });

  it.each([
    ['the bsn argument written out', '{ inwonerOpBsn(bsn: "123456782") }'],
    ['the bsn argument written out, even when malformed', '{ inwonerOpBsn(bsn: "12-34") }'],
    ['nine digits in any other string', '{ zoek(tekst: "123456782") }'],
    ['nine digits inside a list', '{ zoek(tekens: ["a", "111222333"]) }'],
    ['nine digits as a variable default', 'query ($t: String = "123456782") { zoek(tekst: $t) }'],
    ['nine digits in a comment', '# over 123456782\n{ zoek(tekst: "x") }'],
    ['nine digits in a comment after a field', '{ zoek(tekst: "x") # 123456782\n }'],
    ['nine digits in the operation name', 'query Inwoner123456782 { zoek(tekst: "x") }'],
    ['nine digits in an alias', '{ bsn_123456782: zoek(tekst: "x") }'],
    ['nine digits in a fragment name', '{ ...F123456782 } fragment F123456782 on Query { zoek(tekst: "x") }'],
    ['nine digits as a number', 'query ($t: String) { zoek(tekst: $t, tekens: []) aanbieder(agbCode: "x") } # 1234567890'],
    ['the bsn argument written out as nine digits, once', '{ inwonerOpBsn(bsn: "123456782") }'],
  ])('refuses %s, once', (_, query) => {
    const errors = errorsOf(query);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Geef een BSN als variabele');
  });
});
