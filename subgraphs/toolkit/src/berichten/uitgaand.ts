import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../database.js';
import { opaqueIdHasher } from '../demo-world/opaque-ids.js';
import type { BerichtWet, Berichtnummer } from './standaard.js';

/**
 * The outgoing-message store (docs/berichten.md "Uitgaand"): every message a subgraph sends (301,
 * 319, 325 and the retours) is kept here, in the same transaction as the change it reports, and
 * listed for its receiver to collect. The XML is stored encrypted with a key derived from the
 * deployment's PSEUDONYM_SECRET: a 301 or 325 carries the BSN, which only toegang keeps readable.
 */
export interface UitgaandBericht {
  /** The store's number (order of collection); internal: the graph shows `identificatie` as the id. */
  readonly id: string;
  readonly wet: BerichtWet;
  readonly berichtnummer: Berichtnummer;
  readonly afzender: string;
  readonly ontvanger: string;
  readonly gemeenteCode: string;
  readonly aanbiederAgb: string;
  readonly identificatie: string;
  readonly dagtekening: string;
  readonly aangemaaktOp: string;
  readonly xml: string;
}

export interface NieuwUitgaandBericht {
  readonly wet: BerichtWet;
  readonly berichtnummer: Berichtnummer;
  readonly afzender: string;
  readonly ontvanger: string;
  readonly gemeenteCode: string;
  readonly aanbiederAgb: string;
  readonly dagtekening: string;
  /** Optional idempotency key: a second call with the same key returns the first message and stores nothing. */
  readonly sleutel?: string;
  /** Builds the XML once the message has its BerichtIdentificatie (12 digits, a keyed hash of our store's number). */
  bouw(identificatie: string): string;
}

/** Stores one outgoing message (inside the caller's transaction) and returns it; idempotent under `sleutel`. */
export async function bewaarUitgaandBericht(tx: Queryable, geheim: string, bericht: NieuwUitgaandBericht): Promise<UitgaandBericht> {
  if (bericht.sleutel !== undefined) {
    const [bestaand] = await tx.query<Rij>(`SELECT ${KOLOMMEN} FROM uitgaand_bericht WHERE sleutel = $1`, [bericht.sleutel]);
    if (bestaand) return vanRij(bestaand, geheim);
  }
  // The store's number orders the messages for collection and never leaves the database: numbered in
  // order, an aanbieder collecting its messages could read from the gaps how many went to others
  // (issue 10 item 2). What the message and the graph show is a keyed hash of it, twelve digits (the
  // BerichtIdentificatie's length); one taken already (a chance of about n in 10^12) takes the next number.
  const opaak = opaqueIdHasher(geheim);
  let id = '';
  let identificatie = '';
  for (let poging = 0; poging < 20 && identificatie === ''; poging += 1) {
    [{ id }] = (await tx.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('uitgaand_bericht', 'id'))::text AS id`)) as [{ id: string }];
    const kandidaat = String(100_000_000_000 + (Number.parseInt(opaak('uitgaand-bericht', id).slice(0, 12), 16) % 900_000_000_000));
    const bezet = await tx.query(`SELECT 1 FROM uitgaand_bericht WHERE identificatie = $1`, [kandidaat]);
    if (bezet.length === 0) identificatie = kandidaat;
  }
  if (identificatie === '') throw new Error('no free BerichtIdentificatie after 20 numbers of the store');
  const xml = bericht.bouw(identificatie);
  const [rij] = (await tx.query<Rij>(
    `INSERT INTO uitgaand_bericht (id, wet, berichtnummer, afzender, ontvanger, gemeente_code, aanbieder_agb, identificatie, dagtekening, sleutel, xml_versleuteld)
     VALUES ($1::bigint, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     RETURNING ${KOLOMMEN}`,
    [id, bericht.wet, bericht.berichtnummer, bericht.afzender, bericht.ontvanger, bericht.gemeenteCode, bericht.aanbiederAgb, identificatie, bericht.dagtekening, bericht.sleutel ?? null, versleutel(xml, geheim)],
  )) as [Rij];
  return vanRij(rij, geheim);
}

export interface UitgaandFilter {
  /** Only the messages to or from this aanbieder (a provider collecting its messages). */
  readonly aanbiederAgb?: string;
  /** Only these gemeenten; null: all (the caller's scope as `scopeParameter` gives it). */
  readonly gemeenten: readonly string[] | null;
  /** Only these laws, each within its own gemeenten (null: all); for a store that holds both laws' messages (inkoop's 325). */
  readonly perWet?: readonly { readonly wet: BerichtWet; readonly gemeenten: readonly string[] | null }[];
  readonly berichtnummer?: Berichtnummer;
  /** Only messages after this one (a collector's cursor: the identificatie of the last message it got). */
  readonly naId?: string;
  readonly aantal: number;
}

/** The messages for collection, oldest first. */
export async function uitgaandeBerichten(q: Queryable, geheim: string, filter: UitgaandFilter): Promise<UitgaandBericht[]> {
  const rijen = await q.query<Rij>(
    `SELECT ${KOLOMMEN} FROM uitgaand_bericht
     WHERE ($1::text IS NULL OR aanbieder_agb = $1)
       AND ($2::text[] IS NULL OR gemeente_code = ANY($2))
       AND ($3::text IS NULL OR berichtnummer = $3)
       AND ($4::text IS NULL OR id > (SELECT min(u.id) FROM uitgaand_bericht u WHERE u.identificatie = $4::text))
       AND ($6::text[] IS NULL OR wet = ANY($7) OR (wet || ':' || gemeente_code) = ANY($6))
     ORDER BY id LIMIT $5`,
    [
      filter.aanbiederAgb ?? null,
      filter.gemeenten,
      filter.berichtnummer ?? null,
      filter.naId ?? null,
      filter.aantal,
      filter.perWet ? filter.perWet.flatMap(({ wet, gemeenten }) => (gemeenten ?? []).map((g) => `${wet}:${g}`)) : null,
      filter.perWet ? filter.perWet.filter(({ gemeenten }) => gemeenten === null).map(({ wet }) => wet) : [],
    ],
  );
  return rijen.map((rij) => vanRij(rij, geheim));
}

/** One message by id, or undefined. */
export async function uitgaandBericht(q: Queryable, geheim: string, id: string): Promise<UitgaandBericht | undefined> {
  if (!/^[0-9]{1,18}$/.test(id)) return undefined;
  const [rij] = await q.query<Rij>(`SELECT ${KOLOMMEN} FROM uitgaand_bericht WHERE id = $1::bigint`, [id]);
  return rij ? vanRij(rij, geheim) : undefined;
}

const KOLOMMEN = `id::text AS id, wet, berichtnummer, afzender, ontvanger, gemeente_code, aanbieder_agb, identificatie, dagtekening, aangemaakt_op::text AS aangemaakt_op, xml_versleuteld`;

interface Rij {
  id: string;
  wet: BerichtWet;
  berichtnummer: Berichtnummer;
  afzender: string;
  ontvanger: string;
  gemeente_code: string;
  aanbieder_agb: string;
  identificatie: string;
  dagtekening: string;
  aangemaakt_op: string;
  xml_versleuteld: Uint8Array;
}

function vanRij(rij: Rij, geheim: string): UitgaandBericht {
  return {
    id: rij.id,
    wet: rij.wet,
    berichtnummer: rij.berichtnummer,
    afzender: rij.afzender,
    ontvanger: rij.ontvanger,
    gemeenteCode: rij.gemeente_code,
    aanbiederAgb: rij.aanbieder_agb,
    identificatie: rij.identificatie,
    dagtekening: rij.dagtekening,
    aangemaaktOp: rij.aangemaakt_op,
    xml: ontsleutel(Buffer.from(rij.xml_versleuteld), geheim),
  };
}

/** A key of its own for the store (not the pseudonym's key itself), derived from the deployment secret. */
const sleutelVan = (geheim: string): Buffer => createHmac('sha256', geheim).update('sociaal-graph-uitgaand-bericht').digest();

export function versleutel(xml: string, geheim: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sleutelVan(geheim), iv);
  const data = Buffer.concat([cipher.update(xml, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]);
}

export function ontsleutel(blob: Buffer, geheim: string): string {
  const decipher = createDecipheriv('aes-256-gcm', sleutelVan(geheim), blob.subarray(0, 12));
  decipher.setAuthTag(blob.subarray(12, 28));
  return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
}
