import { fileURLToPath } from 'node:url';

export * from './gegevensversie.js';

/** The `gegevensversie` table and its trigger function, applied to every subgraph before its own migrations. */
export const GEGEVENSVERSIE_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
