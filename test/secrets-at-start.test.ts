import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newInstallationSecrets, secretsAsEnv } from '@sociaal-graph/toolkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Issue 9 item 1, with the processes a deployment runs: outside development the gateway and a
 * subgraph refuse to start without their secrets, or with a value published in the code, and name
 * the variable; nothing is created in DATA_DIR for them.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sociaal-graph-secrets-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs an entry point with only `env` (and PATH) until it exits; its exit code and its log (stdout and stderr). */
function start(entry: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: ROOT,
      // A free port each: should one start after all, it exits on its own (see the kill below).
      env: { PATH: process.env.PATH ?? '', APOLLO_TELEMETRY_DISABLED: '1', DATA_DIR: dataDir, GATEWAY_PORT: '0', WMO_PORT: '0', METRICS_PORT: 'off', DEMO_WORLD: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A process that did start is a failure of this test; it must not outlive it.
    const guard = setTimeout(() => child.kill('SIGTERM'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, stderr });
    });
  });
}

const GATEWAY = 'gateway/src/main.ts';
const WMO = 'subgraphs/wmo/src/index.ts';
const PRODUCTION: Record<string, string>[] = [
  { NODE_ENV: 'production' },
  { AUTH_JWKS_FILE: join(ROOT, 'does-not-matter.json'), AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'sociaal-graph' },
];

describe('outside development, a process without its secrets', () => {
  it.each(PRODUCTION)('exits non-zero naming the variables (%o)', async (production) => {
    const gateway = await start(GATEWAY, production);
    expect(gateway.code).not.toBe(0);
    expect(gateway.stderr).toMatch(/CALLER_ASSERTION_PRIVATE_KEY, ACTOR_PSEUDONYM_SECRET not set/);
    const wmo = await start(WMO, production);
    expect(wmo.code).not.toBe(0);
    expect(wmo.stderr).toMatch(/CALLER_ASSERTION_PUBLIC_KEY, PSEUDONYM_SECRET not set/);
    // Nothing was created for them to fall back on.
    expect(await readdir(dataDir)).toEqual([]);
  }, 120_000);

  it('exits non-zero on a value published in the code, and on a private key given to a subgraph', async () => {
    const secrets = newInstallationSecrets();
    const subgraphEnv = secretsAsEnv({ callerAssertionPublicKey: secrets.callerAssertionPublicKey, pseudonymSecret: secrets.pseudonymSecret });
    const published = await start(WMO, { NODE_ENV: 'production', ...subgraphEnv, PSEUDONYM_SECRET: 'sociaal-graph-ontwikkeling-geheim' });
    expect(published.code).not.toBe(0);
    expect(published.stderr).toMatch(/PSEUDONYM_SECRET is a value published in the source code/);
    const minting = await start(WMO, { NODE_ENV: 'production', ...subgraphEnv, CALLER_ASSERTION_PUBLIC_KEY: JSON.stringify(secrets.callerAssertionPrivateKey) });
    expect(minting.code).not.toBe(0);
    expect(minting.stderr).toMatch(/CALLER_ASSERTION_PUBLIC_KEY must be the public key only/);
    // With its assertion key and pseudonym secret but without the perturbation key of the aggregates.
    const noDisclosureKey = await start(WMO, { NODE_ENV: 'production', ...subgraphEnv });
    expect(noDisclosureKey.code).not.toBe(0);
    expect(noDisclosureKey.stderr).toMatch(/DISCLOSURE_KEY not set/);
  }, 120_000);
});
