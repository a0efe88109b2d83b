import { type ASTNode, type ASTVisitor, GraphQLError, Kind, type ValidationContext } from 'graphql';

/**
 * Nine digits in a row: the shape of a burgerservicenummer. No code in the schema has it (AGB has
 * eight, CBS four); a longer run of digits holds one too.
 */
const NINE_DIGITS = /\d{9,}/g;

const MESSAGE =
  'Geef een BSN als variabele, niet in de tekst van de operatie; dat geldt voor elk nummer van negen cijfers, ' +
  'ook in een commentaar, een naam of een alias: de tekst wordt bewaard (APQ, documentcache), de variabelen niet.';

/**
 * Validation rule: a BSN may reach the gateway only as a variable. The text of an operation is
 * cached (APQ in Redis for a day, the parsed-document and query-plan caches in memory), its
 * variables are not; a BSN written into the text would sit in those caches (issue 3: no cache
 * holds personal data). Refused in validation, which Apollo Server runs before it stores the
 * document or the APQ text: every argument named `bsn` must be a variable, and no run of nine
 * digits may appear anywhere in the text: not in a string or number, and not in a comment, an
 * operation or fragment name or an alias either (so the source is scanned, not only the values of
 * the parsed document, which has no comments). Apollo Server answers a validation error with HTTP
 * 400 and `extensions.code` GRAPHQL_VALIDATION_FAILED.
 */
export function bsnAsVariableRule(context: ValidationContext): ASTVisitor {
  let textRefused = false;
  return {
    Document(node) {
      const source = node.loc?.source;
      // Apollo Server parses with locations; a document without them has no comments to hide a run in.
      const positions = [...(source?.body ?? '').matchAll(NINE_DIGITS)].map((match) => match.index);
      if (source && positions.length > 0) {
        textRefused = true;
        context.reportError(new GraphQLError(MESSAGE, { source, positions, extensions: { argument: 'bsn' } }));
      }
    },
    Argument(node) {
      if (node.name.value === 'bsn' && node.value.kind !== Kind.VARIABLE) {
        if (!textRefused) refuse(context, node);
        return false;
      }
      return undefined;
    },
  };
}

function refuse(context: ValidationContext, node: ASTNode): void {
  context.reportError(new GraphQLError(MESSAGE, { nodes: [node], extensions: { argument: 'bsn' } }));
}
