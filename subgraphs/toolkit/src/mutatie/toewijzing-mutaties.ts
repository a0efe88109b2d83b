import { createHash } from 'node:crypto';
import { Field, InputType, Int } from 'type-graphql';
import { Scope } from '../authorization.js';
import { type Codelijst, EENHEID, FREQUENTIE, JW_PRODUCTCATEGORIE, JW_REDEN_BEEINDIGING, WMO_PRODUCTCATEGORIE, WMO_REDEN_BEEINDIGING } from '../codelists.js';
import type { SubgraphContext } from '../context.js';
import type { Queryable } from '../database.js';
import { assertAgbCode, assertDatum, assertGemeentecode, assertInwonerId, Rol, Wet } from '../domain.js';
import { badUserInput, DomainError, notFound } from '../errors.js';
import { bouwToewijzingbericht } from '../berichten/bouw.js';
import { REDEN_WIJZIGING } from '../berichten/codelijsten.js';
import type { BerichtClient } from '../berichten/model.js';
import { bewaarUitgaandBericht } from '../berichten/uitgaand.js';
import { opaqueIdHasher } from '../demo-world/opaque-ids.js';
import { assertSchrijfmandaat, type Schrijfrecht, vandaag, voerMutatieUit, wetNaam } from './mutatie.js';

/**
 * Granting, changing and ending a toewijzing, the same under the Wmo (wmo subgraph) and the Jeugdwet
 * (jeugd subgraph): the input, its checks, the SQL on the `toewijzing` table both subgraphs keep, and
 * the 301 each change leaves for the aanbieder (docs/mutaties.md). Each subgraph adds only its
 * mutation fields and its own return type.
 */

/** Who may beschikken: the consulent and the back office, where their organisation executes (UITVOERING). */
export const BESCHIKKEN: Schrijfrecht = { doel: Scope.TOEWIJZING_BESCHIKKEN, rollen: [Rol.UITVOERING], handeling: 'toewijzingen te beschikken' };

/**
 * The client as the 301 names it (iWmo/iJw Client). The graph keeps no BSN outside toegang: the
 * front-end sends it with every change, it becomes the resident's pseudonym here, at the edge, and it
 * travels on only inside the encrypted 301 (docs/berichten.md).
 */
@InputType('ClientInvoer', { description: 'De cliënt zoals het 301-bericht hem noemt. Persoonsgegevens: alleen als variabele, met POST.' })
export class ClientInvoer {
  @Field(() => String, { description: 'Burgerservicenummer, negen cijfers (elfproef).' })
  bsn!: string;

  @Field(() => String, { description: 'Geboortedatum (JJJJ-MM-DD).' })
  geboortedatum!: string;

  @Field(() => String, { description: 'Geslacht (COD046): 0 onbekend, 1 man, 2 vrouw.' })
  geslacht!: string;

  @Field(() => String, { description: 'Achternaam (geslachtsnaam), ten hoogste 200 tekens.' })
  achternaam!: string;

  @Field(() => String, { nullable: true, description: 'Voorvoegsel ("van der").' })
  voorvoegsel?: string | null;

  @Field(() => String, { nullable: true, description: 'Voorletters ("J.A.").' })
  voorletters?: string | null;
}

/** A new toewijzing, as the front-end sends it (iWmo/iJw 301 ToegewezenProduct). */
@InputType('ToewijzingInvoer', { description: 'Een nieuwe toewijzing (iWmo/iJw 301 ToegewezenProduct) van een gemeente aan een aanbieder voor een inwoner.' })
export class ToewijzingInvoer {
  @Field(() => String, { description: 'CBS-gemeentecode van de toewijzende gemeente ("0417").' })
  gemeenteCode!: string;

  @Field(() => ClientInvoer, { description: 'De cliënt (zijn BSN wordt hier zijn pseudoniem; het 301-bericht draagt hem versleuteld).' })
  client!: ClientInvoer;

  @Field(() => String, { description: 'Productcategorie (Wmo WMO020 01-18, Jeugdwet JZ020).' })
  productcategorie!: string;

  @Field(() => String, { description: 'Productcode; de eerste twee tekens zijn de productcategorie.' })
  productcode!: string;

  @Field(() => String, { description: 'AGB-code van de aanbieder (acht cijfers).' })
  aanbiederAgb!: string;

  @Field(() => String, { description: 'Id van het inkoopcontract (inkoop).' })
  contractId!: string;

  @Field(() => String, { nullable: true, description: 'Id van het product in het contract (inkoop); nodig onder de Wmo.' })
  productId?: string | null;

  @Field(() => String, { description: 'Id van het tarief dat op de ingangsdatum geldt (inkoop).' })
  tariefId!: string;

  @Field(() => Int, { description: 'Aantal eenheden per frequentie (ten minste 1).' })
  volume!: number;

  @Field(() => String, { description: 'Eenheid (WJ756, bijvoorbeeld "04" uur).' })
  eenheid!: string;

  @Field(() => String, { description: 'Frequentie (WMO757, bijvoorbeeld "2" per week).' })
  frequentie!: string;

  @Field(() => String, { description: 'ZIN (zorg in natura) of PGB.' })
  leveringsvorm!: string;

  @Field(() => String, { description: 'Eerste dag (JJJJ-MM-DD).' })
  ingangsdatum!: string;

  @Field(() => String, { nullable: true, description: 'Laatste dag (JJJJ-MM-DD), niet voor de ingangsdatum; leeg als zij doorloopt.' })
  einddatum?: string | null;
}

/** A change of a running toewijzing: its omvang or its einddatum, with the reason (RedenWijziging). */
@InputType('ToewijzingWijziging', { description: 'Een wijziging van een toewijzing: volume of einddatum, met de reden (RedenWijziging).' })
export class ToewijzingWijziging {
  @Field(() => Int, { nullable: true, description: 'Nieuw volume (ten minste 1); leeg: ongewijzigd.' })
  volume?: number | null;

  @Field(() => String, { nullable: true, description: 'Nieuwe einddatum (JJJJ-MM-DD); leeg: ongewijzigd.' })
  einddatum?: string | null;

  @Field(() => String, { description: 'RedenWijziging (WJ759, bijvoorbeeld "04" herbeoordeling: verlenging).' })
  redenWijziging!: string;
}

/** The BSN of the elfproef (iWmo/iJw rule CS002). */
function isBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let som = -Number(bsn[8]);
  for (let i = 0; i < 8; i += 1) som += Number(bsn[i]) * (9 - i);
  return som % 11 === 0;
}

/** Checks the client part; returns it as the 301 takes it, with the resident's pseudonym. */
function geldigeClient(context: SubgraphContext<unknown>, client: ClientInvoer, argument: string): { client: BerichtClient; inwonerId: string } {
  // The refused value is not echoed: it may be a real BSN with a typo.
  if (!isBsn(client.bsn)) throw badUserInput('Het BSN van de cliënt is ongeldig: negen cijfers die aan de elfproef voldoen.', { argument: `${argument}.bsn` });
  const geboortedatum = assertDatum(client.geboortedatum, `${argument}.geboortedatum`);
  if (!['0', '1', '2'].includes(client.geslacht)) throw badUserInput('Het geslacht is 0 (onbekend), 1 (man) of 2 (vrouw).', { argument: `${argument}.geslacht` });
  const tekst = (waarde: string | null | undefined, naam: string, max: number, verplicht = false) => {
    if (waarde == null || waarde === '') {
      if (verplicht) throw badUserInput(`${naam} ontbreekt.`, { argument: `${argument}.${naam}` });
      return null;
    }
    if (waarde.length > max) throw badUserInput(`${naam} is langer dan ${max} tekens.`, { argument: `${argument}.${naam}` });
    return waarde;
  };
  return {
    client: {
      bsn: client.bsn,
      geboortedatum,
      geslacht: client.geslacht,
      achternaam: tekst(client.achternaam, 'achternaam', 200, true)!,
      voorvoegsel: tekst(client.voorvoegsel, 'voorvoegsel', 10),
      voorletters: tekst(client.voorletters, 'voorletters', 6),
    },
    inwonerId: context.pseudoniem(client.bsn),
  };
}

/** What differs between the two laws. */
export interface ToewijzingWet {
  readonly wet: Wet.WMO | Wet.JEUGDWET;
  readonly productcategorieen: Codelijst;
  readonly redenenBeeindiging: Codelijst;
  /** The prefix of the Logboek's activities: `wmo:toewijzing`, `jeugd:toewijzing`. */
  readonly activiteit: string;
  /** Columns of this subgraph's table beyond the common ones, for a new row (wmo: product_id). */
  extraKolommen(invoer: ToewijzingInvoer): Record<string, unknown>;
}

export const WMO_TOEWIJZING: ToewijzingWet = {
  wet: Wet.WMO,
  productcategorieen: WMO_PRODUCTCATEGORIE,
  redenenBeeindiging: WMO_REDEN_BEEINDIGING,
  activiteit: 'wmo:toewijzing',
  extraKolommen: (invoer) => {
    if (invoer.productId == null) throw badUserInput('Een Wmo-toewijzing noemt het product in het contract (productId).', { argument: 'toewijzing.productId' });
    return { product_id: invoer.productId };
  },
};

export const JEUGD_TOEWIJZING: ToewijzingWet = {
  wet: Wet.JEUGDWET,
  productcategorieen: JW_PRODUCTCATEGORIE,
  redenenBeeindiging: JW_REDEN_BEEINDIGING,
  activiteit: 'jeugd:toewijzing',
  extraKolommen: () => ({}),
};

/** The key of a toewijzing a mutation answers with; the subgraph reads the row anew within the caller's scope. */
export interface ToewijzingSleutel {
  readonly gemeenteCode: string;
  readonly toewijzingsnummer: string;
}

const GEMEENSCHAPPELIJK = [
  'gemeente_code', 'toewijzingsnummer', 'inwoner_id', 'productcategorie', 'productcode', 'aanbieder_agb', 'contract_id',
  'tarief_id', 'volume', 'eenheid', 'frequentie', 'leveringsvorm', 'ingangsdatum', 'einddatum',
] as const;

/** Checks a new toewijzing against the code lists and itself; BAD_USER_INPUT naming the field. */
function geldigeInvoer(wet: ToewijzingWet, invoer: ToewijzingInvoer, inwonerId: string) {
  const veld = (naam: string) => `toewijzing.${naam}`;
  const code = (lijst: Codelijst, waarde: string, naam: string, omschrijving: string) => {
    if (!lijst.has(waarde)) throw badUserInput(`"${waarde}" is geen ${omschrijving}.`, { argument: veld(naam) });
    return waarde;
  };
  const ingangsdatum = assertDatum(invoer.ingangsdatum, veld('ingangsdatum'));
  const einddatum = invoer.einddatum == null ? null : assertDatum(invoer.einddatum, veld('einddatum'));
  if (einddatum !== null && einddatum < ingangsdatum) throw badUserInput('De einddatum ligt voor de ingangsdatum.', { argument: veld('einddatum') });
  const productcategorie = code(wet.productcategorieen, invoer.productcategorie, 'productcategorie', `productcategorie van de ${wetNaam(wet.wet)}`);
  if (!/^[0-9A-Z]{2,5}$/.test(invoer.productcode) || !invoer.productcode.startsWith(productcategorie)) {
    throw badUserInput('De productcode begint met de productcategorie (regel S329) en bestaat uit twee tot vijf cijfers of hoofdletters.', { argument: veld('productcode') });
  }
  if (!Number.isInteger(invoer.volume) || invoer.volume < 1 || invoer.volume > 99_999_999) {
    throw badUserInput('Het volume is een geheel getal van ten minste 1.', { argument: veld('volume') });
  }
  if (invoer.leveringsvorm !== 'ZIN' && invoer.leveringsvorm !== 'PGB') throw badUserInput('De leveringsvorm is ZIN of PGB.', { argument: veld('leveringsvorm') });
  const id = (waarde: string, naam: string) => {
    if (!/^[A-Za-z0-9._:-]{1,80}$/.test(waarde)) throw badUserInput(`Ongeldig ${naam}.`, { argument: veld(naam) });
    return waarde;
  };
  return {
    gemeente_code: assertGemeentecode(invoer.gemeenteCode, veld('gemeenteCode')),
    inwoner_id: assertInwonerId(inwonerId, veld('client.bsn')),
    productcategorie,
    productcode: invoer.productcode,
    aanbieder_agb: assertAgbCode(invoer.aanbiederAgb, veld('aanbiederAgb')),
    contract_id: id(invoer.contractId, 'contractId'),
    product_id: invoer.productId == null ? null : id(invoer.productId, 'productId'),
    tarief_id: id(invoer.tariefId, 'tariefId'),
    volume: invoer.volume,
    eenheid: code(EENHEID, invoer.eenheid, 'eenheid', 'eenheid (WJ756)'),
    frequentie: code(FREQUENTIE, invoer.frequentie, 'frequentie', 'frequentie (WMO757)'),
    leveringsvorm: invoer.leveringsvorm,
    ingangsdatum,
    einddatum,
  };
}

/**
 * Grants a toewijzing: a new toewijzingsnummer (nine digits, opaque: `voegToewijzingToe`), the row, and its 301 for the aanbieder, in one transaction.
 */
export async function wijsToewijzingToe(context: SubgraphContext<unknown>, wet: ToewijzingWet, sleutel: string, invoer: ToewijzingInvoer): Promise<ToewijzingSleutel> {
  const { client, inwonerId } = geldigeClient(context, invoer.client, 'toewijzing.client');
  const rij = geldigeInvoer(wet, invoer, inwonerId);
  const extra = wet.extraKolommen(invoer);
  return voerMutatieUit(context, {
    activiteit: `${wet.activiteit}:toewijzen`,
    sleutel,
    // The client's particulars as a hash of their own: the stored hash then holds no BSN.
    invoer: { ...rij, client: clientHash(client) },
    uitvoeren: async (tx, verwerking) => {
      assertSchrijfmandaat(context.principal, BESCHIKKEN, wet.wet, rij.gemeente_code);
      verwerking.betrokkene(rij.inwoner_id);
      const nummer = await voegToewijzingToe(tx, geheimVan(context), { ...Object.fromEntries(GEMEENSCHAPPELIJK.map((kolom) => [kolom, kolom === 'toewijzingsnummer' ? null : rij[kolom]])), ...extra });
      await bericht301(context, tx, wet, rij.gemeente_code, nummer, client, null);
      return { gemeenteCode: rij.gemeente_code, toewijzingsnummer: nummer };
    },
  });
}

/** Changes the volume or einddatum of a toewijzing (with its RedenWijziging) and leaves the new 301. */
export async function wijzigToewijzing(
  context: SubgraphContext<unknown>,
  wet: ToewijzingWet,
  sleutel: string,
  toewijzing: ToewijzingSleutel,
  wijziging: ToewijzingWijziging,
  clientInvoer: ClientInvoer,
): Promise<ToewijzingSleutel> {
  const { client, inwonerId } = geldigeClient(context, clientInvoer, 'client');
  const gemeenteCode = assertGemeentecode(toewijzing.gemeenteCode, 'gemeenteCode');
  const einddatum = wijziging.einddatum == null ? null : assertDatum(wijziging.einddatum, 'wijziging.einddatum');
  if (wijziging.volume != null && (!Number.isInteger(wijziging.volume) || wijziging.volume < 1)) {
    throw badUserInput('Het volume is een geheel getal van ten minste 1.', { argument: 'wijziging.volume' });
  }
  if (wijziging.volume == null && einddatum === null) throw badUserInput('Een wijziging noemt een nieuw volume of een nieuwe einddatum.', { argument: 'wijziging' });
  if (!REDEN_WIJZIGING.has(wijziging.redenWijziging)) throw badUserInput(`"${wijziging.redenWijziging}" is geen RedenWijziging (WJ759).`, { argument: 'wijziging.redenWijziging' });
  return voerMutatieUit(context, {
    activiteit: `${wet.activiteit}:wijzigen`,
    sleutel,
    invoer: { gemeenteCode, toewijzingsnummer: toewijzing.toewijzingsnummer, volume: wijziging.volume ?? null, einddatum, redenWijziging: wijziging.redenWijziging, client: clientHash(client) },
    uitvoeren: async (tx, verwerking) => {
      const huidig = await toewijzingVoorWijziging(tx, context, wet, gemeenteCode, toewijzing.toewijzingsnummer, inwonerId);
      verwerking.betrokkene(huidig.inwonerId);
      if (einddatum !== null && einddatum < huidig.ingangsdatum) throw badUserInput('De einddatum ligt voor de ingangsdatum.', { argument: 'wijziging.einddatum' });
      await tx.query(
        `UPDATE toewijzing SET volume = coalesce($3, volume), einddatum = coalesce($4::date, einddatum)
         WHERE gemeente_code = $1 AND toewijzingsnummer = $2`,
        [gemeenteCode, toewijzing.toewijzingsnummer, wijziging.volume ?? null, einddatum],
      );
      await bericht301(context, tx, wet, gemeenteCode, toewijzing.toewijzingsnummer, client, wijziging.redenWijziging);
      return { gemeenteCode, toewijzingsnummer: toewijzing.toewijzingsnummer };
    },
  });
}

/** Ends a toewijzing on a date with its reden beeindiging, and leaves the 301 that says so. */
export async function beeindigToewijzing(
  context: SubgraphContext<unknown>,
  wet: ToewijzingWet,
  sleutel: string,
  toewijzing: ToewijzingSleutel,
  einde: { einddatum: string; redenBeeindiging: string; redenWijziging: string },
  clientInvoer: ClientInvoer,
): Promise<ToewijzingSleutel> {
  const { client, inwonerId } = geldigeClient(context, clientInvoer, 'client');
  const gemeenteCode = assertGemeentecode(toewijzing.gemeenteCode, 'gemeenteCode');
  const einddatum = assertDatum(einde.einddatum, 'einddatum');
  if (!wet.redenenBeeindiging.has(einde.redenBeeindiging)) {
    throw badUserInput(`"${einde.redenBeeindiging}" is geen reden beëindiging van de ${wetNaam(wet.wet)}.`, { argument: 'redenBeeindiging' });
  }
  if (!REDEN_WIJZIGING.has(einde.redenWijziging)) throw badUserInput(`"${einde.redenWijziging}" is geen RedenWijziging (WJ759).`, { argument: 'redenWijziging' });
  return voerMutatieUit(context, {
    activiteit: `${wet.activiteit}:beeindigen`,
    sleutel,
    invoer: { gemeenteCode, toewijzingsnummer: toewijzing.toewijzingsnummer, ...einde, einddatum, client: clientHash(client) },
    uitvoeren: async (tx, verwerking) => {
      const huidig = await toewijzingVoorWijziging(tx, context, wet, gemeenteCode, toewijzing.toewijzingsnummer, inwonerId);
      verwerking.betrokkene(huidig.inwonerId);
      if (einddatum < huidig.ingangsdatum) throw badUserInput('De einddatum ligt voor de ingangsdatum.', { argument: 'einddatum' });
      if (huidig.redenBeeindiging !== null) throw new DomainError('Deze toewijzing is al beëindigd.', { code: 'BAD_USER_INPUT', details: { argument: 'toewijzingsnummer' } });
      await tx.query(
        `UPDATE toewijzing SET einddatum = $3, reden_beeindiging = $4 WHERE gemeente_code = $1 AND toewijzingsnummer = $2`,
        [gemeenteCode, toewijzing.toewijzingsnummer, einddatum, einde.redenBeeindiging],
      );
      await bericht301(context, tx, wet, gemeenteCode, toewijzing.toewijzingsnummer, client, einde.redenWijziging);
      return { gemeenteCode, toewijzingsnummer: toewijzing.toewijzingsnummer };
    },
  });
}

/**
 * The toewijzing a change is about, locked for the transaction. Absent and outside the mandate
 * answer alike (NOT_FOUND is only for a row the caller could change, so nothing leaks).
 */
async function toewijzingVoorWijziging(tx: Queryable, context: SubgraphContext<unknown>, wet: ToewijzingWet, gemeenteCode: string, nummer: string, inwonerId: string) {
  assertSchrijfmandaat(context.principal, BESCHIKKEN, wet.wet, gemeenteCode);
  const [row] = await tx.query<{ inwonerId: string; ingangsdatum: string; redenBeeindiging: string | null }>(
    `SELECT inwoner_id AS "inwonerId", ingangsdatum, reden_beeindiging AS "redenBeeindiging"
     FROM toewijzing WHERE gemeente_code = $1 AND toewijzingsnummer = $2 FOR UPDATE`,
    [gemeenteCode, nummer],
  );
  if (!row) throw notFound(`Geen toewijzing ${nummer} van gemeente ${gemeenteCode} onder de ${wetNaam(wet.wet)}.`, { argument: 'toewijzingsnummer' });
  // The 301 names the client: it must be this toewijzing's (the message would otherwise go out about someone else).
  if (row.inwonerId !== inwonerId) throw badUserInput('De cliënt is niet die van deze toewijzing.', { argument: 'client.bsn' });
  return row;
}

/**
 * A new row under a new toewijzingsnummer (nine digits, 800000000-999999999): the keyed hash
 * (`opaqueIdHasher`, the installation's PSEUDONYM_SECRET) of the next value of the subgraph's sequence
 * `toewijzingsnummer_volgnummer`, as the demo world's numbers are a keyed hash of the generated ones.
 * The sequence itself never leaves the database: numbered in order, a consulent or aanbieder who saw two
 * of them could read from the gap how many toewijzingen were granted in between that it may not see
 * (issue 10 item 2). A number that is taken already (a collision, or loaded from elsewhere) is skipped,
 * so a grant never fails on it.
 */
export async function voegToewijzingToe(tx: Queryable, geheim: string, kolommen: Record<string, unknown>): Promise<string> {
  const namen = Object.keys(kolommen);
  const waarden = namen.filter((naam) => naam !== 'toewijzingsnummer');
  const nummerVan = opaqueIdHasher(geheim);
  // VALUES, so each parameter takes its column's type; the number is the last parameter.
  const expressies = namen.map((naam) => (naam === 'toewijzingsnummer' ? `$${waarden.length + 1}` : `$${waarden.indexOf(naam) + 1}`));
  for (let poging = 0; poging < 20; poging += 1) {
    const [{ volgnummer }] = (await tx.query<{ volgnummer: string }>(`SELECT nextval('toewijzingsnummer_volgnummer')::text AS volgnummer`)) as [{ volgnummer: string }];
    const nummer = String(800_000_000 + (Number.parseInt(nummerVan('toewijzingsnummer', volgnummer).slice(0, 12), 16) % 200_000_000));
    const [rij] = await tx.query<{ nummer: string }>(
      `INSERT INTO toewijzing (${namen.join(', ')}) VALUES (${expressies.join(', ')})
       ON CONFLICT DO NOTHING RETURNING toewijzingsnummer AS nummer`,
      [...waarden.map((naam) => kolommen[naam]), nummer],
    );
    if (rij) return rij.nummer;
  }
  throw new Error('no free toewijzingsnummer after 20 numbers of the sequence');
}

/** The installation's PSEUDONYM_SECRET, which the outgoing 301 and the toewijzingsnummer both need. */
export function geheimVan(context: SubgraphContext<unknown>): string {
  if (!context.pseudonymSecret) throw new Error('no PSEUDONYM_SECRET for the outgoing-message store');
  return context.pseudonymSecret;
}

/** A hash of the client's particulars, for the idempotency check (never the particulars themselves). */
export function clientHash(client: BerichtClient): string {
  return createHash('sha256').update(JSON.stringify(client)).digest('hex');
}

/**
 * Leaves the 301 of the toewijzing as it now stands in the outgoing-message store (berichten, encrypted),
 * in the mutation's transaction: the aanbieder collects it there.
 */
export async function bericht301(
  context: SubgraphContext<unknown>,
  tx: Queryable,
  wet: ToewijzingWet,
  gemeenteCode: string,
  nummer: string,
  client: BerichtClient,
  redenWijziging: string | null,
  /** The aanbieder's reference when the toewijzing grants its verzoek (315/317). */
  referentieAanbieder: string | null = null,
): Promise<string> {
  const [row] = await tx.query<{
    productcategorie: string; productcode: string | null; aanbiederAgb: string; volume: number | null; eenheid: string | null;
    frequentie: string | null; ingangsdatum: string; einddatum: string | null;
  }>(
    `SELECT productcategorie, productcode, aanbieder_agb AS "aanbiederAgb", volume, eenheid, frequentie, ingangsdatum, einddatum
     FROM toewijzing WHERE gemeente_code = $1 AND toewijzingsnummer = $2`,
    [gemeenteCode, nummer],
  );
  if (!row) throw new Error(`toewijzing ${gemeenteCode}:${nummer} vanished inside its transaction`);
  if (!context.pseudonymSecret) throw new Error('no PSEUDONYM_SECRET for the outgoing-message store');
  // LDT_Nummer: an integer of at most nine digits; a number of another shape cannot go out in a 301.
  if (!/^[0-9]{1,9}$/.test(nummer)) {
    throw badUserInput(`Toewijzing ${nummer} heeft geen toewijzingsnummer van ten hoogste negen cijfers; er kan geen 301-bericht voor worden gemaakt.`, { argument: 'toewijzingsnummer' });
  }
  const dagtekening = vandaag();
  const tijd = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date());
  const bericht = await bewaarUitgaandBericht(tx, context.pseudonymSecret, {
    wet: wet.wet,
    berichtnummer: '301',
    afzender: gemeenteCode,
    ontvanger: row.aanbiederAgb,
    gemeenteCode,
    aanbiederAgb: row.aanbiederAgb,
    dagtekening,
    bouw: (identificatie) =>
      bouwToewijzingbericht({
        header: { wet: wet.wet, nummer: '301', afzender: gemeenteCode, ontvanger: row.aanbiederAgb, identificatie, dagtekening },
        client,
        producten: [
          {
            toewijzingsnummer: Number(nummer),
            referentieAanbieder,
            product: { categorie: row.productcategorie, code: row.productcode },
            toewijzingsdatum: dagtekening,
            toewijzingstijd: tijd,
            ingangsdatum: row.ingangsdatum,
            einddatum: row.einddatum,
            redenWijziging,
            omvang: row.volume === null || row.eenheid === null || row.frequentie === null ? null : { volume: row.volume, eenheid: row.eenheid, frequentie: row.frequentie },
          },
        ],
      }),
  });
  // The message's id as the graph shows it (UitgaandBericht.id): its opaque identificatie.
  return bericht.identificatie;
}
