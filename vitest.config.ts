import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['subgraphs/*/src/**/*.test.ts', 'gateway/src/**/*.test.ts', 'codegen/src/**/*.test.ts', 'clients/**/*.test.ts', 'docker/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // type-graphql needs the metadata polyfill before any decorated class loads (index.ts does this in production).
    setupFiles: ['reflect-metadata'],
    // One graph for the end-to-end files (test/), started once per run: see test/global-setup.ts.
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Two cores: each test file starts PGlite or servers; more workers only thrash.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { APOLLO_TELEMETRY_DISABLED: '1' },
    // graphql-inspector's ESM build imports graphql, which Node resolves to its CommonJS build while
    // vite gives test files the ESM one: two graphql-js realms. Inlined, it gets the same as the tests.
    server: { deps: { inline: [/@graphql-inspector\/core/] } },
  },
});
