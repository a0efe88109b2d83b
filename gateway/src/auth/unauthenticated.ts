import { GraphQLError } from 'graphql';

/**
 * The error of a request whose token is not accepted: HTTP 401 with `extensions.code`
 * UNAUTHENTICATED. The reason stays generic so that a prober learns nothing about the keys.
 */
export function unauthenticated(message = 'Het token is ongeldig of verlopen.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
