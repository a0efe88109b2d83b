import type { Queryable } from '../database.js';
import { JW_PRODUCTCATEGORIE, JW_REDEN_BEEINDIGING, WMO_PRODUCTCATEGORIE, WMO_REDEN_BEEINDIGING } from '../codelists.js';
import { isGeldigBsn, Wet } from '../domain.js';
import { pseudonymOf } from '../demo-world/random.js';
import type { Berichtverwerker, OntvangenBericht, Berichtverwerking } from './ontvang.js';
import type { BerichtClient } from './model.js';
import type { BerichtWet } from './standaard.js';
import { ontsleutel, versleutel } from './uitgaand.js';

/**
 * The 305, 307, 315 and 317 of one law, for the subgraph that owns its toewijzingen (wmo or jeugd):
 * the data-quality rules of docs/berichten.md "Checks", then the change, only when no class has a
 * retourcode. Reads the subgraph's own `toewijzing` table (gemeente_code, toewijzingsnummer,
 * inwoner_id, aanbieder_agb, productcategorie, productcode, ingangsdatum, einddatum).
 */
export function zorgverwerker(wet: BerichtWet): Berichtverwerker {
  return {
    wetten: [wet],
    nummers: ['305', '307', '315', '317'],
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
  const gemeente = bericht.header.ontvanger;
  const aanbieder = bericht.header.afzender;
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

  if (nummer === '305' || nummer === '307') {
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
