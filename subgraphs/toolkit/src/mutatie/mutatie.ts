import { createHash } from 'node:crypto';
import { vandaagInNederland } from '../vandaag.js';
import { configure } from 'safe-stable-stringify';
import type { Scope } from '../authorization.js';
import type { SubgraphContext } from '../context.js';
import type { Queryable } from '../database.js';
import type { Rol, Wet } from '../domain.js';
import { badUserInput, DomainError } from '../errors.js';
import type { BetrokkeneSoort, Verwerkingsregel } from '../logboek/logboek.js';
import { schrijfVerwerkingen } from '../logboek/schrijf-verwerkingen.js';
import type { Principal } from '../principal.js';

/**
 * A client-chosen key that makes a mutation safe to retry: 8 to 100 letters, digits, `-`, `_`, `.`
 * or `:` (a UUID fits). Kept per calling organisation.
 */
const SLEUTEL = /^[A-Za-z0-9._:-]{8,100}$/;

/** Sorted keys, so that the same input hashes the same whatever order a client sent its fields in. */
const stableStringify = configure({ bigint: false, deterministic: true });

/** What `mutatie_idempotentie.antwoord` keeps: the answer and the subject of the change. */
interface Opgeslagen<A> {
  readonly antwoord: A;
  readonly onderwerp: Verwerkingsregel | null;
  /** Every subject when there were more than one (a declaratie's residents). */
  readonly onderwerpen?: readonly Verwerkingsregel[];
}

/** What a mutation tells the toolkit while it runs: the resident its change is about. */
export interface Verwerkingsmelder {
  /** The pseudonymous subject of the change (its Logboek record); call once it is known, once per subject when it has several. */
  betrokkene(id: string, soort?: BetrokkeneSoort): void;
}

export interface Mutatieopdracht<A> {
  /** The processing activity, as the Logboek records it ("toegang:melding:registreren"). */
  readonly activiteit: string;
  /** The client's idempotency key (`idempotentieSleutel`). */
  readonly sleutel: string;
  /** Everything the client sent besides the key: the same key with other input is refused. */
  readonly invoer: unknown;
  /**
   * The change itself, inside the one transaction: checks (mandate, input against stored rows) throw
   * and roll everything back. Returns the answer to keep for a retry: ids only, no personal data.
   */
  uitvoeren(tx: Queryable, verwerking: Verwerkingsmelder): Promise<A>;
}

/**
 * Runs one mutation the way every subgraph runs its mutations (issue 15, item 3; docs/mutaties.md):
 * in ONE transaction, the change, its Logboek Dataverwerkingen record (result `geslaagd`) and the
 * answer under the client's idempotency key are stored together or not at all. A retry with the
 * same key and the same input gets the stored answer and changes nothing (the Logboek records the
 * retry as `<activiteit>:herhaling`); the same key with other input is refused with
 * `IDEMPOTENTIESLEUTEL_HERGEBRUIKT`. A failed mutation stores nothing, so its key stays free; when its
 * subject was known, the attempt is recorded (`mislukt`) with the request's other records.
 */
export async function voerMutatieUit<A>(context: SubgraphContext<unknown>, opdracht: Mutatieopdracht<A>): Promise<A> {
  const { principal, db, logboek } = context;
  const sleutel = assertIdempotentieSleutel(opdracht.sleutel);
  const bewaartermijn = idempotentieBewaartermijn();
  await ruimIdempotentieOpAlsHetTijdIs(db, bewaartermijn);
  const invoerHash = createHash('sha256').update(stableStringify([opdracht.activiteit, opdracht.invoer]) ?? '').digest('hex');
  const onderwerpen: Verwerkingsregel[] = [];
  const verwerking: Verwerkingsmelder = {
    betrokkene: (id, soort = 'inwoner') => {
      if (!onderwerpen.some((o) => o.betrokkene === id && o.soort === soort)) onderwerpen.push({ activiteit: opdracht.activiteit, betrokkene: id, soort });
    },
  };
  try {
    const uitkomst = await db.transaction(async (tx) => {
      // Two requests with one key wait for each other: the second sees the first one's answer.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`mutatie:${principal.organisatie}:${sleutel}`]);
      // A key past its retention period is free again, whether or not the cleanup has removed it yet.
      await tx.query(`DELETE FROM mutatie_idempotentie WHERE organisatie = $1 AND sleutel = $2 AND tijdstip < now() - make_interval(days => $3)`, [
        principal.organisatie,
        sleutel,
        bewaartermijn,
      ]);
      const [eerder] = await tx.query<{ invoerHash: string; opgeslagen: Opgeslagen<A> }>(
        `SELECT invoer_hash AS "invoerHash", antwoord AS opgeslagen FROM mutatie_idempotentie WHERE organisatie = $1 AND sleutel = $2`,
        [principal.organisatie, sleutel],
      );
      if (eerder) {
        if (eerder.invoerHash !== invoerHash) {
          throw new DomainError(
            'Deze idempotentiesleutel is al gebruikt voor een andere opdracht; kies voor elke nieuwe opdracht een nieuwe sleutel.',
            { code: 'IDEMPOTENTIESLEUTEL_HERGEBRUIKT', details: { argument: 'idempotentieSleutel' } },
          );
        }
        return { opgeslagen: eerder.opgeslagen, herhaling: true };
      }
      const antwoord = await opdracht.uitvoeren(tx, verwerking);
      const opgeslagen: Opgeslagen<A> = { antwoord, onderwerp: onderwerpen[0] ?? null, ...(onderwerpen.length > 1 ? { onderwerpen } : {}) };
      await tx.query(
        `INSERT INTO mutatie_idempotentie (organisatie, sleutel, mutatie, invoer_hash, antwoord, tijdstip)
         VALUES ($1, $2, $3, $4, $5::jsonb, now())`,
        [principal.organisatie, sleutel, opdracht.activiteit, invoerHash, JSON.stringify(opgeslagen)],
      );
      // The change and its record in the Logboek: one transaction, so neither exists without the other.
      await schrijfVerwerkingen(
        { logboekQuery: async (text, params) => void (await tx.query(text, params)) },
        {
          traceId: context.traceId,
          verzoekId: context.verzoekId,
          spanId: logboek.spanId,
          organisatie: principal.organisatie,
          rollen: principal.rollen,
          actor: principal.actor ?? 'onbekend',
          tijdstip: new Date(),
          resultaat: 'geslaagd',
          regels: onderwerpen.length > 0 ? onderwerpen : [{ activiteit: opdracht.activiteit, betrokkene: null, soort: null }],
        },
      );
      return { opgeslagen, herhaling: false };
    });
    const { opgeslagen } = uitkomst;
    if (uitkomst.herhaling) {
      // The answer shown again is a processing too; the request's records are written before it leaves.
      const herhaald = (opgeslagen.onderwerpen ?? (opgeslagen.onderwerp ? [opgeslagen.onderwerp] : [])).filter((o) => o.betrokkene);
      for (const o of herhaald) logboek.registreer(`${opdracht.activiteit}:herhaling`, [o.betrokkene!], o.soort ?? 'inwoner');
      if (herhaald.length === 0) logboek.registreerZonderBetrokkene(`${opdracht.activiteit}:herhaling`);
    }
    return opgeslagen.antwoord;
  } catch (error) {
    // Nothing was stored; the attempt on a known subject is recorded as failed (the request has an error).
    for (const o of onderwerpen) if (o.betrokkene) logboek.registreer(o.activiteit, [o.betrokkene], o.soort ?? 'inwoner');
    throw error;
  }
}

/**
 * How many days an idempotency key is kept (`MUTATIE_SLEUTEL_BEWAARDAGEN`, default 30): long enough for any
 * client's retry (a front-end retries within minutes, an offline batch within days), short enough that the
 * table does not grow forever. After it, the same key counts as new (docs/mutaties.md "Idempotency key").
 */
export const STANDAARD_BEWAARDAGEN = 30;
export function idempotentieBewaartermijn(env: NodeJS.ProcessEnv = process.env): number {
  const waarde = env.MUTATIE_SLEUTEL_BEWAARDAGEN;
  if (waarde === undefined || waarde === '') return STANDAARD_BEWAARDAGEN;
  if (!/^[0-9]{1,5}$/.test(waarde) || Number(waarde) < 1) throw new Error(`MUTATIE_SLEUTEL_BEWAARDAGEN is een aantal dagen (1 of meer), niet "${waarde}".`);
  return Number(waarde);
}

/** Removes the keys older than `dagen` days; returns how many. */
export async function ruimIdempotentieOp(db: Queryable, dagen: number): Promise<number> {
  const rijen = await db.query<{ n: number }>(
    `WITH weg AS (DELETE FROM mutatie_idempotentie WHERE tijdstip < now() - make_interval(days => $1) RETURNING 1) SELECT count(*)::int AS n FROM weg`,
    [dagen],
  );
  return rijen[0]?.n ?? 0;
}

/** The cleanup runs with a mutation at most once an hour per database: no timer or job to operate. */
const laatsteOpruiming = new WeakMap<object, number>();
async function ruimIdempotentieOpAlsHetTijdIs(db: Queryable, dagen: number): Promise<void> {
  const nu = Date.now();
  if (nu - (laatsteOpruiming.get(db) ?? 0) < 3_600_000) return;
  laatsteOpruiming.set(db, nu);
  await ruimIdempotentieOp(db, dagen);
}

/** Refuses a key that is not one (BAD_USER_INPUT), so a client learns at once, not on its first retry. */
export function assertIdempotentieSleutel(sleutel: string): string {
  if (!SLEUTEL.test(sleutel)) {
    throw badUserInput('De idempotentiesleutel moet 8 tot 100 tekens zijn: letters, cijfers, -, _, . of : (bijvoorbeeld een UUID).', {
      argument: 'idempotentieSleutel',
    });
  }
  return sleutel;
}

/** Who may make one kind of change: the purpose, and the arrangement roles whose mandate counts. */
export interface Schrijfrecht {
  /** The write purpose of the caller's role (`Scope.MELDING_REGISTREREN` ...). */
  readonly doel: Scope;
  /** The arrangement roles in which holding (wet, gemeente) allows the change (TOEGANG for a melding). */
  readonly rollen: readonly Rol[];
  /** What the change is, for the refusal ("een melding registreren"). */
  readonly handeling: string;
}

/**
 * The write mandate (docs/mutaties.md): the caller's role has the purpose, and one of its mandates
 * in `recht.rollen` covers `gemeente` under `wet` (the arrangements valid today, as for reads).
 * Refuses with FORBIDDEN naming the gemeente and wet, never what the stored row holds beyond that.
 */
export function assertSchrijfmandaat(principal: Principal, recht: Schrijfrecht, wet: Wet, gemeente: string): void {
  if (heeftSchrijfmandaat(principal, recht, wet, gemeente)) return;
  throw new DomainError(`Geen mandaat om ${recht.handeling} voor gemeente ${gemeente} onder de ${wetNaam(wet)}.`, {
    code: 'FORBIDDEN',
    details: { gemeente, wet },
  });
}

/** Whether the caller may make the change of `recht` for `gemeente` under `wet` (see `assertSchrijfmandaat`). */
export function heeftSchrijfmandaat(principal: Principal, recht: Schrijfrecht, wet: Wet, gemeente: string): boolean {
  return (
    principal.scopes.includes(recht.doel) &&
    recht.rollen.some((rol) => {
      const scope = principal.scope(wet, rol);
      return scope.alle || scope.gemeenten.includes(gemeente);
    })
  );
}

/** Today in the Netherlands ('YYYY-MM-DD'): the date a change takes when the client gives none. */
export const vandaag = (): string => vandaagInNederland();

export function wetNaam(wet: Wet): string {
  return wet === 'WMO' ? 'Wmo' : wet === 'JEUGDWET' ? 'Jeugdwet' : 'Participatiewet';
}
