import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['subgraphs/*/src/**/*.test.ts', 'gateway/src/**/*.test.ts', 'codegen/src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // type-graphql needs the metadata polyfill before any decorated class loads (index.ts does this in production).
    setupFiles: ['reflect-metadata'],
    pool: 'forks',
    // Two cores: each test file starts PGlite or servers; more workers only thrash.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { APOLLO_TELEMETRY_DISABLED: '1' },
  },
});
