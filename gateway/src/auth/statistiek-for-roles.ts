import type { CallerClaims } from '@sociaal-graph/toolkit/gateway';
import { type Arrangement, hasRowMandates } from './mandates-for-roles.js';
import type { Role } from './roles.js';

/** Gemeenten per law whose aggregates a caller may read, as the caller assertion carries them. */
export type StatistiekClaims = NonNullable<CallerClaims['statistiek']>;

/** The laws of the social domain whose counts an aggregate right covers (toolkit `Wet`). */
const WETTEN = ['WMO', 'JEUGDWET', 'PARTICIPATIEWET'] as const;

const CBS_CODE = /^\d{4}$/;
const AGB_CODE = /^\d{8}$/;

/** Whether an organisation id is a gemeente's CBS code ("0406"): beleid and controllers act for one. */
export function isGemeente(org: string): boolean {
  return CBS_CODE.test(org);
}

/** Whether an organisation id is a provider's AGB code (eight digits): the only organisation an aanbieder acts for. */
export function isAgbCode(org: string): boolean {
  return AGB_CODE.test(org);
}

/**
 * The gemeenten per law whose suppressed aggregates each role may read (issue 3 item 8), as a
 * function of the organisation and its arrangements valid today:
 * - consulent, backoffice: where their row mandates are (consulent TOEGANG or UITVOERING, backoffice
 *   UITVOERING of that law);
 * - beleid, controller: their own gemeente (org is a CBS code), for every law: it is that gemeente's
 *   money, also where another organisation executes the law (Eemnes' Jeugdwet, by Amersfoort);
 * - inkoper: where the organisation has INKOOP or CONTRACTBEHEER of that law;
 * - analist: its own gemeente (org is a CBS code), otherwise where its organisation has any
 *   arrangement of that law; a national analyst (every gemeente) is not modelled here;
 * - subsidiepartner (its subsidies are its own data, not these counts), aanbieder, fg: none.
 * Several roles give the union. Gemeenten are sorted; a law without any is absent.
 */
export function statistiekForRoles(org: string, arrangements: readonly Arrangement[], roles: readonly Role[]): StatistiekClaims {
  const perWet = new Map<string, Set<string>>();
  const add = (wet: string, gemeente: string) => {
    const set = perWet.get(wet) ?? new Set<string>();
    set.add(gemeente);
    perWet.set(wet, set);
  };
  const fromArrangements = (rollen: readonly string[] | 'alle') => {
    for (const { gemeenteCode, wet, rol } of arrangements) if (rollen === 'alle' || rollen.includes(rol)) add(wet, gemeenteCode);
  };
  const ownGemeente = () => {
    if (isGemeente(org)) for (const wet of WETTEN) add(wet, org);
  };
  for (const role of roles) {
    if (role === 'consulent') fromArrangements(['TOEGANG', 'UITVOERING']);
    else if (role === 'backoffice') fromArrangements(['UITVOERING']);
    else if (role === 'beleid' || role === 'controller') ownGemeente();
    else if (role === 'inkoper') fromArrangements(['INKOOP', 'CONTRACTBEHEER']);
    else if (role === 'analist') {
      if (isGemeente(org)) ownGemeente();
      else fromArrangements('alle');
    }
  }
  return Object.fromEntries([...perWet].map(([wet, gemeenten]) => [wet, [...gemeenten].sort()])) as StatistiekClaims;
}

/**
 * Whether the organisation's arrangements are needed for these roles: for row mandates, and for
 * an analist whose organisation is not a gemeente (its aggregates follow its arrangements).
 */
export function needsArrangements(org: string, roles: readonly Role[]): boolean {
  return hasRowMandates(roles) || (roles.includes('analist') && !isGemeente(org));
}
