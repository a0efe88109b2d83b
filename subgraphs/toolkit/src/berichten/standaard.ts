import { Wet } from '../domain.js';

/**
 * The iWmo/iJw 3.2 message catalogue as this graph uses it (docs/berichten.md): the message numbers,
 * their Vektis BerichtCode per law (COD002), the XML namespaces and the version fields every header
 * carries. Only the Wmo and the Jeugdwet have this traffic.
 */
export type BerichtWet = Wet.WMO | Wet.JEUGDWET;

/** The messages of the 3.2 release that this graph reads or writes. */
export type Berichtnummer = '301' | '305' | '306' | '307' | '308' | '315' | '316' | '317' | '318' | '319' | '323' | '325';

export const BERICHTNUMMERS: readonly Berichtnummer[] = ['301', '305', '306', '307', '308', '315', '316', '317', '318', '319', '323', '325'];

/** COD002 BerichtCode: the same message has a different code under each law. */
export const BERICHTCODE: Readonly<Record<BerichtWet, Readonly<Record<Berichtnummer, string>>>> = {
  [Wet.WMO]: { '301': '414', '305': '418', '306': '419', '307': '420', '308': '421', '315': '444', '316': '445', '317': '480', '318': '481', '319': '482', '323': '484', '325': '485' },
  [Wet.JEUGDWET]: { '301': '436', '305': '438', '306': '439', '307': '440', '308': '441', '315': '446', '316': '447', '317': '486', '318': '487', '319': '488', '323': '490', '325': '491' },
};

/** The retour that answers an incoming message (the 323 is answered by the 325, not by a retour of its own). */
export const RETOUR_OP: Readonly<Partial<Record<Berichtnummer, Berichtnummer>>> = {
  '305': '306',
  '307': '308',
  '315': '316',
  '317': '318',
  '323': '325',
};

/** Release 3.2: BerichtVersie 3, BerichtSubversie 2 (in force since 3 April 2023). */
export const BERICHT_VERSIE = '3';
export const BERICHT_SUBVERSIE = '2';
/** The XsdVersie a message of ours names: the versions of the schemas in test/berichten/xsd/. */
export const BASISSCHEMA_XSD_VERSIE = '1.0.0';
export const BERICHT_XSD_VERSIE = '1.0.0';

const STANDAARD: Readonly<Record<BerichtWet, { readonly standaard: string; readonly basisPrefix: string; readonly berichtPrefix: string }>> = {
  [Wet.WMO]: { standaard: 'iwmo', basisPrefix: 'iwmo', berichtPrefix: 'wmo' },
  [Wet.JEUGDWET]: { standaard: 'ijw', basisPrefix: 'ijw', berichtPrefix: 'jw' },
};

/** `http://www.istandaarden.nl/iwmo/3_2/wmo301/schema` and the like. */
export function berichtNamespace(wet: BerichtWet, nummer: Berichtnummer): string {
  const { standaard, berichtPrefix } = STANDAARD[wet];
  return `http://www.istandaarden.nl/${standaard}/3_2/${berichtPrefix}${nummer}/schema`;
}

/** `http://www.istandaarden.nl/iwmo/3_2/basisschema/schema` and the like. */
export function basisschemaNamespace(wet: BerichtWet): string {
  return `http://www.istandaarden.nl/${STANDAARD[wet].standaard}/3_2/basisschema/schema`;
}

/** The prefixes our XML uses: `wmo301`/`iwmo`, `jw301`/`ijw` (any prefix is valid XML; these are the customary ones). */
export function prefixen(wet: BerichtWet, nummer: Berichtnummer): { readonly bericht: string; readonly basis: string } {
  const { basisPrefix, berichtPrefix } = STANDAARD[wet];
  return { bericht: `${berichtPrefix}${nummer}`, basis: basisPrefix };
}

/** Which law and message a namespace names; undefined for any other namespace. */
export function berichtVanNamespace(namespace: string): { wet: BerichtWet; nummer: Berichtnummer } | undefined {
  const match = /^http:\/\/www\.istandaarden\.nl\/(iwmo|ijw)\/3_2\/(wmo|jw)(\d{3})\/schema$/.exec(namespace);
  if (!match) return undefined;
  const wet = match[1] === 'iwmo' ? Wet.WMO : Wet.JEUGDWET;
  if ((wet === Wet.WMO) !== (match[2] === 'wmo')) return undefined;
  const nummer = match[3] as Berichtnummer;
  return BERICHTNUMMERS.includes(nummer) ? { wet, nummer } : undefined;
}
