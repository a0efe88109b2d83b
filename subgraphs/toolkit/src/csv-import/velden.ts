import { isGeldigBsn } from '../domain.js';
import type { Codelijst } from '../codelists.js';
import { AANTAL_VELDEN_FOUT, type CsvRegel } from './csv.js';

/**
 * Reads the fields of one CSV line into typed values, collecting every problem as a reason in Dutch
 * ("kolom: wat er mis is") instead of stopping at the first, so that one run tells a municipality all
 * that is wrong with a line.
 */
export class Velden {
  readonly redenen: string[] = [];

  constructor(private readonly regel: CsvRegel) {
    const fout = regel.velden[AANTAL_VELDEN_FOUT];
    if (fout) this.redenen.push(`regel heeft ${fout}`);
  }

  private waarde(kolom: string): string {
    return this.regel.velden[kolom] ?? '';
  }

  private fout(kolom: string, tekst: string): null {
    this.redenen.push(`${kolom}: ${tekst}`);
    return null;
  }

  /** A required text, or null (with a reason) when empty or not matching `patroon`. */
  tekst(kolom: string, omschrijving?: { patroon: RegExp; uitleg: string }, verplicht = true): string | null {
    const waarde = this.waarde(kolom);
    if (waarde === '') return verplicht ? this.fout(kolom, 'ontbreekt') : null;
    if (omschrijving && !omschrijving.patroon.test(waarde)) return this.fout(kolom, `"${waarde}" is ${omschrijving.uitleg}`);
    return waarde;
  }

  /** A BSN (nine digits, a leading zero may have been dropped by a spreadsheet) that passes the elfproef. */
  bsn(kolom = 'bsn'): string | null {
    const waarde = this.waarde(kolom);
    if (waarde === '') return this.fout(kolom, 'ontbreekt');
    const bsn = /^\d{8}$/.test(waarde) ? `0${waarde}` : waarde;
    if (!/^\d{9}$/.test(bsn)) return this.fout(kolom, 'is geen BSN (negen cijfers)');
    // The value itself is not repeated in the reason: a report must not spread BSNs.
    if (!isGeldigBsn(bsn)) return this.fout(kolom, 'voldoet niet aan de elfproef');
    return bsn;
  }

  /** A code from a code list; two-digit codes may have lost their leading zero in a spreadsheet. */
  code(kolom: string, lijst: Codelijst, naam: string, verplicht = true): string | null {
    const waarde = this.waarde(kolom);
    if (waarde === '') return verplicht ? this.fout(kolom, 'ontbreekt') : null;
    const code = lijst.has(waarde) ? waarde : lijst.has(waarde.padStart(2, '0')) ? waarde.padStart(2, '0') : null;
    if (code === null) return this.fout(kolom, `"${waarde}" staat niet in ${naam}`);
    return code;
  }

  /** A value from a fixed set, with spellings that mean the same (case ignored). */
  keuze<T extends string>(kolom: string, keuzes: Readonly<Record<string, T>>, verplicht = true): T | null {
    const waarde = this.waarde(kolom);
    if (waarde === '') return verplicht ? this.fout(kolom, 'ontbreekt') : null;
    const gekozen = keuzes[waarde.toUpperCase()];
    if (gekozen === undefined) return this.fout(kolom, `"${waarde}" is niet een van ${[...new Set(Object.values(keuzes))].join(', ')}`);
    return gekozen;
  }

  /**
   * A date as JJJJ-MM-DD, DD-MM-JJJJ (what Dutch exports and spreadsheets write) or JJJJMMDD (the
   * iStandaarden' notation); returned as JJJJ-MM-DD. An impossible date (31-02-2025) is refused.
   */
  datum(kolom: string, verplicht = true): string | null {
    const waarde = this.waarde(kolom);
    if (waarde === '') return verplicht ? this.fout(kolom, 'ontbreekt') : null;
    const delen =
      /^(\d{4})-(\d{2})-(\d{2})$/.exec(waarde)?.slice(1) ??
      /^(\d{2})-(\d{2})-(\d{4})$/.exec(waarde)?.slice(1).reverse() ??
      /^(\d{4})(\d{2})(\d{2})$/.exec(waarde)?.slice(1);
    const iso = delen ? `${delen[0]}-${delen[1]}-${delen[2]}` : null;
    if (!iso || Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) || new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso) {
      return this.fout(kolom, `"${waarde}" is geen datum (JJJJ-MM-DD of DD-MM-JJJJ)`);
    }
    return iso;
  }

  /** A whole number within bounds. */
  geheelGetal(kolom: string, min: number, max: number): number | null {
    const waarde = this.waarde(kolom);
    if (waarde === '') return this.fout(kolom, 'ontbreekt');
    if (!/^-?\d+$/.test(waarde) || Number(waarde) < min || Number(waarde) > max) return this.fout(kolom, `"${waarde}" is geen geheel getal van ${min} tot ${max}`);
    return Number(waarde);
  }

  /** A non-negative number with a decimal comma or point (a delivered volume). */
  getal(kolom: string): number | null {
    const waarde = this.waarde(kolom);
    if (waarde === '') return this.fout(kolom, 'ontbreekt');
    if (!/^\d+([.,]\d+)?$/.test(waarde)) return this.fout(kolom, `"${waarde}" is geen getal van 0 of meer`);
    return Number(waarde.replace(',', '.'));
  }

  /**
   * An amount in euros ("1.234,56", "1234,56", "1234.56", "-12,50") as integer eurocent: money is
   * stored in eurocent everywhere in the graph.
   */
  bedrag(kolom: string): number | null {
    const waarde = this.waarde(kolom).replace(/^€\s*/, '');
    if (waarde === '') return this.fout(kolom, 'ontbreekt');
    const match = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(waarde) ?? /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(waarde);
    if (!match) return this.fout(kolom, `"${waarde}" is geen bedrag in euro's (bijvoorbeeld 1234,56)`);
    const euros = Number(match[2].replaceAll('.', ''));
    const centen = Number((match[3] ?? '0').padEnd(2, '0'));
    return (match[1] === '-' ? -1 : 1) * (euros * 100 + centen);
  }
}
