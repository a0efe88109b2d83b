import { createHash } from 'node:crypto';
import { vandaagInNederland } from '../vandaag.js';
import type { Database, Queryable } from '../database.js';
import { DomainError } from '../errors.js';
import { bouwDeclaratieantwoord, bouwRetourbericht, type Retouroordeel } from './bouw.js';
import type { BerichtHeader, Heenbericht } from './model.js';
import { BERICHTCODE, RETOUR_OP, type BerichtWet, type Berichtnummer } from './standaard.js';
import { bewaarUitgaandBericht, type UitgaandBericht } from './uitgaand.js';
import { leesXml, OnleesbaarBericht } from './xml.js';
import { pseudonymOf } from '../demo-world/random.js';
import { schrijfVerwerkingen } from '../logboek/schrijf-verwerkingen.js';
import { valideerTegenSchema } from './xsd.js';

/**
 * Receiving one iWmo/iJw 3.2 message (docs/berichten.md "Ontvangen"): read it, check it against the 3.2
 * schema and the header rules, refuse a repeat of its BerichtIdentificatie, let the owning subgraph check
 * and apply its content, and answer with the retour (306/308/316/318) or 325 — all in ONE transaction,
 * so that a message changes everything it should or nothing. The same message again (same text) gets
 * the same answer and changes nothing.
 */

/** What the owning subgraph does with a message whose structure and header are right. */
export interface Berichtverwerker {
  /** The owning subgraph, the prefix of the Logboek activity (`wmo:bericht:305:ontvangen`). */
  readonly subgraph?: string;
  /** The messages this subgraph owns. */
  readonly wetten: readonly BerichtWet[];
  readonly nummers: readonly Berichtnummer[];
  /**
   * Checks the content (codes per class in `oordeel.klassen`, keyed by the parsed class object) and, when
   * nothing is wrong, applies it through `tx`. Must not write when it reports a code other than 0200.
   */
  verwerk(tx: Queryable, bericht: OntvangenBericht): Promise<Berichtverwerking>;
}

export interface Berichtverwerking {
  readonly oordeel: Retouroordeel;
  /** The residents (pseudonyms) the message is about, for its Logboek record; by default those of its Bsn elements. */
  readonly betrokkenen?: readonly string[];
  /** For a 323: the 325 to send now (a 323 has no retour of its own). */
  readonly declaratieantwoord?: Parameters<typeof bouwDeclaratieantwoord>[0]['antwoord'];
  /**
   * Whether anything was applied, for a message answered per part (a 323: some prestaties stored, others
   * rejected). Absent: applied exactly when no code other than 0200/8001 was given.
   */
  readonly geaccepteerd?: boolean;
}

export interface OntvangenBericht {
  readonly header: BerichtHeader & Heenbericht;
  /** The message content with prefixes removed (fast-xml-parser's objects; repeats as arrays). */
  readonly inhoud: Record<string, unknown>;
  /** The deployment's pseudonym secret: a BSN becomes the pseudonym here, at the edge. */
  readonly pseudonymSecret: string;
  /** The date the message is processed ('YYYY-MM-DD'). */
  readonly vandaag: string;
}

export interface OntvangOpties {
  readonly pseudonymSecret: string;
  /** May the caller receive messages for this gemeente and law (its arrangement)? Refused with FORBIDDEN otherwise. */
  readonly magOntvangen: (gemeenteCode: string, wet: BerichtWet, aanbiederAgb: string, nummer: Berichtnummer) => boolean;
  /**
   * Who offers the message, for its Logboek Dataverwerkingen record: taking in a message about a resident is a
   * processing activity (`<subgraph>:bericht:<nummer>:ontvangen`), recorded with the resident's pseudonym in the
   * message's transaction, as a mutation is (docs/berichten.md "Logboek").
   */
  readonly verslag: Ontvangstverslag;
  /** Gemeente codes the deployment knows (retourcode S300 for another); undefined: every four-digit code. */
  readonly bekendeGemeenten?: ReadonlySet<string>;
  readonly vandaag?: string;
  /** The schema result when the caller validated a folder's messages together (`valideerTegenSchema`). */
  readonly schemafouten?: readonly string[];
}

/** The caller's audit record (the folder command records itself: organisatie `berichten:inlezen`). */
export interface Ontvangstverslag {
  /** The subgraph that owns the message: the prefix of the activity (`wmo`, `jeugd`, `inkoop`). */
  readonly subgraph: string;
  readonly traceId: string;
  readonly verzoekId?: string;
  readonly spanId: string;
  readonly organisatie: string;
  readonly rollen: readonly string[];
  readonly actor: string;
}

export interface Ontvangst {
  readonly wet: BerichtWet;
  readonly nummer: Berichtnummer;
  readonly identificatie: string;
  /** Whether the content was applied (no retourcode other than 0200/8001). */
  readonly geaccepteerd: boolean;
  /** True when this exact message was received before: nothing changed, the first answer is returned. */
  readonly herhaald: boolean;
  readonly retourcodes: readonly string[];
  /** The answer, as stored for the sender to collect; none for a 301 of the backlog (our own message, answered by no retour). */
  readonly antwoord?: UitgaandBericht;
}

const ZONDER_OPMERKING = new Set(['0200', '8001']);

/** Reads the header fields every answer needs; a message without them cannot be answered (BAD_USER_INPUT). */
function leesHeader(wet: BerichtWet, nummer: Berichtnummer, bericht: Record<string, unknown>): BerichtHeader & Heenbericht {
  const h = (bericht.Header ?? {}) as Record<string, unknown>;
  const id = (h.BerichtIdentificatie ?? {}) as Record<string, unknown>;
  const xsd = (h.XsdVersie ?? {}) as Record<string, unknown>;
  const tekst = (value: unknown) => (typeof value === 'string' ? value : '');
  const header = {
    wet,
    nummer,
    afzender: tekst(h.Afzender),
    ontvanger: tekst(h.Ontvanger),
    identificatie: tekst(id.Identificatie),
    dagtekening: tekst(id.Dagtekening),
    basisschemaXsdVersie: tekst(xsd.BasisschemaXsdVersie) || '1.0.0',
    berichtXsdVersie: tekst(xsd.BerichtXsdVersie) || '1.0.0',
  };
  // An incoming message goes from an aanbieder (AGB, 8 digits) to a gemeente (4 digits), except the 301 backlog.
  const [aanbieder, gemeente] = nummer === '301' ? [header.ontvanger, header.afzender] : [header.afzender, header.ontvanger];
  if (!/^[0-9]{8}$/.test(aanbieder) || !/^[0-9]{4}$/.test(gemeente) || !/^.{1,20}$/.test(header.identificatie) || !/^\d{4}-\d{2}-\d{2}$/.test(header.dagtekening)) {
    throw new DomainError('Het bericht heeft geen leesbare header (afzender, ontvanger, BerichtIdentificatie): er kan geen retour op.', { code: 'BAD_USER_INPUT' });
  }
  return header;
}

export const gemeenteVan = (h: BerichtHeader): string => (h.nummer === '301' ? h.afzender : h.ontvanger);
export const aanbiederVan = (h: BerichtHeader): string => (h.nummer === '301' ? h.ontvanger : h.afzender);

/** Receives one message for a subgraph (see the module comment). Throws a DomainError (4xx) only when no answer is possible. */
export async function ontvangBericht(db: Database, xml: string, verwerker: Berichtverwerker, opties: OntvangOpties): Promise<Ontvangst> {
  let gelezen;
  try {
    gelezen = leesXml(xml);
  } catch (error) {
    if (error instanceof OnleesbaarBericht) throw new DomainError(error.message, { code: 'BAD_USER_INPUT' });
    throw error;
  }
  const { wet, nummer, bericht } = gelezen;
  if (!verwerker.wetten.includes(wet) || !verwerker.nummers.includes(nummer)) {
    throw new DomainError(`Een ${wet === 'WMO' ? 'iWmo' : 'iJw'} ${nummer} hoort niet bij deze subgraph (zie docs/berichten.md).`, { code: 'BAD_USER_INPUT' });
  }
  const header = leesHeader(wet, nummer, bericht);
  const gemeente = gemeenteVan(header);
  if (!opties.magOntvangen(gemeente, wet, aanbiederVan(header), nummer)) {
    throw new DomainError(`U voert de ${wet === 'WMO' ? 'Wmo' : 'Jeugdwet'} niet uit voor gemeente ${gemeente}: dit bericht kunt u niet aanbieden.`, { code: 'FORBIDDEN' });
  }
  const vandaag = opties.vandaag ?? vandaagInNederland();
  const hash = createHash('sha256').update(xml).digest('hex');
  const schemafouten = opties.schemafouten ?? (await valideerTegenSchema(wet, nummer, [xml]))[0]!;

  return db.transaction(async (tx) => {
    // One message at a time per sender and identificatie: a repeat sent at the same moment waits for the first.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`bericht:${wet}:${nummer}:${header.afzender}:${header.identificatie}`]);
    const [eerder] = await tx.query<{ inhoud_hash: string; geaccepteerd: boolean; retour_id: string | null; retourcodes: string[] | null }>(
      `SELECT inhoud_hash, geaccepteerd, retour_id::text AS retour_id, retourcodes FROM ontvangen_bericht WHERE wet = $1 AND berichtnummer = $2 AND afzender = $3 AND identificatie = $4`,
      [wet, nummer, header.afzender, header.identificatie],
    );
    // A 301 of the backlog is the gemeente's own message: no retour goes out on it, the caller gets its codes.
    const zonderRetour = RETOUR_OP[nummer] === undefined;
    const antwoordOp = async (oordeel: Retouroordeel, client: Record<string, unknown> | undefined, verwerking?: Berichtverwerking, sleutel?: string) =>
      zonderRetour ? undefined : bewaarAntwoord(tx, opties.pseudonymSecret, header, vandaag, oordeel, client, verwerking, sleutel);
    const betrokkenen = bsnPseudoniemen(bericht, opties.pseudonymSecret);
    const leg = (activiteit: string, resultaat: 'geslaagd' | 'mislukt', wie: readonly string[]) => legOntvangstVast(tx, opties.verslag, `${opties.verslag.subgraph}:bericht:${nummer}:${activiteit}`, resultaat, wie);

    if (eerder && eerder.inhoud_hash === hash) {
      await leg('ontvangen:herhaling', eerder.geaccepteerd ? 'geslaagd' : 'mislukt', betrokkenen);
      if (eerder.retour_id === null) {
        return { wet, nummer, identificatie: header.identificatie, geaccepteerd: eerder.geaccepteerd, herhaald: true, retourcodes: eerder.retourcodes ?? [] };
      }
      const { uitgaandBericht } = await import('./uitgaand.js');
      const bestaand = (await uitgaandBericht(tx, opties.pseudonymSecret, eerder.retour_id))!;
      return { wet, nummer, identificatie: header.identificatie, geaccepteerd: eerder.geaccepteerd, herhaald: true, retourcodes: retourcodesIn(bestaand.xml), antwoord: bestaand };
    }
    if (eerder) {
      // Another message under an identificatie already used (retourcode 9056): answered, nothing applied, not recorded as received.
      const antwoord = await antwoordOp({ bericht: ['9056'], klassen: new Map() }, undefined, undefined, `dubbel:${wet}:${nummer}:${header.afzender}:${header.identificatie}:${hash}`);
      await leg('ontvangen', 'mislukt', betrokkenen);
      return { wet, nummer, identificatie: header.identificatie, geaccepteerd: false, herhaald: false, retourcodes: ['9056'], antwoord };
    }

    const berichtcodes: string[] = [];
    if (schemafouten.length > 0) berichtcodes.push('0001');
    else {
      const code = ((bericht.Header ?? {}) as Record<string, unknown>).BerichtCode;
      if (code !== BERICHTCODE[wet][nummer]) berichtcodes.push('0001');
      if (opties.bekendeGemeenten && !opties.bekendeGemeenten.has(gemeente)) berichtcodes.push('S300');
      if (header.dagtekening > vandaag) berichtcodes.push('8848');
    }
    let verwerking: Berichtverwerking | undefined;
    let oordeel: Retouroordeel;
    if (berichtcodes.length > 0) oordeel = { bericht: berichtcodes, klassen: new Map() };
    else {
      verwerking = await verwerker.verwerk(tx, { header, inhoud: bericht, pseudonymSecret: opties.pseudonymSecret, vandaag });
      oordeel = verwerking.oordeel;
    }
    const codes = [...oordeel.bericht, ...[...oordeel.klassen.values()].flat()];
    const geaccepteerd = verwerking?.geaccepteerd ?? codes.every((code) => ZONDER_OPMERKING.has(code));
    const client = berichtcodes.length > 0 ? undefined : (bericht.Client as Record<string, unknown> | undefined);
    const antwoord = await antwoordOp(
      oordeel.bericht.length > 0 ? oordeel : { ...oordeel, bericht: ['0200'] },
      client,
      verwerking,
    );
    const retourcodes = [...new Set(codes.length > 0 ? codes : ['0200'])];
    await tx.query(
      `INSERT INTO ontvangen_bericht (wet, berichtnummer, afzender, identificatie, dagtekening, inhoud_hash, geaccepteerd, retour_id, retourcodes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::bigint, $9::text[])`,
      [wet, nummer, header.afzender, header.identificatie, header.dagtekening, hash, geaccepteerd, antwoord?.id ?? null, antwoord ? null : retourcodes],
    );
    // The processing and its record: one transaction, so neither exists without the other.
    await leg('ontvangen', geaccepteerd ? 'geslaagd' : 'mislukt', verwerking?.betrokkenen ?? betrokkenen);
    return { wet, nummer, identificatie: header.identificatie, geaccepteerd, herhaald: false, retourcodes, antwoord };
  });
}

async function bewaarAntwoord(
  tx: Queryable,
  geheim: string,
  heen: BerichtHeader & Heenbericht,
  vandaag: string,
  oordeel: Retouroordeel,
  client: Record<string, unknown> | undefined,
  verwerking: Berichtverwerking | undefined,
  sleutel?: string,
): Promise<UitgaandBericht> {
  const retour = RETOUR_OP[heen.nummer];
  const gemeente = gemeenteVan(heen);
  const aanbieder = aanbiederVan(heen);
  if (!retour) {
    // A 301 of the backlog is our own message: its "answer" is a record of what was done, kept as a 301 retour-less note is not
    // part of the standard; it gets no outgoing message. Store nothing but still give the caller the codes.
    throw new Error('Een 301 heeft geen retour; de verwerker van 301 roept bewaarAntwoord niet aan.');
  }
  if (retour === '325') {
    return bewaarUitgaandBericht(tx, geheim, {
      wet: heen.wet,
      berichtnummer: '325',
      afzender: gemeente,
      ontvanger: aanbieder,
      gemeenteCode: gemeente,
      aanbiederAgb: aanbieder,
      dagtekening: vandaag,
      sleutel,
      bouw: (identificatie) =>
        bouwDeclaratieantwoord({
          header: { wet: heen.wet, nummer: '325', afzender: gemeente, ontvanger: aanbieder, identificatie, dagtekening: vandaag },
          declaratie: heen,
          retourcodes: oordeel.bericht.length > 0 ? oordeel.bericht : ['0200'],
          antwoord: verwerking?.declaratieantwoord,
        }),
    });
  }
  return bewaarUitgaandBericht(tx, geheim, {
    wet: heen.wet,
    berichtnummer: retour,
    // A retour keeps the heenbericht's header: from the aanbieder to the gemeente.
    afzender: heen.afzender,
    ontvanger: heen.ontvanger,
    gemeenteCode: gemeente,
    aanbiederAgb: aanbieder,
    dagtekening: vandaag,
    sleutel,
    bouw: (identificatie) => bouwRetourbericht({ wet: heen.wet, nummer: retour, heen, identificatie, dagtekening: vandaag, client, oordeel }),
  });
}

/** The pseudonyms of every nine-digit Bsn in a message (a 323 names several clients): the residents it is about. */
function bsnPseudoniemen(bericht: Record<string, unknown>, geheim: string): string[] {
  const gevonden = new Set<string>();
  const zoek = (waarde: unknown, naam: string) => {
    if (Array.isArray(waarde)) for (const item of waarde) zoek(item, naam);
    else if (typeof waarde === 'object' && waarde !== null) for (const [sleutel, kind] of Object.entries(waarde)) zoek(kind, sleutel);
    else if (naam === 'Bsn' && /^[0-9]{9}$/.test(String(waarde))) gevonden.add(pseudonymOf(String(waarde), geheim));
  };
  zoek(bericht, '');
  return [...gevonden];
}

/** The Logboek Dataverwerkingen record of one received message (docs/berichten.md "Logboek"); none when it names no resident. */
async function legOntvangstVast(tx: Queryable, verslag: Ontvangstverslag, activiteit: string, resultaat: 'geslaagd' | 'mislukt', betrokkenen: readonly string[]): Promise<void> {
  if (betrokkenen.length === 0) return;
  await schrijfVerwerkingen(
    { logboekQuery: async (text, params) => void (await tx.query(text, params)) },
    {
      traceId: verslag.traceId,
      verzoekId: verslag.verzoekId,
      spanId: verslag.spanId,
      organisatie: verslag.organisatie,
      rollen: verslag.rollen,
      actor: verslag.actor,
      tijdstip: new Date(),
      resultaat,
      regels: betrokkenen.map((betrokkene) => ({ activiteit, betrokkene, soort: 'inwoner' as const })),
    },
  );
}

/** The distinct retourcodes in an answer, in document order, without 0200 beside other codes (as the first answer gives them). */
export function retourcodesIn(xml: string): string[] {
  const codes = [...new Set([...xml.matchAll(/<[\w]+:RetourCode>([0-9S]{4})</g)].map((match) => match[1]!))];
  return codes.length > 1 ? codes.filter((code) => code !== '0200') : codes;
}
