import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { basisschemaNamespace, berichtNamespace, type BerichtWet, type Berichtnummer } from './standaard.js';

/**
 * The 3.2 structure check: libxml2's schema validation (xmllint-wasm, pinned; a kept validator
 * rather than hand-written checks) against the schemas in ./xsd/, written here from the public
 * structure summaries. The same schemas check what we receive (a failure is retourcode 0001) and,
 * in the tests, what we send: a validator that is not the code that builds the messages.
 */
const xsdMap = new URL('./xsd/', import.meta.url);
const bestand = (naam: string): string => readFileSync(new URL(naam, xsdMap), 'utf8');

const schemas = new Map<string, { schema: string; basis: string }>();
function schemaVan(wet: BerichtWet, nummer: Berichtnummer): { schema: string; basis: string } {
  const key = `${wet}|${nummer}`;
  let found = schemas.get(key);
  if (!found) {
    const vul = (text: string) => text.replaceAll('__NS__', berichtNamespace(wet, nummer)).replaceAll('__BASIS__', basisschemaNamespace(wet));
    found = { schema: vul(bestand(`${nummer}.xsd`)), basis: vul(bestand('basisschema.xsd')) };
    schemas.set(key, found);
  }
  return found;
}

/**
 * Validates messages of one kind against their schema in one run of xmllint (a run costs a worker
 * thread; a folder validates its messages of a kind together). Returns per message its errors
 * (empty when valid), in the order given.
 */
export async function valideerTegenSchema(wet: BerichtWet, nummer: Berichtnummer, xmls: readonly string[]): Promise<string[][]> {
  if (xmls.length === 0) return [];
  const { schema, basis } = schemaVan(wet, nummer);
  const namen = xmls.map((_, i) => `bericht-${i}.xml`);
  const result = await validateXML({
    xml: xmls.map((contents, i) => ({ fileName: namen[i]!, contents })),
    schema: [{ fileName: `${nummer}.xsd`, contents: schema }],
    preload: [{ fileName: 'basisschema.xsd', contents: basis }],
    // Large folders: room beyond the default 32 MiB.
    maxMemoryPages: 16384,
  });
  const perBericht = namen.map(() => [] as string[]);
  for (const error of result.errors) {
    const message = error.message.trim();
    // xmllint's closing line "bericht-7.xml fails to validate" has no location: it belongs to the file it names, not to every file.
    const index = namen.indexOf(error.loc?.fileName ?? /^(bericht-\d+\.xml) fails to validate/.exec(message)?.[1] ?? '');
    if (index >= 0) perBericht[index]!.push(message);
    else for (const list of perBericht) list.push(message);
  }
  return perBericht;
}
