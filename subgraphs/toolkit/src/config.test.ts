import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSubgraphConfig } from './config.js';
import { readDataDir } from './data-dir.js';
import { REPO_ROOT } from './subgraph-list.js';
import { newInstallationSecrets, secretsAsEnv } from './secrets.js';

// Given, as a deployment gives them, so that the test writes nothing into the repository's .data/secrets.
const { callerAssertionPublicKey, pseudonymSecret } = newInstallationSecrets();
const SECRETS = secretsAsEnv({ callerAssertionPublicKey, pseudonymSecret });

describe('one data folder for the whole graph', () => {
  it('defaults to .data/ at the repository root, whatever the working folder (npm run start -w runs in subgraphs/<name>/)', () => {
    expect(existsSync(join(REPO_ROOT, 'package.json'))).toBe(true);
    expect(existsSync(join(REPO_ROOT, 'supergraph.graphql'))).toBe(true);
    expect(readDataDir({})).toBe(join(REPO_ROOT, '.data'));
    expect(readSubgraphConfig('wmo', 4003, SECRETS).dataDir).toBe(join(REPO_ROOT, '.data', 'wmo'));
  });

  it('counts a relative DATA_DIR from where the command was typed (INIT_CWD), keeps absolute and memory', () => {
    expect(readDataDir({ DATA_DIR: 'elders', INIT_CWD: '/srv/graph' })).toBe('/srv/graph/elders');
    expect(readDataDir({ DATA_DIR: '/data' })).toBe('/data');
    expect(readDataDir({ DATA_DIR: 'memory' })).toBe('memory');
    expect(readSubgraphConfig('wmo', 4003, { ...SECRETS, DATA_DIR: 'memory' }).dataDir).toBeUndefined();
  });
});
