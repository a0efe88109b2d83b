import 'reflect-metadata';

export * from './build-subgraph.js';
export * from './bulk-insert.js';
export * from './codelists.js';
export * from './config.js';
export * from './context.js';
export * from './database.js';
export * from './demo-loading.js';
export * from './demo-world/world.js';
export * from './domain.js';
export * from './errors.js';
export * from './http.js';
export * from './loaders.js';
export * from './migrations.js';
export * from './paging.js';
export * from './principal.js';
export * from './start-subgraph.js';
export * from './subgraph-definition.js';
