import { randomFillSync } from 'node:crypto';

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

/**
 * For a loader's batch (`.then(gelezenPerInwoner(logboek, activiteit))`): every row read is a read of its
 * resident's data (`row.inwonerId`), registered under `activiteit`; the rows are returned as they are.
 */
export function gelezenPerInwoner(logboek: Logboek, activiteit: string) {
  return <R extends { readonly inwonerId: string }>(rows: R[]) => logboek.gelezen(activiteit, rows, (row) => row.inwonerId);
}

/** A fresh, empty collector for one request; `spanId` is the request's server span (else a new id). */
export function createLogboek(spanId: string = nieuweSpanId()): Logboek {
  // Registration order, and per activity the subjects already in it (null: none); so a repeat is
  // found without building a key string per row (issue 14).
  const regels: Verwerkingsregel[] = [];
  const gezien = new Map<string, Set<string | null>>();
  const add = (activiteit: string, betrokkene: string | null, soort: BetrokkeneSoort | null) => {
    let betrokkenen = gezien.get(activiteit);
    if (!betrokkenen) {
      betrokkenen = new Set();
      gezien.set(activiteit, betrokkenen);
    } else if (betrokkenen.has(betrokkene)) {
      return;
    }
    betrokkenen.add(betrokkene);
    regels.push({ activiteit, betrokkene, soort });
  };
  const logboek: Logboek = {
    spanId,
    registreer: (activiteit, betrokkenen, soort = 'inwoner') => {
      for (const betrokkene of betrokkenen) add(activiteit, betrokkene, soort);
    },
    registreerZonderBetrokkene: (activiteit) => add(activiteit, null, null),
    gelezen: (activiteit, rows, betrokkeneOf, soort = 'inwoner') => {
      // Every subject first, as before: a `betrokkeneOf` that throws registers none of them.
      for (const betrokkene of rows.map(betrokkeneOf)) add(activiteit, betrokkene, soort);
      return rows;
    },
    regels: () => regels.slice(),
  };
  return logboek;
}

/**
 * Random bytes for span ids, drawn from the system in blocks rather than 8 at a time: one
 * `randomBytes(8)` per request cost several µs of the subgraphs' thread (issue 14).
 */
const SPAN_ID_BYTES = 8;
const spanIdPool = Buffer.alloc(SPAN_ID_BYTES * 512);
let spanIdOffset = spanIdPool.length;

function nieuweSpanId(): string {
  if (spanIdOffset === spanIdPool.length) {
    randomFillSync(spanIdPool);
    spanIdOffset = 0;
  }
  const id = spanIdPool.toString('hex', spanIdOffset, spanIdOffset + SPAN_ID_BYTES);
  spanIdOffset += SPAN_ID_BYTES;
  return id;
}
