import { type ASTNode, type ASTVisitor, GraphQLError, Kind, type ValidationContext } from 'graphql';

/** Nine digits: the shape of a burgerservicenummer. No other code in the schema has it (AGB has eight). */
const NINE_DIGITS = /^\d{9}$/;

const MESSAGE =
  'Geef een BSN als variabele, niet in de tekst van de operatie: de tekst wordt bewaard (APQ, documentcache), ' +
  'de variabelen niet.';

/**
 * Validation rule: a BSN may reach the gateway only as a variable. The text of an operation is
 * cached (APQ in Redis for a day, the parsed-document and query-plan caches in memory), its
 * variables are not; a BSN written into the text would sit in those caches (issue 3: no cache
 * holds personal data). Refused in validation, so the text is never stored: every argument named
 * `bsn` must be a variable, and no string literal anywhere may be nine digits. Apollo Server answers
 * a validation error with HTTP 400 and `extensions.code` GRAPHQL_VALIDATION_FAILED.
 */
export function bsnAsVariableRule(context: ValidationContext): ASTVisitor {
  const refuse = (node: ASTNode) => context.reportError(new GraphQLError(MESSAGE, { nodes: [node], extensions: { argument: 'bsn' } }));
  return {
    Argument(node) {
      if (node.name.value === 'bsn' && node.value.kind !== Kind.VARIABLE) {
        refuse(node);
        return false;
      }
      return undefined;
    },
    StringValue(node) {
      if (NINE_DIGITS.test(node.value.trim())) refuse(node);
    },
  };
}
