export * from './harness.js';
export * from './scratch-database.js';
