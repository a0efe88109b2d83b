import { fileURLToPath } from 'node:url';

export * from './mutatie.js';

/** The migrations of the idempotency table, applied to every subgraph with `mutaties: true`. */
export const MUTATIE_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
export * from './toewijzing-mutaties.js';
export * from './verzoek-mutaties.js';
export * from './toewijzing-mutatie.resolver.js';
