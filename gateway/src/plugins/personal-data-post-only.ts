import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode, visit } from 'graphql';
import type { GatewayContext } from '../context.js';

/**
 * Arguments that take a resident's identifier: the BSN, and the pseudonym where it picks one
 * resident (`inwoner(id:)`) or the Logboek's subject (`betrokkene`). By `field.argument`, `*` for
 * any field.
 */
const PERSONAL_ARGUMENTS: ReadonlySet<string> = new Set(['*.bsn', '*.betrokkene', 'inwoner.id']);

/** A variable named after the BSN is taken to hold one, wherever it is used. */
const PERSONAL_VARIABLE_NAME = /bsn/i;
/** Nine digits in a row anywhere in the variables: a BSN, whatever the variable is called. */
const NINE_DIGITS = /\d{9}/;

/**
 * Personal data never in a URL: a GET request carries its variables in the query string, which
 * access logs, proxies and browser histories keep. So an operation with a personal variable (a
 * `bsn` variable, one bound to an argument that takes a resident's identifier, or any variable
 * value holding nine digits) is refused over GET, in didResolveOperation: before any subgraph is
 * asked and before Apollo Server stores the operation's APQ text. HTTP 405 with `Allow: POST`
 * and `extensions.code` PERSONAL_DATA_IN_URL, saying to send it as POST.
 */
export function personalDataPostOnlyPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      if (request.http?.method !== 'GET') return undefined;
      return {
        async didResolveOperation({ document, operation, request: { variables } }) {
          const personal = operation ? personalVariables(document, operation) : [];
          const valueHoldsBsn = variables !== undefined && NINE_DIGITS.test(JSON.stringify(variables));
          if (personal.length === 0 && !valueHoldsBsn) return;
          const which = personal.length > 0 ? `variabele ${personal.map((name) => `$${name}`).join(', ')}` : 'een variabele met negen cijfers';
          throw new GraphQLError(
            `Deze operatie heeft persoonsgegevens als variabele (${which}); stuur haar met POST, zodat ze niet in een URL komen (die in logboeken en proxies blijft staan).`,
            { extensions: { code: 'PERSONAL_DATA_IN_URL', http: { status: 405, headers: new HeaderMap([['allow', 'POST']]) } } },
          );
        },
      };
    },
  };
}

/** The operation's variables that carry personal data, by name (its fragments included). */
export function personalVariables(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const personal = new Set<string>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (PERSONAL_VARIABLE_NAME.test(definition.variable.name.value)) personal.add(definition.variable.name.value);
  }
  // The operation and every fragment (a variable used in a fragment is defined by the operation);
  // another operation of the document can only name variables the operation does not define.
  const parts = document.definitions.filter((definition) => definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION);
  visit({ kind: Kind.DOCUMENT, definitions: parts }, {
    Field(field) {
      for (const argument of field.arguments ?? []) {
        const name = argument.name.value;
        if (!PERSONAL_ARGUMENTS.has(`*.${name}`) && !PERSONAL_ARGUMENTS.has(`${field.name.value}.${name}`)) continue;
        visit(argument.value, { Variable: (variable) => void personal.add(variable.name.value) });
      }
    },
  });
  return [...personal].filter((name) => operation.variableDefinitions?.some((definition) => definition.variable.name.value === name));
}
