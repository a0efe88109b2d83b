import { badUserInput } from '@sociaal-graph/toolkit';

const ORGANISATIE_ID = /^[A-Za-z0-9-]{1,64}$/;

/** An organisation id is a CBS code, an AGB code or a short slug ("uo-hbel"); anything else is refused. */
export function assertOrganisatieId(id: string, argument = 'id'): string {
  if (!ORGANISATIE_ID.test(id)) {
    throw badUserInput(`"${id}" is geen organisatie-id (een CBS-code, AGB-code of code als "uo-hbel").`, { argument });
  }
  return id;
}
