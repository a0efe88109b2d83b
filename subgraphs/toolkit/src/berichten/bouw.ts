import type { Antwoordbericht, BedragMetDC, BerichtHeader, Declaratieantwoord, Heenbericht, Omvang, Product, Toewijzingbericht } from './model.js';
import { BASISSCHEMA_XSD_VERSIE, BERICHT_SUBVERSIE, BERICHT_VERSIE, BERICHT_XSD_VERSIE, BERICHTCODE, RETOUR_OP, type BerichtWet, type Berichtnummer } from './standaard.js';
import { schrijfBericht, type Element, type Inhoud } from './xml.js';

/**
 * The outgoing messages: 301 toewijzing, 319 antwoord, 325 declaratie-antwoord, and the retours
 * 306/308/316/318. Element names and their order follow the 3.2 schemas (test/berichten/xsd/ holds
 * the schemas the tests check these against, written separately from this code).
 */

function header(h: BerichtHeader): Element {
  return {
    BerichtCode: BERICHTCODE[h.wet][h.nummer],
    BerichtVersie: BERICHT_VERSIE,
    BerichtSubversie: BERICHT_SUBVERSIE,
    Afzender: h.afzender,
    Ontvanger: h.ontvanger,
    BerichtIdentificatie: { 'basis:Identificatie': h.identificatie, 'basis:Dagtekening': h.dagtekening },
    XsdVersie: xsdVersie(BASISSCHEMA_XSD_VERSIE, BERICHT_XSD_VERSIE),
  };
}

const xsdVersie = (basisschema: string, bericht: string): Element => ({ 'basis:BasisschemaXsdVersie': basisschema, 'basis:BerichtXsdVersie': bericht });
const product = (p: Product | null | undefined): Element | undefined => (p ? { 'basis:Categorie': p.categorie, 'basis:Code': p.code ?? undefined } : undefined);
const omvang = (o: Omvang | null | undefined): Element | undefined =>
  o ? { 'basis:Volume': String(o.volume), 'basis:Eenheid': o.eenheid, 'basis:Frequentie': o.frequentie } : undefined;
const bedrag = (b: BedragMetDC): Element => ({ 'basis:Bedrag': String(b.bedrag), 'basis:DebetCredit': b.debetCredit });
const retourcodes = (codes: readonly string[]): Element => ({ RetourCode: [...codes] as unknown as readonly string[] });

/** 301: one client, one or more toegewezen producten. */
export function bouwToewijzingbericht(bericht: Toewijzingbericht): string {
  assertRichting(bericht.header, '301');
  const { client } = bericht;
  return schrijfBericht(bericht.header.wet, '301', {
    Header: header(bericht.header),
    Client: {
      Bsn: client.bsn,
      Geboortedatum: { 'basis:Datum': client.geboortedatum },
      Geslacht: client.geslacht,
      Naam: {
        'basis:Geslachtsnaam': { 'basis:Achternaam': client.achternaam, 'basis:Voorvoegsel': client.voorvoegsel ?? undefined },
        'basis:Voorletters': client.voorletters ?? undefined,
      },
      // Contactgegevens is required: the BRP address kind, without the address itself (the aanbieder
      // gets that from the gemeente's toegang, not through this graph, which keeps no addresses).
      Contactgegevens: { Contact: [{ Soort: '01' }] },
      ToegewezenProducten: {
        ToegewezenProduct: bericht.producten.map((p) => ({
          ToewijzingNummer: String(p.toewijzingsnummer),
          ReferentieAanbieder: p.referentieAanbieder ?? undefined,
          Product: product(p.product),
          Toewijzingsdatum: p.toewijzingsdatum,
          Toewijzingstijd: p.toewijzingstijd,
          Ingangsdatum: p.ingangsdatum,
          Einddatum: p.einddatum ?? undefined,
          RedenWijziging: p.redenWijziging ?? undefined,
          Omvang: omvang(p.omvang),
          Budget: p.budget == null ? undefined : String(p.budget),
        })),
      },
    },
  });
}

/** 319: the answer on a 315/317 that is not a toewijzing. */
export function bouwAntwoordbericht(bericht: Antwoordbericht): string {
  assertRichting(bericht.header, '319');
  if (bericht.verzoekAntwoord === '1' && !bericht.redenAfwijzingVerzoek) throw new Error('Een afgewezen verzoek (319, VerzoekAntwoord 1) heeft een RedenAfwijzingVerzoek.');
  return schrijfBericht(bericht.header.wet, '319', {
    Header: header(bericht.header),
    Antwoord: {
      ReferentieAanbieder: bericht.referentieAanbieder,
      VerzoekAntwoord: bericht.verzoekAntwoord,
      RedenAfwijzingVerzoek: bericht.verzoekAntwoord === '1' ? bericht.redenAfwijzingVerzoek ?? undefined : undefined,
    },
  });
}

/** 325: the answer on a 323, with the retourcodes of every prestatie not fully granted. */
export function bouwDeclaratieantwoord(bericht: Declaratieantwoord): string {
  assertRichting(bericht.header, '325');
  const a = bericht.antwoord;
  return schrijfBericht(bericht.header.wet, '325', {
    Header: {
      ...header(bericht.header),
      DeclaratieIdentificatie: { 'basis:Identificatie': bericht.declaratie.identificatie, 'basis:Dagtekening': bericht.declaratie.dagtekening },
      XsdVersieDeclaratie: xsdVersie(bericht.declaratie.basisschemaXsdVersie, bericht.declaratie.berichtXsdVersie),
      RetourCodes: retourcodes(bericht.retourcodes),
    },
    DeclaratieAntwoord: a
      ? {
          DeclaratieNummer: a.declaratienummer,
          TotaalIngediendBedrag: bedrag(a.totaalIngediend),
          TotaalToegekendBedrag: bedrag(a.totaalToegekend),
          Clienten:
            a.clienten.length === 0
              ? undefined
              : {
                  Client: a.clienten.map((c) => ({
                    Bsn: c.bsn,
                    Prestaties: {
                      Prestatie: c.prestaties.map((p) => ({
                        ProductReferentie: { 'basis:ReferentieNummer': p.productReferentie, 'basis:VorigReferentieNummer': p.vorigeProductReferentie ?? undefined },
                        ToewijzingNummer: String(p.toewijzingsnummer),
                        ProductCategorie: p.productcategorie,
                        ProductCode: p.productcode,
                        ProductPeriode: { 'basis:Begindatum': p.productPeriode.begindatum, 'basis:Einddatum': p.productPeriode.einddatum },
                        GeleverdVolume: String(p.geleverdVolume),
                        Eenheid: p.eenheid,
                        ProductTarief: p.productTarief == null ? undefined : String(p.productTarief),
                        IngediendBedrag: bedrag(p.ingediendBedrag),
                        RetourCodes: retourcodes(p.retourcodes),
                      })),
                    },
                    RetourCodes: retourcodes(c.retourcodes),
                  })),
                },
          RetourCodes: retourcodes(a.retourcodes),
        }
      : undefined,
  });
}

/**
 * The classes of a heenbericht that a retour answers each with its own RetourCodes (the standard's
 * "berichtklassen"); every other nested element is a datatype of the basisschema.
 */
const BERICHTKLASSEN = new Set([
  'Client',
  'StartProduct',
  'StopProduct',
  'AangevraagdProduct',
  'Verzoek',
  'OngewijzigdProduct',
  'TeWijzigenProduct',
  'NieuwProduct',
]);
/** Wrappers of the message's own namespace that hold classes (no RetourCodes of their own). */
const LIJSTEN = new Set(['StartProducten', 'StopProducten', 'AangevraagdeProducten', 'OngewijzigdeProducten', 'TeWijzigenProducten', 'NieuweProducten']);

/** What a retour says: codes on the message, and per class (the parsed object of the class) its codes; a class without codes gets 0200. */
export interface Retouroordeel {
  readonly bericht: readonly string[];
  readonly klassen: ReadonlyMap<object, readonly string[]>;
}

/**
 * 306/308/316/318: the heenbericht returned with RetourCodes on the header and on every class.
 * `client` is the heenbericht's parsed Client (prefixes removed), or undefined when the message
 * could not be read as its structure (then the retour has the header only, as the schema allows).
 */
export function bouwRetourbericht(args: {
  wet: BerichtWet;
  heen: BerichtHeader & Heenbericht;
  nummer: Berichtnummer;
  identificatie: string;
  dagtekening: string;
  client: Record<string, unknown> | undefined;
  oordeel: Retouroordeel;
}): string {
  const retour = RETOUR_OP[args.heen.nummer];
  if (!retour || retour !== args.nummer || retour === '325') throw new Error(`Geen retourbericht ${args.nummer} op een ${args.heen.nummer}.`);
  const klasse = (naam: string, value: Record<string, unknown>): Element => {
    const out: Record<string, Inhoud> = {};
    for (const [key, child] of Object.entries(value)) out[key] = element(key, child);
    if (BERICHTKLASSEN.has(naam)) out.RetourCodes = retourcodes(args.oordeel.klassen.get(value) ?? ['0200']);
    return out;
  };
  const element = (naam: string, value: unknown): Inhoud => {
    if (Array.isArray(value)) return value.map((item) => element(naam, item)) as readonly Element[];
    if (typeof value !== 'object' || value === null) return String(value ?? '');
    const record = value as Record<string, unknown>;
    if (BERICHTKLASSEN.has(naam) || LIJSTEN.has(naam)) return klasse(naam, record);
    return basis(record);
  };
  const basis = (value: Record<string, unknown>): Element => {
    const out: Record<string, Inhoud> = {};
    for (const [key, child] of Object.entries(value)) {
      out[`basis:${key}`] = Array.isArray(child)
        ? (child.map((item) => (typeof item === 'object' && item !== null ? basis(item as Record<string, unknown>) : String(item))) as readonly Element[])
        : typeof child === 'object' && child !== null
          ? basis(child as Record<string, unknown>)
          : String(child ?? '');
    }
    return out;
  };
  const h = args.heen;
  return schrijfBericht(args.wet, retour, {
    Header: {
      BerichtCode: BERICHTCODE[args.wet][retour],
      BerichtVersie: BERICHT_VERSIE,
      BerichtSubversie: BERICHT_SUBVERSIE,
      Afzender: h.afzender,
      Ontvanger: h.ontvanger,
      BerichtIdentificatie: { 'basis:Identificatie': h.identificatie, 'basis:Dagtekening': h.dagtekening },
      XsdVersie: xsdVersie(h.basisschemaXsdVersie, h.berichtXsdVersie),
      IdentificatieRetour: args.identificatie,
      DagtekeningRetour: args.dagtekening,
      XsdVersieRetour: xsdVersie(BASISSCHEMA_XSD_VERSIE, BERICHT_XSD_VERSIE),
      RetourCodes: args.oordeel.bericht.length > 0 ? retourcodes(args.oordeel.bericht) : undefined,
    },
    Client: args.client ? klasse('Client', args.client) : undefined,
  });
}

/** A message of ours goes from a gemeente (4 digits) to an aanbieder (8 digits). */
function assertRichting(h: BerichtHeader, nummer: Berichtnummer): void {
  if (h.nummer !== nummer) throw new Error(`Header van een ${h.nummer} bij een ${nummer}.`);
  if (!/^[0-9]{4}$/.test(h.afzender) || !/^[0-9]{8}$/.test(h.ontvanger)) throw new Error(`Een ${nummer} gaat van een gemeente (4 cijfers) naar een aanbieder (AGB, 8 cijfers).`);
}
