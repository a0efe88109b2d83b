import { type Code, codeOf, type Codelijst } from '@sociaal-graph/toolkit';

/**
 * A stored code as a GraphQL `Code` for a non-null field. The table's checks keep codes within their
 * list; should one slip through, show the bare code rather than fail the whole toewijzing.
 */
export function knownCode(lijst: Codelijst, code: string): Code {
  return codeOf(lijst, code) ?? { code, omschrijving: 'Onbekende code' };
}
