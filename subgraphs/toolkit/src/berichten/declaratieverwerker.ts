import type { Queryable } from '../database.js';
import { JW_PRODUCTCATEGORIE, WMO_PRODUCTCATEGORIE } from '../codelists.js';
import { registreerAanlevering } from '../csv-import/importeer.js';
import { isGeldigBsn, Wet } from '../domain.js';
import { pseudonymOf } from '../demo-world/random.js';
import type { BeoordeeldePrestatie, BedragMetDC, Declaratieantwoord } from './model.js';
import type { Berichtverwerker, Berichtverwerking, OntvangenBericht } from './ontvang.js';
import type { BerichtWet } from './standaard.js';
import { versleutel } from './uitgaand.js';

/**
 * The 323 declaratie of both laws, for the subgraph that owns the declaraties (inkoop): the data-quality
 * rules of docs/berichten.md "Declaraties", then the accepted prestaties stored as `declaratie` rows with
 * status INGEDIEND for the back office to approve or reject (`beoordeelDeclaratie`). A fault in the
 * message as a whole (unknown gemeente S300, a DeclaratieNummer used before 9333, a TotaalIngediendBedrag
 * that is not the sum of its prestaties 0001) rejects it all; a fault in a prestatie or a client rejects
 * that prestatie or that client's prestaties, and the rest is stored, as the standard's 325 answers per
 * prestatie. Reads inkoop's `toewijzingsbericht`, `product`, `tarief`, `contract_gemeente`,
 * `declaratie` and `declaratiebericht`.
 */
export function declaratieverwerker(): Berichtverwerker {
  return {
    subgraph: 'inkoop',
    wetten: [Wet.WMO, Wet.JEUGDWET],
    nummers: ['323'],
    verwerk: (tx, bericht) => verwerk(tx, bericht),
  };
}

type Obj = Record<string, unknown>;
const lijst = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const tekst = (value: unknown): string => (typeof value === 'string' ? value : '');
const bedragMetDC = (value: unknown): BedragMetDC => {
  const b = (value ?? {}) as Obj;
  return { bedrag: Number(tekst(b.Bedrag)), debetCredit: tekst(b.DebetCredit) === 'C' ? 'C' : 'D' };
};
const getekend = (b: BedragMetDC) => (b.debetCredit === 'C' ? -b.bedrag : b.bedrag);
const alsBedrag = (waarde: number): BedragMetDC => ({ bedrag: Math.abs(waarde), debetCredit: waarde < 0 ? 'C' : 'D' });
/** Retourcode 0233: the prestatie passed the rules and waits for the back office (docs/berichten.md). */
export const NIET_BEOORDEELD = '0233';

interface Toegewezen {
  aanbieder_agb: string;
  productcategorie: string;
  productcode: string;
  eenheid: string;
  ingangsdatum: string;
  einddatum: string | null;
  tarief: string | null;
}

async function verwerk(tx: Queryable, bericht: OntvangenBericht): Promise<Berichtverwerking> {
  const wet = bericht.header.wet as BerichtWet;
  const gemeente = bericht.header.ontvanger;
  const aanbieder = bericht.header.afzender;
  const declaratie = bericht.inhoud.Declaratie as Obj;
  const declaratienummer = tekst(declaratie.DeclaratieNummer);
  const periode = declaratie.DeclaratiePeriode as Obj;
  const periodeVan = tekst(periode.Begindatum);
  const periodeTot = tekst(periode.Einddatum);
  const totaal = bedragMetDC(declaratie.TotaalIngediendBedrag);
  const clienten = lijst((declaratie.Clienten as Obj).Client as Obj | Obj[]);
  const categorieen = wet === Wet.WMO ? WMO_PRODUCTCATEGORIE : JW_PRODUCTCATEGORIE;

  // The message as a whole.
  const berichtcodes: string[] = [];
  const [bekend] = await tx.query(`SELECT 1 FROM contract_gemeente WHERE gemeente_code = $1 LIMIT 1`, [gemeente]);
  if (!bekend) berichtcodes.push('S300');
  const [eerder] = await tx.query(`SELECT 1 FROM declaratiebericht WHERE wet = $1 AND aanbieder_agb = $2 AND declaratienummer = $3`, [wet, aanbieder, declaratienummer]);
  if (eerder) berichtcodes.push('9333');
  const som = clienten.flatMap((c) => lijst(((c.Prestaties ?? {}) as Obj).Prestatie as Obj | Obj[])).reduce((s, p) => s + getekend(bedragMetDC(p.IngediendBedrag)), 0);
  if (periodeTot < periodeVan || som !== getekend(totaal)) berichtcodes.push('0001');
  if (berichtcodes.length > 0) return { oordeel: { bericht: berichtcodes, klassen: new Map() }, geaccepteerd: false };

  const klassen = new Map<object, string[]>();
  const geef = (klasse: object, code: string) => klassen.set(klasse, [...new Set([...(klassen.get(klasse) ?? []), code])]);
  const referenties = new Set<string>();
  const beoordeeld: { bsn: string; client: Obj; prestaties: { p: Obj; prestatie: BeoordeeldePrestatie }[] }[] = [];
  const opslaan: ((q: Queryable) => Promise<unknown>)[] = [];

  for (const client of clienten) {
    const bsn = tekst(client.Bsn);
    // Rule CS002 (the elfproef): 0001 on the client; its prestaties are not assessed.
    if (!isGeldigBsn(bsn)) geef(client, '0001');
    const inwonerId = pseudonymOf(bsn, bericht.pseudonymSecret);
    const regels: { p: Obj; prestatie: BeoordeeldePrestatie }[] = [];
    for (const p of lijst((client.Prestaties as Obj).Prestatie as Obj | Obj[])) {
      const referentie = (p.ProductReferentie ?? {}) as Obj;
      const productPeriode = (p.ProductPeriode ?? {}) as Obj;
      const ingediend = bedragMetDC(p.IngediendBedrag);
      const tarief = tekst(p.ProductTarief) === '' ? null : Number(tekst(p.ProductTarief));
      const prestatie = {
        productReferentie: tekst(referentie.ReferentieNummer),
        vorigeProductReferentie: tekst(referentie.VorigReferentieNummer) || null,
        toewijzingsnummer: Number(tekst(p.ToewijzingNummer)),
        productcategorie: tekst(p.ProductCategorie),
        productcode: tekst(p.ProductCode),
        productPeriode: { begindatum: tekst(productPeriode.Begindatum), einddatum: tekst(productPeriode.Einddatum) },
        geleverdVolume: Number(tekst(p.GeleverdVolume)),
        eenheid: tekst(p.Eenheid),
        productTarief: tarief,
        ingediendBedrag: ingediend,
      };
      regels.push({ p, prestatie: { ...prestatie, retourcodes: [] } });
      if (klassen.has(client)) continue;
      const code = (c: string) => geef(p, c);

      // Codes: categorie of the law's list, code in its categorie (S329).
      if (!categorieen.has(prestatie.productcategorie)) code('0001');
      if (prestatie.productcode.slice(0, 2) !== prestatie.productcategorie) code('S329');
      // Periods: the ProductPeriode is a period, inside the DeclaratiePeriode (9319).
      const { begindatum, einddatum } = prestatie.productPeriode;
      if (einddatum < begindatum) code('0001');
      if (begindatum < periodeVan || einddatum > periodeTot) code('9319');
      // Amount: volume x tarief unless the unit is euros (9346).
      if (prestatie.eenheid !== '83' && (tarief === null || prestatie.geleverdVolume * tarief !== ingediend.bedrag)) code('9346');

      // Duplicates: a ProductReferentie once per aanbieder within the law (8021), in this message or before.
      const [bestaand] = await tx.query<{ status: string }>(
        `SELECT status FROM declaratie WHERE wet = $1 AND aanbieder_agb = $2 AND product_referentie = $3`,
        [wet, aanbieder, prestatie.productReferentie],
      );
      const credit = ingediend.debetCredit === 'C';
      if (referenties.has(prestatie.productReferentie)) code('8021');
      referenties.add(prestatie.productReferentie);
      if (credit) {
        // A credit withdraws the debet line of the same ProductReferentie (8017 when there is none).
        if (!bestaand || bestaand.status === 'GECREDITEERD') code(bestaand ? '9390' : '8017');
      } else if (bestaand) code('8021');

      // The toewijzing: known for gemeente and law, of this aanbieder (9338), same product (9339, 9340), unit (9341), dates (9307, 9308).
      const [t] = await tx.query<Toegewezen>(
        `SELECT t.aanbieder_agb, t.productcategorie, t.productcode, t.eenheid, to_char(t.ingangsdatum, 'YYYY-MM-DD') AS ingangsdatum,
                to_char(t.einddatum, 'YYYY-MM-DD') AS einddatum,
                (SELECT g.bedrag::text FROM tarief g JOIN tarief eigen ON eigen.product_id = g.product_id AND eigen.id = t.tarief_id
                  WHERE g.geldig_van <= $4::date AND (g.geldig_tot IS NULL OR g.geldig_tot >= $4::date) ORDER BY g.geldig_van DESC LIMIT 1) AS tarief
           FROM toewijzingsbericht t WHERE t.gemeente_code = $1 AND t.wet = $2 AND t.toewijzingsnummer = $3`,
        [gemeente, wet, String(prestatie.toewijzingsnummer), /^\d{4}-\d{2}-\d{2}$/.test(begindatum) ? begindatum : periodeVan],
      );
      if (!t || t.aanbieder_agb !== aanbieder) {
        code('9338');
      } else {
        if (t.productcategorie !== prestatie.productcategorie) code('9339');
        if (t.productcode !== prestatie.productcode) code('9340');
        if (t.eenheid !== prestatie.eenheid) code('9341');
        if (begindatum < t.ingangsdatum || (t.einddatum !== null && begindatum > t.einddatum)) code('9307');
        if (einddatum < t.ingangsdatum || (t.einddatum !== null && einddatum > t.einddatum)) code('9308');
        // The tariff of the contract for the product on the first day of the period (0611).
        if (tarief !== null && t.tarief !== null && prestatie.eenheid !== '83' && Number(t.tarief) !== tarief) code('0611');
      }
      if (klassen.has(p)) continue;

      if (credit) {
        opslaan.push((q) =>
          q.query(`UPDATE declaratie SET status = 'GECREDITEERD' WHERE wet = $1 AND aanbieder_agb = $2 AND product_referentie = $3`, [wet, aanbieder, prestatie.productReferentie]),
        );
      } else {
        opslaan.push((q) =>
          q.query(
            `INSERT INTO declaratie (id, gemeente_code, wet, toewijzingsnummer, aanbieder_agb, productcategorie, productcode, levering_van, levering_tot,
               geleverd_volume, eenheid, bedrag, ingediend_op, status, declaratienummer, product_referentie, product_tarief, inwoner_id, bsn_versleuteld)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'INGEDIEND', $14, $15, $16, $17, $18)`,
            [
              `${wet === Wet.WMO ? 'W' : 'J'}323-${aanbieder}-${prestatie.productReferentie}`,
              gemeente,
              wet,
              String(prestatie.toewijzingsnummer),
              aanbieder,
              prestatie.productcategorie,
              prestatie.productcode,
              begindatum,
              einddatum,
              prestatie.geleverdVolume,
              prestatie.eenheid,
              ingediend.bedrag,
              tekst(declaratie.DeclaratieDagtekening),
              declaratienummer,
              prestatie.productReferentie,
              tarief,
              inwonerId,
              versleutel(bsn, bericht.pseudonymSecret),
            ],
          ),
        );
      }
    }
    beoordeeld.push({ bsn, client, prestaties: regels });
  }

  // One transaction: the accepted prestaties, the declaratie they belong to and the freshness of the source.
  for (const wijziging of opslaan) await wijziging(tx);
  const aantal = opslaan.length;
  if (aantal > 0) {
    await tx.query(
      `INSERT INTO declaratiebericht (wet, aanbieder_agb, declaratienummer, gemeente_code, identificatie, dagtekening, basisschema_xsd_versie, bericht_xsd_versie, periode_van, periode_tot, totaal_ingediend)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [wet, aanbieder, declaratienummer, gemeente, bericht.header.identificatie, bericht.header.dagtekening, bericht.header.basisschemaXsdVersie, bericht.header.berichtXsdVersie, periodeVan, periodeTot, getekend(totaal)],
    );
    await registreerAanlevering(tx, { gemeente, wet, bron: 'DECLARATIES', kanaal: 'BERICHT', bijgewerktTot: bericht.header.dagtekening, aantal });
  }

  // The 325: every client and prestatie with its codes; a prestatie that passed waits for the back office (0233).
  const clientenAntwoord = beoordeeld.map(({ bsn, client, prestaties }) => ({
    bsn,
    retourcodes: klassen.get(client) ?? ['0200'],
    prestaties: prestaties.map(({ p, prestatie }) => ({ ...prestatie, retourcodes: klassen.get(client) ? [NIET_BEOORDEELD] : klassen.get(p) ?? [NIET_BEOORDEELD] })),
  }));
  const antwoord: Declaratieantwoord['antwoord'] = {
    declaratienummer,
    totaalIngediend: totaal,
    totaalToegekend: alsBedrag(0),
    retourcodes: ['0200'],
    clienten: clientenAntwoord,
  };
  // The codes the caller sees, in the 325's order: per prestatie, then its client's.
  const oordeelKlassen = new Map<object, readonly string[]>();
  beoordeeld.forEach(({ client, prestaties }, i) => {
    prestaties.forEach(({ p }, j) => oordeelKlassen.set(p, clientenAntwoord[i]!.prestaties[j]!.retourcodes));
    if (klassen.has(client)) oordeelKlassen.set(client, klassen.get(client)!);
  });
  return { oordeel: { bericht: [], klassen: oordeelKlassen }, declaratieantwoord: antwoord, geaccepteerd: aantal > 0 };
}
