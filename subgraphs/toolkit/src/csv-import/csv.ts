import { parse } from 'csv-parse/sync';

/** A whole file that cannot be imported (a missing or unknown column, no header): nothing is read from it. */
export class BestandFout extends Error {
  override readonly name = 'BestandFout';
}

/** One data line of the file: its line number in the file and its fields by (normalized) column name. */
export interface CsvRegel {
  readonly regel: number;
  readonly velden: Readonly<Record<string, string>>;
}

/** Column names compared without case, spaces, hyphens or accents: "Agb-code" and "agb_code" are one column. */
export function kolomnaam(naam: string): string {
  return naam
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Reads a CSV export with csv-parse: a header line, then one record per line. The separator is `;`
 * (what Dutch spreadsheet and municipal exports write) unless the header has none, then `,`. A BOM
 * is dropped, fields are trimmed, blank lines skipped. Columns outside `verplicht` and `optioneel`, or
 * a missing `verplicht` one, refuse the whole file; a line with the wrong number of fields is kept
 * with a marker, so that it is refused with its line number rather than stopping the file.
 */
export function leesCsv(tekst: string, verplicht: readonly string[], optioneel: readonly string[]): CsvRegel[] {
  const eersteRegel = tekst.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (eersteRegel.trim() === '') throw new BestandFout('Het bestand is leeg of begint zonder kopregel met kolomnamen.');
  const delimiter = eersteRegel.includes(';') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(tekst, { bom: true, delimiter, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as never;
  } catch (error) {
    throw new BestandFout(`Het bestand is geen leesbare CSV: ${(error as Error).message}`);
  }
  const [kop, ...data] = records;
  if (!kop) throw new BestandFout('Het bestand is leeg.');
  const kolommen = kop.record.map(kolomnaam);
  const bekend = new Set([...verplicht, ...optioneel]);
  const onbekend = kolommen.filter((naam) => !bekend.has(naam));
  if (onbekend.length > 0) {
    throw new BestandFout(`Onbekende kolom(men): ${onbekend.join(', ')}. Verwacht: ${verplicht.join(';')}${optioneel.length ? ` (optioneel: ${optioneel.join(';')})` : ''}.`);
  }
  const ontbrekend = verplicht.filter((naam) => !kolommen.includes(naam));
  if (ontbrekend.length > 0) throw new BestandFout(`Verplichte kolom(men) ontbreken: ${ontbrekend.join(', ')}.`);
  const dubbel = kolommen.filter((naam, i) => kolommen.indexOf(naam) !== i);
  if (dubbel.length > 0) throw new BestandFout(`Kolom(men) staan dubbel in de kopregel: ${dubbel.join(', ')}.`);
  return data.map(({ record, info }) => {
    const velden: Record<string, string> = {};
    kolommen.forEach((naam, i) => {
      velden[naam] = record[i] ?? '';
    });
    if (record.length !== kolommen.length) velden[AANTAL_VELDEN_FOUT] = `${record.length} velden in plaats van ${kolommen.length}`;
    return { regel: info.lines, velden };
  });
}

/** Marker field of a line whose number of fields differs from the header's. */
export const AANTAL_VELDEN_FOUT = '__aantal_velden';
