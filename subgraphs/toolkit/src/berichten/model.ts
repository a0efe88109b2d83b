import type { BerichtWet, Berichtnummer } from './standaard.js';

/**
 * The parts of the iWmo/iJw 3.2 messages this graph reads and writes, as plain values (dates
 * 'YYYY-MM-DD', money integer eurocent, codes strings with their leading zeros). The XML element
 * names and their order live in bouw.ts and lees.ts only.
 */

/** Header of a message (BerichtIdentificatie: Identificatie, at most 20 characters, and Dagtekening). */
export interface BerichtHeader {
  readonly wet: BerichtWet;
  readonly nummer: Berichtnummer;
  /** A gemeente code (4 digits) or an AGB code (8 digits), as the message's direction has it. */
  readonly afzender: string;
  readonly ontvanger: string;
  readonly identificatie: string;
  readonly dagtekening: string;
}

export interface Product {
  readonly categorie: string;
  /** Absent for an aspecific toewijzing (categorie only). */
  readonly code?: string | null;
}

/** Omvang: Volume per Frequentie (WMO757) in Eenheid (WJ756). */
export interface Omvang {
  readonly volume: number;
  readonly eenheid: string;
  readonly frequentie: string;
}

/** The person part a 301 carries; only the sending gemeente's toegang holds it (docs/berichten.md "BSN"). */
export interface BerichtClient {
  readonly bsn: string;
  readonly geboortedatum: string;
  /** COD046: 0 onbekend, 1 man, 2 vrouw. */
  readonly geslacht: string;
  readonly achternaam: string;
  readonly voorvoegsel?: string | null;
  readonly voorletters?: string | null;
}

/** One ToegewezenProduct of a 301. */
export interface ToegewezenProduct {
  /** LDT_Nummer: an integer 1..999 999 999, unique within gemeente and wet. */
  readonly toewijzingsnummer: number;
  readonly referentieAanbieder?: string | null;
  readonly product?: Product | null;
  readonly toewijzingsdatum: string;
  /** 'HH:MM:SS'. */
  readonly toewijzingstijd: string;
  readonly ingangsdatum: string;
  readonly einddatum?: string | null;
  /** WJ759 RedenWijziging, for a changed or ended toewijzing. */
  readonly redenWijziging?: string | null;
  readonly omvang?: Omvang | null;
  /** Integer eurocent. */
  readonly budget?: number | null;
}

/** A 301 toewijzing: gemeente -> aanbieder. */
export interface Toewijzingbericht {
  readonly header: BerichtHeader;
  readonly client: BerichtClient;
  readonly producten: readonly ToegewezenProduct[];
}

/** A 319 antwoord on a 315 or 317 that is not granted by a 301 (VerzoekAntwoord 1 or 2). */
export interface Antwoordbericht {
  readonly header: BerichtHeader;
  readonly referentieAanbieder: string;
  readonly verzoekAntwoord: '1' | '2';
  /** Required with VerzoekAntwoord 1 (afgewezen). */
  readonly redenAfwijzingVerzoek?: string | null;
}

/** Identification of the message a retour or 325 answers. */
export interface Heenbericht {
  readonly identificatie: string;
  readonly dagtekening: string;
  readonly basisschemaXsdVersie: string;
  readonly berichtXsdVersie: string;
}

export interface BedragMetDC {
  /** Integer eurocent, not negative; the sign is `debetCredit`. */
  readonly bedrag: number;
  readonly debetCredit: 'D' | 'C';
}

/** One Prestatie of a 323 (as received) with the retourcodes the 325 gives it. */
export interface Prestatie {
  readonly productReferentie: string;
  readonly vorigeProductReferentie?: string | null;
  readonly toewijzingsnummer: number;
  readonly productcategorie: string;
  readonly productcode: string;
  readonly productPeriode: { readonly begindatum: string; readonly einddatum: string };
  readonly geleverdVolume: number;
  readonly eenheid: string;
  readonly productTarief?: number | null;
  readonly ingediendBedrag: BedragMetDC;
}

export interface BeoordeeldePrestatie extends Prestatie {
  readonly retourcodes: readonly string[];
}

/** A 325 declaratie-antwoord on a 323. */
export interface Declaratieantwoord {
  readonly header: BerichtHeader;
  readonly declaratie: Heenbericht;
  /** Retourcodes of the whole message (0001 for a rejected message, 0200 otherwise). */
  readonly retourcodes: readonly string[];
  /** Absent when the message itself was rejected (its DeclaratieAntwoord is left out). */
  readonly antwoord?: {
    readonly declaratienummer: string;
    readonly totaalIngediend: BedragMetDC;
    readonly totaalToegekend: BedragMetDC;
    readonly retourcodes: readonly string[];
    /** Only the clients and prestaties that were not fully granted (8001 on the declaratie says all were). */
    readonly clienten: readonly { readonly bsn: string; readonly retourcodes: readonly string[]; readonly prestaties: readonly BeoordeeldePrestatie[] }[];
  };
}
