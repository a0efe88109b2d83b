import type { Queryable } from '../database.js';
import { JW_PRODUCTCATEGORIE, JW_REDEN_BEEINDIGING, WMO_PRODUCTCATEGORIE, WMO_REDEN_BEEINDIGING } from '../codelists.js';
import { isGeldigBsn, Wet } from '../domain.js';
import { pseudonymOf } from '../demo-world/random.js';
import { REDEN_WIJZIGING } from './codelijsten.js';
import { aanbiederVan, gemeenteVan, type Berichtverwerker, type OntvangenBericht, type Berichtverwerking } from './ontvang.js';
import type { BerichtClient } from './model.js';
import type { BerichtWet } from './standaard.js';
import { ontsleutel, versleutel } from './uitgaand.js';

/**
 * The 305, 307, 315 and 317 of one law, and the gemeente's own 301 of a backlog, for the subgraph that owns its toewijzingen (wmo or jeugd):
 * the data-quality rules of docs/berichten.md "Checks", then the change, only when no class has a
 * retourcode. Reads the subgraph's own `toewijzing` table (gemeente_code, toewijzingsnummer,
 * inwoner_id, aanbieder_agb, productcategorie, productcode, ingangsdatum, einddatum).
 */
export function zorgverwerker(wet: BerichtWet): Berichtverwerker {
  return {
    subgraph: wet === Wet.WMO ? 'wmo' : 'jeugd',
    wetten: [wet],
    nummers: ['301', '305', '307', '315', '317'],
    verwerk: (tx, bericht) => verwerk(tx, wet, bericht),
  };
}

const lijst = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
type Obj = Record<string, unknown>;
const tekst = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

async function verwerk(tx: Queryable, wet: BerichtWet, bericht: OntvangenBericht): Promise<Berichtverwerking> {
  const klassen = new Map<object, string[]>();
  const geef = (klasse: object, code: string) => klassen.set(klasse, [...(klassen.get(klasse) ?? []), code]);
  const client = bericht.inhoud.Client as Obj;
  const gemeente = gemeenteVan(bericht.header);
  const aanbieder = aanbiederVan(bericht.header);
  const bsn = tekst(client.Bsn) ?? '';
  // Rule CS002 (the elfproef) is answered with 0001 on the client.
  if (!isGeldigBsn(bsn)) geef(client, '0001');
  const inwonerId = pseudonymOf(bsn, bericht.pseudonymSecret);
  const categorieen = wet === Wet.WMO ? WMO_PRODUCTCATEGORIE : JW_PRODUCTCATEGORIE;
  const redenen = wet === Wet.WMO ? WMO_REDEN_BEEINDIGING : JW_REDEN_BEEINDIGING;
  const product = (klasse: object, p: unknown) => {
    if (!p) return;
    const { Categorie, Code } = p as Obj;
    if (!categorieen.has(String(Categorie))) geef(klasse, '0001');
    if (tekst(Code) && String(Code).slice(0, 2) !== Categorie) geef(klasse, 'S329');
  };
  const toewijzing = async (nummer: string | undefined) =>
    nummer === undefined
      ? undefined
      : (
          await tx.query<{ inwoner_id: string; aanbieder_agb: string; productcategorie: string; productcode: string | null; ingangsdatum: string; einddatum: string | null }>(
            `SELECT inwoner_id, aanbieder_agb, productcategorie, productcode, ingangsdatum, einddatum FROM toewijzing WHERE gemeente_code = $1 AND toewijzingsnummer = $2`,
            [gemeente, nummer],
          )
        )[0];
  const wijzigingen: ((tx: Queryable) => Promise<unknown>)[] = [];
  const nummer = bericht.header.nummer;

  if (nummer === '301') {
    await toewijzingen301(tx, wet, gemeente, aanbieder, inwonerId, lijst((client.ToegewezenProducten as Obj).ToegewezenProduct as Obj | Obj[]), geef, product, wijzigingen);
  } else if (nummer === '305' || nummer === '307') {
    const stop = nummer === '307';
    const producten = lijst((client[stop ? 'StopProducten' : 'StartProducten'] as Obj)[stop ? 'StopProduct' : 'StartProduct'] as Obj | Obj[]);
    for (const p of producten) {
      const toewijzingsnummer = tekst(p.ToewijzingNummer);
      const t = await toewijzing(toewijzingsnummer);
      // TR019: the message must link to a toewijzing of this client at this aanbieder.
      if (!t || t.inwoner_id !== inwonerId || t.aanbieder_agb !== aanbieder) {
        geef(p, '9019');
        continue;
      }
      product(p, p.Product);
      const begindatum = String(p.Begindatum);
      if (begindatum < t.ingangsdatum || (t.einddatum !== null && begindatum > t.einddatum)) geef(p, '9019');
      const status = String(p.StatusAanlevering);
      const [start] = await tx.query<{ einddatum: string | null }>(
        `SELECT einddatum FROM levering WHERE wet = $1 AND gemeente_code = $2 AND toewijzingsnummer = $3 AND begindatum = $4`,
        [wet, gemeente, toewijzingsnummer, begindatum],
      );
      const sleutel = [wet, gemeente, toewijzingsnummer, begindatum];
      if (!stop) {
        if (status === '1' && start) geef(p, '9074');
        else if ((status === '2' || status === '3') && !start) geef(p, '9069');
        else if (status === '3' && start?.einddatum) geef(p, '9071');
        else if (status === '1')
          wijzigingen.push((q) => q.query(`INSERT INTO levering (wet, gemeente_code, toewijzingsnummer, aanbieder_agb, begindatum, bijgewerkt_op) VALUES ($1, $2, $3, $5, $4, $6)`, [...sleutel, aanbieder, bericht.vandaag]));
        else if (status === '3') wijzigingen.push((q) => q.query(`DELETE FROM levering WHERE wet = $1 AND gemeente_code = $2 AND toewijzingsnummer = $3 AND begindatum = $4`, sleutel));
      } else {
        const einddatum = String(p.Einddatum);
        const reden = String(p.RedenBeeindiging);
        if (!redenen.has(reden)) geef(p, '0001');
        if (!start) geef(p, '9069');
        else if (einddatum < begindatum) geef(p, '9019');
        else if (status === '1' && start.einddatum !== null) geef(p, '9074');
        else if (status === '3')
          wijzigingen.push((q) => q.query(`UPDATE levering SET einddatum = NULL, reden_beeindiging = NULL, bijgewerkt_op = $5 WHERE wet = $1 AND gemeente_code = $2 AND toewijzingsnummer = $3 AND begindatum = $4`, [...sleutel, bericht.vandaag]));
        else
          wijzigingen.push((q) =>
            q.query(`UPDATE levering SET einddatum = $5, reden_beeindiging = $6, bijgewerkt_op = $7 WHERE wet = $1 AND gemeente_code = $2 AND toewijzingsnummer = $3 AND begindatum = $4`, [
              ...sleutel,
              einddatum,
              reden,
              bericht.vandaag,
            ]),
          );
      }
    }
  } else {
    const verzoeken: { klasse: Obj; referentie: string; aanvraag: Obj; reden: string | null }[] = [];
    if (nummer === '315') {
      for (const p of lijst((client.AangevraagdeProducten as Obj).AangevraagdProduct as Obj | Obj[])) {
        product(p, p.Product);
        const eind = tekst(p.ToewijzingEinddatum);
        if (eind && eind < String(p.ToewijzingIngangsdatum)) geef(p, '0001');
        const { Commentaar: _vrijeTekst, ...aanvraag } = p;
        verzoeken.push({ klasse: p, referentie: String(p.ReferentieAanbieder), aanvraag, reden: null });
      }
    } else {
      const v = client.Verzoek as Obj;
      const actueel = async (klasse: Obj, code: string) => {
        const t = await toewijzing(tekst(klasse.ToewijzingNummer));
        if (!t || t.inwoner_id !== inwonerId || t.aanbieder_agb !== aanbieder || (t.einddatum !== null && t.einddatum < bericht.vandaag)) geef(klasse, code);
      };
      for (const p of lijst((v.OngewijzigdeProducten as Obj | undefined)?.OngewijzigdProduct as Obj | Obj[] | undefined)) await actueel(p, '9350');
      for (const p of lijst((v.TeWijzigenProducten as Obj | undefined)?.TeWijzigenProduct as Obj | Obj[] | undefined)) await actueel(p, '9351');
      for (const p of lijst((v.NieuweProducten as Obj | undefined)?.NieuwProduct as Obj | Obj[] | undefined)) product(p, p.Product);
      verzoeken.push({ klasse: v, referentie: String(v.ReferentieAanbieder), aanvraag: { ...v, ReferentieAanbieder: undefined }, reden: String(v.RedenVerzoek) });
    }
    const referenties = new Set<string>();
    for (const v of verzoeken) {
      const [bestaand] = await tx.query(`SELECT 1 FROM verzoek WHERE wet = $1 AND aanbieder_agb = $2 AND referentie_aanbieder = $3`, [wet, aanbieder, v.referentie]);
      if (bestaand || referenties.has(v.referentie)) geef(v.klasse, '9347');
      referenties.add(v.referentie);
      wijzigingen.push((q) =>
        q.query(
          `INSERT INTO verzoek (wet, aanbieder_agb, referentie_aanbieder, gemeente_code, berichtnummer, inwoner_id, ontvangen_op, reden_verzoek, aanvraag) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [wet, aanbieder, v.referentie, gemeente, nummer, inwonerId, bericht.vandaag, v.reden, JSON.stringify(v.aanvraag)],
        ),
      );
    }
  }

  // A failing message changes nothing: the changes run only when no class has a code.
  if (klassen.size === 0) {
    for (const wijziging of wijzigingen) await wijziging(tx);
    if (client.Geboortedatum) await bewaarBerichtclient(tx, bericht.pseudonymSecret, inwonerId, clientVan(client, bsn));
  }
  return { oordeel: { bericht: [], klassen } };
}

/**
 * A 301 of the gemeente's backlog (docs/berichten.md "301 backlog"): each ToegewezenProduct becomes a toewijzing
 * row, or changes the stored one of its number when it carries a RedenWijziging (a later 301 of the same
 * toewijzing). Its number is an LDT_Nummer (an integer of at most nine digits, 0001 otherwise), unique within the
 * gemeente and the law (9332: taken by another toewijzing, or twice in the message).
 */
async function toewijzingen301(
  tx: Queryable,
  wet: BerichtWet,
  gemeente: string,
  aanbieder: string,
  inwonerId: string,
  producten: Obj[],
  geef: (klasse: object, code: string) => void,
  product: (klasse: object, p: unknown) => void,
  wijzigingen: ((tx: Queryable) => Promise<unknown>)[],
): Promise<void> {
  const inBericht = new Set<string>();
  for (const p of producten) {
    const nummer = String(p.ToewijzingNummer ?? '');
    const ingangsdatum = String(p.Ingangsdatum);
    const einddatum = tekst(p.Einddatum) ?? null;
    const reden = tekst(p.RedenWijziging) ?? null;
    const omvang = (p.Omvang ?? null) as Obj | null;
    const categorie = String((p.Product as Obj | undefined)?.Categorie ?? '');
    const code = tekst((p.Product as Obj | undefined)?.Code) ?? null;
    if (!/^(0|[1-9][0-9]{0,8})$/.test(nummer)) geef(p, '0001');
    if (!p.Product) geef(p, '0001');
    product(p, p.Product);
    if (einddatum !== null && einddatum < ingangsdatum) geef(p, '0001');
    if (reden !== null && !REDEN_WIJZIGING.has(reden)) geef(p, '0001');
    // The Wmo table keeps a product code and an omvang for every toewijzing; an aspecific one cannot be stored there.
    if (wet === Wet.WMO && (code === null || omvang === null)) geef(p, '0001');
    if (inBericht.has(nummer)) geef(p, '9332');
    inBericht.add(nummer);
    const [bestaand] = await tx.query<{ inwoner_id: string; aanbieder_agb: string; productcategorie: string }>(
      `SELECT inwoner_id, aanbieder_agb, productcategorie FROM toewijzing WHERE gemeente_code = $1 AND toewijzingsnummer = $2`,
      [gemeente, nummer],
    );
    const waarden = [
      gemeente, nummer, omvang === null ? null : Number(omvang.Volume), omvang === null ? null : String(omvang.Eenheid),
      omvang === null ? null : String(omvang.Frequentie), ingangsdatum, einddatum,
    ];
    if (bestaand) {
      // Only a change of the same toewijzing (same client, aanbieder, categorie, with its reason) may reuse a number.
      if (reden === null || bestaand.inwoner_id !== inwonerId || bestaand.aanbieder_agb !== aanbieder || bestaand.productcategorie !== categorie) geef(p, '9332');
      else
        wijzigingen.push((q) =>
          q.query(
            `UPDATE toewijzing SET volume = coalesce($3, volume), eenheid = coalesce($4, eenheid), frequentie = coalesce($5, frequentie), ingangsdatum = $6, einddatum = $7
             WHERE gemeente_code = $1 AND toewijzingsnummer = $2`,
            waarden,
          ),
        );
    } else {
      wijzigingen.push((q) =>
        q.query(
          `INSERT INTO toewijzing (gemeente_code, toewijzingsnummer, volume, eenheid, frequentie, ingangsdatum, einddatum, inwoner_id, productcategorie, productcode, aanbieder_agb, leveringsvorm)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'ZIN')`,
          [...waarden, inwonerId, categorie, code, aanbieder],
        ),
      );
    }
  }
}

function clientVan(client: Obj, bsn: string): BerichtClient {
  const naam = (client.Naam ?? {}) as Obj;
  const geslachtsnaam = (naam.Geslachtsnaam ?? {}) as Obj;
  return {
    bsn,
    geboortedatum: String((client.Geboortedatum as Obj).Datum),
    geslacht: String(client.Geslacht ?? '0'),
    achternaam: String(geslachtsnaam.Achternaam ?? ''),
    voorvoegsel: tekst(geslachtsnaam.Voorvoegsel) ?? null,
    voorletters: tekst(naam.Voorletters) ?? null,
  };
}

/** Keeps the client part of a message (encrypted) for a later 301 about the same resident. */
export async function bewaarBerichtclient(tx: Queryable, geheim: string, inwonerId: string, client: BerichtClient): Promise<void> {
  await tx.query(
    `INSERT INTO berichtclient (inwoner_id, client_versleuteld) VALUES ($1, $2)
     ON CONFLICT (inwoner_id) DO UPDATE SET client_versleuteld = EXCLUDED.client_versleuteld, bijgewerkt_op = now()`,
    [inwonerId, versleutel(JSON.stringify(client), geheim)],
  );
}

/** The client part last received or sent for a resident, or undefined. */
export async function laatsteClient(q: Queryable, geheim: string, inwonerId: string): Promise<BerichtClient | undefined> {
  const [rij] = await q.query<{ client: Uint8Array }>(`SELECT client_versleuteld AS client FROM berichtclient WHERE inwoner_id = $1`, [inwonerId]);
  return rij ? (JSON.parse(ontsleutel(Buffer.from(rij.client), geheim)) as BerichtClient) : undefined;
}
