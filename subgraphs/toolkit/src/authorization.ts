/**
 * The authorization vocabulary shared by the subgraph schemas (directives), the gateway (which
 * enforces them before execution) and the subgraphs (which check again as a second line).
 * Roles are those of docs/mandates.md; a scope is a purpose a role has.
 */

/** Purposes, as the scopes `@requiresScopes` names. */
export const Scope = {
  /** Read a resident's file: toewijzingen, uitkeringen, meldingen (within the row mandates). */
  PERSOONSGEGEVENS: 'persoonsgegevens:lezen',
  /** See the burgerservicenummer itself (toegang only). */
  BSN: 'bsn:lezen',
  /** Read free text written about a resident (commentaar). */
  VRIJE_TEKST: 'vrije-tekst:lezen',
  /** Read declaraties (iWmo/iJw 303): own ones for a provider, the contracts' for the region. */
  DECLARATIES: 'declaraties:lezen',
  /** Read aggregates (counts and amounts, suppressed below 10 people). */
  AGGREGATEN: 'aggregaten:lezen',
  /** Read the audit log of data processing (Logboek Dataverwerkingen). */
  LOGBOEK: 'logboek:lezen',
  /** Register a resident's hulpvraag (melding) at the front door (docs/mutaties.md). */
  MELDING_REGISTREREN: 'melding:registreren',
  /** Grant, change and end toewijzingen, and decide a provider's verzoek om toewijzing (301, 319). */
  TOEWIJZING_BESCHIKKEN: 'toewijzing:beschikken',
  /** Approve or reject a provider's declaratie lines (325). */
  DECLARATIE_BEOORDELEN: 'declaratie:beoordelen',
} as const;
export type Scope = (typeof Scope)[keyof typeof Scope];

/** Policies `@policy` names; the gateway decides them from the caller's mandates. */
export const Policy = {
  /** The caller holds a row mandate (toegang or uitvoering) for at least one gemeente and wet. */
  MANDAAT: 'mandaat',
} as const;
export type Policy = (typeof Policy)[keyof typeof Policy];

/** Which purposes each role has. A role not listed (and the anonymous caller) has none. */
export const ROLE_SCOPES: Readonly<Record<string, readonly Scope[]>> = {
  // The consulent takes in hulpvragen and makes the beschikkingen (docs/mutaties.md, who may write).
  consulent: [Scope.PERSOONSGEGEVENS, Scope.BSN, Scope.VRIJE_TEKST, Scope.AGGREGATEN, Scope.MELDING_REGISTREREN, Scope.TOEWIJZING_BESCHIKKEN],
  // The back office pays and checks declaraties by toewijzingsnummer: no BSN, no free text. It
  // transfers beschikkingen into the region's system (toewijzingen) and judges declaraties.
  backoffice: [Scope.PERSOONSGEGEVENS, Scope.DECLARATIES, Scope.AGGREGATEN, Scope.TOEWIJZING_BESCHIKKEN, Scope.DECLARATIE_BEOORDELEN],
  aanbieder: [Scope.PERSOONSGEGEVENS, Scope.DECLARATIES],
  inkoper: [Scope.DECLARATIES, Scope.AGGREGATEN],
  beleid: [Scope.AGGREGATEN],
  controller: [Scope.AGGREGATEN],
  analist: [Scope.AGGREGATEN],
  subsidiepartner: [Scope.AGGREGATEN],
  fg: [Scope.LOGBOEK],
};

/** The scopes of a set of roles (union, no duplicates). */
export function scopesForRoles(roles: readonly string[]): Scope[] {
  return [...new Set(roles.flatMap((role) => ROLE_SCOPES[role] ?? []))];
}

/** Schema directives, for type-graphql's `@Directive(...)` on a field or type. */
export const requiresAuthentication = '@authenticated';

/** Any one of `scopes` suffices (one inner list per alternative). */
export function requiresScope(...scopes: Scope[]): string {
  return `@requiresScopes(scopes: [${scopes.map((scope) => `["${scope}"]`).join(', ')}])`;
}

export function requiresPolicy(policy: Policy): string {
  return `@policy(policies: [["${policy}"]])`;
}
