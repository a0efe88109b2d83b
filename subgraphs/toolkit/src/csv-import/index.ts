export * from './csv.js';
export * from './importeer.js';
export * from './samenvoegen.js';
export * from './soorten.js';
export * from './velden.js';
