import { createHmac } from 'node:crypto';
import { ANONYMOUS_CALLER, type Caller } from './caller.js';
import type { ArrangementsOf } from './arrangement-source.js';
import { mandatesForRoles } from './mandates-for-roles.js';
import { isAgbCode, needsArrangements, statistiekForRoles } from './statistiek-for-roles.js';
import type { TokenVerifier, VerifiedToken } from './token-verifier.js';
import { unauthenticated } from './unauthenticated.js';

const RESERVED_ORGANISATIONS: ReadonlySet<string> = new Set(['ontwikkeling', 'test']);

/** Establishes the caller of one request from its `Authorization` header. */
export type Authenticate = (authorization: string | undefined, traceId: string) => Promise<AuthenticatedCaller>;

/** The caller, and the client application its token was issued to (not sent to subgraphs). */
export type AuthenticatedCaller = Caller & { readonly client?: string };

/**
 * No header: the anonymous caller. `Bearer <token>`: the token must verify (else
 * UNAUTHENTICATED, HTTP 401); its organisation's arrangements valid today become the mandates
 * of its roles, with the gemeenten whose aggregates they may read (`statistiek`). A token with role
 * `aanbieder` must name an AGB code as its organisation (else UNAUTHENTICATED): the provider sees
 * only rows of that code. The actor is a keyed HMAC of the token's `sub` (`ACTOR_PSEUDONYM_SECRET`), so
 * no name reaches a subgraph and whoever guesses user ids cannot recompute it.
 */
export function createAuthenticate(verify: TokenVerifier, arrangementsOf: ArrangementsOf, actorPseudonymSecret: string): Authenticate {
  // The verifier hands back the same object for a token it verified lately: its pseudonym is computed once.
  const actors = new WeakMap<VerifiedToken, string>();
  const actorOf = (token: VerifiedToken) => {
    let actor = actors.get(token);
    if (actor === undefined) actors.set(token, (actor = createHmac('sha256', actorPseudonymSecret).update(token.subject).digest('hex').slice(0, 32)));
    return actor;
  };
  return async (authorization, traceId) => {
    if (authorization === undefined || authorization === '') return ANONYMOUS_CALLER;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('De Authorization-header moet de vorm "Bearer <token>" hebben.');
    const token = await verify(match[1]);
    // The organisations of the in-process test principals; a subgraph would refuse them anyway.
    if (RESERVED_ORGANISATIONS.has(token.org)) throw unauthenticated(`De organisatie "${token.org}" is voorbehouden aan tests.`);
    const aanbieder = token.roles.includes('aanbieder');
    if (aanbieder && !isAgbCode(token.org)) {
      throw unauthenticated('Een token met de rol aanbieder moet als organisatie een AGB-code (acht cijfers) noemen.');
    }
    const arrangements = needsArrangements(token.org, token.roles) ? await arrangementsOf(token.org, traceId) : [];
    return {
      org: token.org,
      roles: token.roles,
      actor: actorOf(token),
      mandates: mandatesForRoles(arrangements, token.roles),
      ...(aanbieder ? { aanbieder: token.org } : {}),
      statistiek: statistiekForRoles(token.org, arrangements, token.roles),
      ...(token.client ? { client: token.client } : {}),
    };
  };
}
