/** The roles a token may carry (docs/mandates.md); anything else in `roles` is ignored. */
export const ROLES = [
  'consulent',
  'backoffice',
  'beleid',
  'controller',
  'inkoper',
  'aanbieder',
  'analist',
  'subsidiepartner',
  'fg',
] as const;

export type Role = (typeof ROLES)[number];

/** Whether `name` is one of `ROLES`. */
export function isRole(name: unknown): name is Role {
  return typeof name === 'string' && (ROLES as readonly string[]).includes(name);
}
