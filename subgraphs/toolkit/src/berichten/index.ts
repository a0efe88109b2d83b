import { fileURLToPath } from 'node:url';

export * from './berichten.resolver.js';
export * from './bouw.js';
export * from './codelijsten.js';
export * from './declaratieverwerker.js';
export * from './model.js';
export * from './ontvang.js';
export * from './standaard.js';
export * from './uitgaand.js';
export * from './verkeer.js';
export * from './xml.js';
export * from './xsd.js';
export * from './zorgverwerker.js';

/** The message-traffic tables, applied to every subgraph with `berichten: true` (wmo, jeugd, inkoop). */
export const BERICHTEN_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
