import { randomBytes } from 'node:crypto';

/** What a subject id of a verwerking points to. */
export type BetrokkeneSoort = 'inwoner' | 'huishouden' | 'toewijzing';

/** One processing of personal data within a request: which activity, about whom. */
export interface Verwerkingsregel {
  /** Processing activity of the AVG art. 30 register ("wmo:toewijzing:lezen"). */
  readonly activiteit: string;
  /** Pseudonymous subject (an Inwoner id), or `null` for an activity about no one resident. */
  readonly betrokkene: string | null;
  readonly soort: BetrokkeneSoort | null;
}

/**
 * The per-request collector of the Logboek Dataverwerkingen (docs/security.md,
 * "The audit log"). Data access registers the subjects of the rows it actually read; the toolkit
 * writes them all at the end of the request (`logboekPlugin`), before the response leaves.
 */
export interface Logboek {
  /** This subgraph's operation id within the trace (8 random bytes, hex). */
  readonly spanId: string;
  /** Registers that `activiteit` read data of each of `betrokkenen`; repeats are kept once. */
  registreer(activiteit: string, betrokkenen: Iterable<string>, soort?: BetrokkeneSoort): void;
  /** Registers an activity about no one resident (reading the log itself). */
  registreerZonderBetrokkene(activiteit: string): void;
  /** Registers the subject of every row read and returns the rows, for use inside a batch function. */
  gelezen<T extends readonly unknown[]>(activiteit: string, rows: T, betrokkeneOf: (row: T[number]) => string, soort?: BetrokkeneSoort): T;
  /** What was registered, once per (activiteit, betrokkene), in registration order. */
  regels(): readonly Verwerkingsregel[];
}

/** A fresh, empty collector for one request; `spanId` is the request's server span (else a new id). */
export function createLogboek(spanId: string = randomBytes(8).toString('hex')): Logboek {
  const regels = new Map<string, Verwerkingsregel>();
  const add = (regel: Verwerkingsregel) => {
    // JSON keeps the two parts apart whatever characters they hold.
    const key = JSON.stringify([regel.activiteit, regel.betrokkene]);
    if (!regels.has(key)) regels.set(key, regel);
  };
  const logboek: Logboek = {
    spanId,
    registreer: (activiteit, betrokkenen, soort = 'inwoner') => {
      for (const betrokkene of betrokkenen) add({ activiteit, betrokkene, soort });
    },
    registreerZonderBetrokkene: (activiteit) => add({ activiteit, betrokkene: null, soort: null }),
    gelezen: (activiteit, rows, betrokkeneOf, soort) => {
      logboek.registreer(activiteit, rows.map(betrokkeneOf), soort);
      return rows;
    },
    regels: () => [...regels.values()],
  };
  return logboek;
}
