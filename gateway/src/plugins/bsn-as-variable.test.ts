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
  });

  it.each([
    ['the bsn argument written out', '{ inwonerOpBsn(bsn: "123456782") }'],
    ['the bsn argument written out, even when malformed', '{ inwonerOpBsn(bsn: "12-34") }'],
    ['nine digits in any other string', '{ zoek(tekst: "123456782") }'],
    ['nine digits inside a list', '{ zoek(tekens: ["a", "111222333"]) }'],
    ['nine digits as a variable default', 'query ($t: String = "123456782") { zoek(tekst: $t) }'],
  ])('refuses %s, once', (_, query) => {
    const errors = errorsOf(query);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Geef een BSN als variabele');
  });
});
