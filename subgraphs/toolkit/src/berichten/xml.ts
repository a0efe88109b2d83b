import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { basisschemaNamespace, berichtNamespace, berichtVanNamespace, prefixen, type BerichtWet, type Berichtnummer } from './standaard.js';

/**
 * XML in and out through fast-xml-parser (a kept, pure-JavaScript parser and builder; pinned in the
 * toolkit's package.json). Values are kept as text (no number parsing: "0406" keeps its zero),
 * entities are not expanded beyond XML's own five, and no DTD is honoured.
 */

/** An element: its children in schema order; a string is a text element, an array repeats it, undefined/null leaves it out. */
export type Element = { readonly [name: string]: Inhoud };
export type Inhoud = string | number | Element | readonly Element[] | readonly string[] | null | undefined;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: false });

/**
 * One message as XML: `root` holds the children of `Bericht` with names without prefix; a name
 * that starts with `basis:` is an element of the basisschema's namespace (the inside of a CDT).
 */
export function schrijfBericht(wet: BerichtWet, nummer: Berichtnummer, root: Element): string {
  const { bericht, basis } = prefixen(wet, nummer);
  const prefixed = (element: Element): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(element)) {
      if (value === undefined || value === null) continue;
      const qualified = name.startsWith('basis:') ? `${basis}:${name.slice(6)}` : `${bericht}:${name}`;
      out[qualified] = convert(value);
    }
    return out;
  };
  const convert = (value: Inhoud): unknown => {
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (Array.isArray(value)) return value.map((item) => convert(item as Inhoud));
    return prefixed(value as Element);
  };
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [`${bericht}:Bericht`]: {
      [`@_xmlns:${bericht}`]: berichtNamespace(wet, nummer),
      [`@_xmlns:${basis}`]: basisschemaNamespace(wet),
      ...prefixed(root),
    },
  };
  return builder.build(document) as string;
}

/** A parsed message: which one, and its content with prefixes removed (every element text or nested object; repeats as arrays). */
export interface GelezenXml {
  readonly wet: BerichtWet;
  readonly nummer: Berichtnummer;
  readonly bericht: Record<string, unknown>;
}

/** Why a text is not a message of this graph's catalogue: the retour cannot even say to whom (no retour, a 4xx). */
export class OnleesbaarBericht extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Parses a message and names it by the namespace of its root `Bericht`; throws OnleesbaarBericht otherwise. */
export function leesXml(xml: string): GelezenXml {
  if (/<!DOCTYPE/i.test(xml)) throw new OnleesbaarBericht('Een bericht met een DOCTYPE wordt niet gelezen.');
  let document: Record<string, unknown>;
  try {
    document = parser.parse(xml, true) as Record<string, unknown>;
  } catch (error) {
    throw new OnleesbaarBericht(`Geen geldige XML: ${(error as Error).message.split('\n')[0]}`);
  }
  const roots = Object.keys(document).filter((key) => !key.startsWith('?') && !key.startsWith('#'));
  if (roots.length !== 1) throw new OnleesbaarBericht('Het document heeft niet precies een wortelelement.');
  const rootName = roots[0]!;
  const [prefix, local] = rootName.includes(':') ? rootName.split(':', 2) as [string, string] : ['', rootName];
  const root = document[rootName];
  if (local !== 'Bericht' || typeof root !== 'object' || root === null) throw new OnleesbaarBericht('Het wortelelement is geen Bericht.');
  const attributes = root as Record<string, unknown>;
  const namespace = attributes[prefix ? `@_xmlns:${prefix}` : '@_xmlns'];
  const soort = typeof namespace === 'string' ? berichtVanNamespace(namespace) : undefined;
  if (!soort) throw new OnleesbaarBericht(`Onbekende namespace van het bericht: ${String(namespace)}`);
  return { ...soort, bericht: ontdoeVanPrefixen(root) as Record<string, unknown> };
}

function ontdoeVanPrefixen(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ontdoeVanPrefixen);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('@_')) continue;
    const local = key.includes(':') ? key.slice(key.indexOf(':') + 1) : key;
    out[local] = ontdoeVanPrefixen(child);
  }
  return out;
}
