import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../auth/token-verifier.js';
import { DEV_AUDIENCE, DEV_ISSUER, loadDevIssuer } from './dev-issuer.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sociaal-graph-dev-issuer-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the development issuer', () => {
  it('creates its key pair once in <dataDir>/dev-issuer/, private key readable by the owner only', async () => {
    const issuer = await loadDevIssuer(dataDir);
    const mode = (await stat(join(dataDir, 'dev-issuer', 'private-key.jwk.json'))).mode & 0o777;
    expect(mode).toBe(0o600);
    const published = JSON.parse(await readFile(join(dataDir, 'dev-issuer', 'jwks.json'), 'utf8'));
    expect(published).toEqual(issuer.jwks);
    expect(JSON.stringify(published)).not.toContain('"d"');
  });

  it('prints a token and nothing else from `npm run -s token`, one the gateway (and AUTH_JWKS_FILE) accepts', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'gateway/src/dev-issuer/main.ts', '--role', 'inkoper', '--org', 'regio-gv'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const fromDataDir = createTokenVerifier({ algorithms: ['ES256'], clockSkewSeconds: 30 }, dataDir);
    expect(await fromDataDir(stdout.trim())).toMatchObject({ org: 'regio-gv', roles: ['inkoper'] });
    const jwksFile = join(dataDir, 'dev-issuer', 'jwks.json');
    const fromFile = createTokenVerifier({ jwksFile, issuer: DEV_ISSUER, audience: DEV_AUDIENCE, algorithms: ['ES256'], clockSkewSeconds: 30 }, 'memory');
    expect(await fromFile(stdout.trim())).toMatchObject({ org: 'regio-gv' });
    const onlyRs256 = createTokenVerifier({ jwksFile, issuer: DEV_ISSUER, audience: DEV_AUDIENCE, algorithms: ['RS256'], clockSkewSeconds: 30 }, 'memory');
    await expect(onlyRs256(stdout.trim())).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
