/**
 * The most items these lists hold: their `@listSize` in the schema, and bounds the database keeps
 * (migrations/004_lijstgrenzen.sql refuses one row more), so that the gateway's cost estimate bounds
 * the real work (issue 11, docs/demand-control.md). The demo world has at most 2, 6 and 5.
 * Raising one means a migration that raises its check too.
 */
export const MAX_PERCELEN_PER_CONTRACT = 3;
export const MAX_PRODUCTEN_PER_PERCEEL = 10;
export const MAX_TARIEVEN_PER_PRODUCT = 6;
