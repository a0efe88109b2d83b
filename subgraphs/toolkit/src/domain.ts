import { GraphQLSafeInt } from 'graphql-scalars';
import { registerEnumType } from 'type-graphql';
import { badUserInput } from './errors.js';

/** The laws of the social domain the graph covers. */
export enum Wet {
  WMO = 'WMO',
  JEUGDWET = 'JEUGDWET',
  PARTICIPATIEWET = 'PARTICIPATIEWET',
}
registerEnumType(Wet, {
  name: 'Wet',
  description: 'Wet in het sociaal domein: Wmo 2015, Jeugdwet of Participatiewet.',
  valuesConfig: {
    WMO: { description: 'Wet maatschappelijke ondersteuning 2015: ondersteuning thuis en meedoen; berichten volgens iWmo.' },
    JEUGDWET: { description: 'Jeugdwet: jeugdhulp, jeugdbescherming en jeugdreclassering; berichten volgens iJw.' },
    PARTICIPATIEWET: { description: 'Participatiewet: bijstand (levensonderhoud) en ondersteuning naar werk.' },
  },
});

/** What an organisation does for a gemeente under a law (docs/mandates.md). */
export enum Rol {
  TOEGANG = 'TOEGANG',
  UITVOERING = 'UITVOERING',
  INKOOP = 'INKOOP',
  CONTRACTBEHEER = 'CONTRACTBEHEER',
}
registerEnumType(Rol, {
  name: 'Rol',
  description: 'Rol van een organisatie in een uitvoeringsarrangement.',
  valuesConfig: {
    TOEGANG: { description: 'Toegang: meldingen en aanvragen aannemen, onderzoek doen en beslissen over ondersteuning.' },
    UITVOERING: { description: 'Uitvoering: toegekende voorzieningen, uitkeringen en trajecten uitvoeren en administreren.' },
    INKOOP: { description: 'Inkoop: aanbieders contracteren en tarieven afspreken voor de gemeente.' },
    CONTRACTBEHEER: { description: 'Contractbeheer: contracten bewaken, declaraties van aanbieders controleren en betalen.' },
  },
});

const GEMEENTECODE = /^\d{4}$/;

/** A CBS gemeentecode is four digits with leading zeros ("0406"); anything else is refused. */
export function assertGemeentecode(code: string, argument = 'code'): string {
  if (!GEMEENTECODE.test(code)) {
    throw badUserInput(`"${code}" is geen CBS-gemeentecode (vier cijfers, bijvoorbeeld "0406").`, { argument });
  }
  return code;
}

/** More gemeenten in one question than the country has (342) is a mistake, not a query. */
export const MAX_GEMEENTEN = 400;

/** A list of CBS codes as an aggregate's argument: at most MAX_GEMEENTEN, each a well-formed code, in the order given. */
export function assertGemeentecodes(codes: readonly string[], argument = 'gemeenten'): string[] {
  if (codes.length > MAX_GEMEENTEN) {
    throw badUserInput(`Vraag om hoogstens ${MAX_GEMEENTEN} gemeenten tegelijk, niet ${codes.length}.`, { argument });
  }
  return codes.map((code) => assertGemeentecode(code, argument));
}

const AGB_CODE = /^\d{8}$/;

/** An AGB code is eight digits (Vektis); anything else is refused. */
export function assertAgbCode(code: string, argument = 'agbCode'): string {
  if (!AGB_CODE.test(code)) {
    throw badUserInput(`"${code}" is geen AGB-code (acht cijfers).`, { argument });
  }
  return code;
}

// iWmo/iJw LDT_Nummer: an integer from 0 to 999 999 999, written without leading zeros (docs/berichten.md "Identifiers").
const TOEWIJZINGSNUMMER = /^(0|[1-9][0-9]{0,8})$/;

/** A toewijzingsnummer is an LDT_Nummer: an integer of at most nine digits, as text; anything else is refused. */
export function assertToewijzingsnummer(nummer: string, argument = 'toewijzingsnummer'): string {
  if (!TOEWIJZINGSNUMMER.test(nummer)) {
    throw badUserInput(`"${nummer}" is geen toewijzingsnummer (een geheel getal van ten hoogste negen cijfers, zonder voorloopnullen, bijvoorbeeld "48213907").`, { argument });
  }
  return nummer;
}

/**
 * Whether a BSN passes the elfproef: nine digits d1..d9 with 9*d1 + 8*d2 + ... + 2*d8 - d9 a
 * multiple of 11 (and not all zeros). Used at the edge, where a BSN comes in and becomes a pseudonym.
 */
export function isGeldigBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || bsn === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}

const PSEUDONYM = /^[0-9a-f]{32}$/;

/** A resident's key is a 32-hex-digit keyed pseudonym, never a BSN. */
export function assertInwonerId(id: string, argument = 'id'): string {
  if (!PSEUDONYM.test(id)) {
    throw badUserInput(`"${id}" is geen geldig inwoner-id (pseudoniem van 32 hexadecimale tekens).`, { argument });
  }
  return id;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as 'YYYY-MM-DD'; refuses impossible dates such as 2025-02-30. */
export function assertDatum(value: string, argument: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badUserInput(`"${value}" is geen datum in de vorm JJJJ-MM-DD.`, { argument });
  }
  return value;
}

/** A year within the range the graph holds data for. */
export function assertJaar(jaar: number, argument = 'jaar'): number {
  if (!Number.isInteger(jaar) || jaar < 2015 || jaar > 2100) {
    throw badUserInput(`${jaar} is geen geldig jaar (2015 of later).`, { argument });
  }
  return jaar;
}

/** Formats integer eurocent for a person to read: 123456 -> "€ 1.234,56". */
export function formatEurocent(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${euros},${(abs % 100).toString().padStart(2, '0')}`;
}

/**
 * The GraphQL type for money totals: integer eurocent as a 53-bit safe integer (`SafeInt`).
 * GraphQL's Int stops at 2^31 eurocent, about € 21 million, which a gemeente's budget passes.
 */
export const Eurocent = GraphQLSafeInt;
