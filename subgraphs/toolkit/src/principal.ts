import { Scope } from './authorization.js';
import { Rol, Wet } from './domain.js';
import { DomainError } from './errors.js';

/**
 * Which gemeenten a caller may see for one law in one role: every gemeente, or a list of CBS codes.
 * Subgraphs turn this into a SQL filter (`gemeente_code = ANY($n)`), never a filter after the fact.
 */
export type GemeenteScope = { readonly alle: true } | { readonly alle: false; readonly gemeenten: readonly string[] };

/** The caller of a request, as the gateway vouches for it. */
export interface Principal {
  /** Organisation id: a CBS code, `uo-hbel`, `regio-gv`, an AGB code (`ontwikkeling`/`test` only in process). */
  readonly organisatie: string;
  readonly rollen: readonly string[];
  /** The gemeenten this caller may see for a law in a role, from the arrangements valid today. */
  scope(wet: Wet, rol: Rol): GemeenteScope;
  /** The purposes of the caller's roles (`ROLE_SCOPES`): what kinds of data it may read at all. */
  readonly scopes: readonly Scope[];
  /** The caller's AGB code when it acts as a provider (role `aanbieder`): it sees only its own rows. */
  readonly aanbieder?: string;
  /** Pseudonym of the person asking (from the gateway); only the audit record of the logboek keeps it. */
  readonly actor?: string;
  /** The gemeenten whose aggregates (suppressed counts and amounts) this caller may read for a law. */
  statistiek(wet: Wet): GemeenteScope;
  /**
   * Whether this request may resolve a field no client can select ("StapelingKosten.leden"): only
   * when the gateway's query planner put it into this fetch and said so in the assertion.
   */
  planStap(veld: string): boolean;
  /** How many residents one request may read personal data of; unset: no bound (in-process tests, the gateway itself). */
  readonly leesbudget?: Leesbudget;
}

/**
 * The bound on reads of personal data the gateway sets per call (issue 9, item 10): at most `max`
 * distinct residents. `grens` says which bound it is: `aanvraag` (per request) or `uur` (what is
 * left of the actor's hourly budget), so that the refusal can say so.
 */
export interface Leesbudget {
  readonly max: number;
  readonly grens: 'aanvraag' | 'uur';
}

const ALL: GemeenteScope = { alle: true };

/**
 * The development principal: full access to everything, the whole Logboek included. Only for tests
 * that execute a subgraph in process: it is never built from a request (`principalFromClaims`
 * gives no "all" scope, and a subgraph refuses an assertion with its organisation or role).
 */
export const developmentPrincipal: Principal = {
  organisatie: 'ontwikkeling',
  rollen: ['ontwikkeling'],
  scope: () => ALL,
  scopes: Object.values(Scope),
  statistiek: () => ALL,
  planStap: () => true,
};

/**
 * A field no client can select, that a subgraph resolves only as a step of the gateway's query
 * plan (issue 9 item 3): refused (FORBIDDEN) unless the assertion of this fetch names it.
 */
export function assertPlanStap(principal: Principal, veld: string): void {
  if (principal.planStap(veld)) return;
  throw new DomainError(`${veld} is alleen bereikbaar als stap van het queryplan van de gateway.`, { code: 'FORBIDDEN' });
}

/**
 * The subgraph's second line behind the gateway's `@requiresScopes`: refuses (FORBIDDEN, with
 * `message`) a caller without the purpose `scope`, whatever reached this subgraph.
 */
export function assertScope(principal: Principal, scope: Scope, message: string): void {
  if (principal.scopes.includes(scope)) return;
  throw new DomainError(message, { code: 'FORBIDDEN' });
}

/** SQL parameter for a scope: `null` means all gemeenten (`$n::text[] IS NULL OR code = ANY($n)`). */
export function scopeParameter(scope: GemeenteScope): readonly string[] | null {
  return scope.alle ? null : scope.gemeenten;
}

/**
 * A caller for tests that execute a subgraph in-process: the given row scope; every purpose
 * unless `scopes` says otherwise; aggregates where it executes (UITVOERING) unless `statistiek` is
 * given; plan-internal fields allowed (the test stands in for the gateway's plan).
 */
export function testPrincipal(fields: Partial<Omit<Principal, 'scope'>> & Pick<Principal, 'scope'>): Principal {
  return {
    organisatie: 'test',
    rollen: ['test'],
    scopes: developmentPrincipal.scopes,
    statistiek: (wet) => fields.scope(wet, Rol.UITVOERING),
    planStap: () => true,
    ...fields,
  };
}
