import { fileURLToPath } from 'node:url';

export * from './lees-logboek.js';
export * from './logboek.js';
export * from './logboek-deel.resolver.js';
export * from './logboek-plugin.js';
export * from './schrijf-verwerkingen.js';
export * from './verwerking.type.js';

/** The migrations of the log tables, applied to every subgraph with `logboek: true`. */
export const LOGBOEK_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
