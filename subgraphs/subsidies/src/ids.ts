import { badUserInput } from '@sociaal-graph/toolkit';

const ID = /^[A-Za-z0-9][A-Za-z0-9_:.-]{0,63}$/;

/** Checks the shape of a record id (letters, digits, `-_:.`, at most 64); throws BAD_USER_INPUT otherwise. */
export function assertRecordId(id: string, soort: string, argument = 'id'): string {
  if (!ID.test(id)) {
    throw badUserInput(`"${id}" is geen geldige identificatie van een ${soort}.`, { argument });
  }
  return id;
}
