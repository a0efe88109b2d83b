import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';
import type { GatewayContext } from '../context.js';

/**
 * Answers a document in which the requested operation cannot be found with HTTP 400 and
 * `OPERATION_RESOLUTION_FAILURE`: an `operationName` the document does not hold, or several
 * operations and no `operationName`. Apollo Server leaves `operation` undefined for both and hands
 * the request on; @apollo/gateway then throws an uncoded error, which became HTTP 500
 * `INTERNAL_SERVER_ERROR` with a stack trace in the log (issue 11, item 4). It runs in
 * `didResolveOperation`, before any other plugin could plan or send anything.
 */
export function operationResolutionPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (operation) return;
          const names = document.definitions
            .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
            .map((definition) => definition.name?.value ?? '(naamloos)');
          const listed = names.length > 0 ? names.join(', ') : 'geen';
          const message = request.operationName
            ? `De operatie "${request.operationName}" staat niet in het document (operaties: ${listed}); geef in operationName de naam van een ervan.`
            : `Het document bevat ${names.length} operaties (${listed}); geef in operationName de naam van de operatie die moet worden uitgevoerd.`;
          throw new GraphQLError(message, {
            // `http` is taken off the error by Apollo Server and becomes the response status.
            extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
          });
        },
      };
    },
  };
}
