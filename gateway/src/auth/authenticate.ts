import { createHmac } from 'node:crypto';
import { ANONYMOUS_CALLER, type Caller } from './caller.js';
import type { ArrangementsOf } from './arrangement-source.js';
import { type Arrangement, mandatesForRoles } from './mandates-for-roles.js';
import { isAgbCode, needsArrangements, statistiekForRoles } from './statistiek-for-roles.js';
import type { TokenVerifier, VerifiedToken } from './token-verifier.js';
import { unauthenticated } from './unauthenticated.js';

const NO_ARRANGEMENTS: readonly Arrangement[] = [];
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
  // The verifier hands back the same object for a token it verified lately, and the mandate cache the
  // same list while an organisation's arrangements are unchanged: then the caller is the one built
  // before (pseudonym, mandates, statistiek; a caller is never changed). New arrangements, or a
  // withdrawn one, give a new list and so a new caller.
  const callers = new WeakMap<VerifiedToken, { readonly arrangements: readonly Arrangement[]; readonly caller: AuthenticatedCaller }>();
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
    const arrangements = needsArrangements(token.org, token.roles) ? await arrangementsOf(token.org, traceId) : NO_ARRANGEMENTS;
    const known = callers.get(token);
    if (known?.arrangements === arrangements) return known.caller;
    const caller: AuthenticatedCaller = {
      org: token.org,
      roles: token.roles,
      actor: createHmac('sha256', actorPseudonymSecret).update(token.subject).digest('hex').slice(0, 32),
      mandates: mandatesForRoles(arrangements, token.roles),
      ...(aanbieder ? { aanbieder: token.org } : {}),
      statistiek: statistiekForRoles(token.org, arrangements, token.roles),
      ...(token.client ? { client: token.client } : {}),
    };
    callers.set(token, { arrangements, caller });
    return caller;
  };
}
