import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { readRedisConfig } from '../config.js';
import { MANIFEST_KEY_PREFIX, manifestKey, parseManifest } from './manifest-store.js';

/**
 * `npm run -s register-manifest -- --client <id> --file <persisted-documents.json>`: registers a
 * client's manifest in the gateways' shared manifest store (Redis at `REDIS_URL`, keys under
 * `REDIS_KEY_PREFIX`), where every running gateway finds it at once; for a partner whose operations
 * live in its own repository. Clients of this repository are registered by each gateway at start.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { client: { type: 'string' }, file: { type: 'string' } }, strict: true });
  if (!values.client || !values.file || !/^[a-z0-9][a-z0-9._-]{0,63}$/.test(values.client)) {
    throw new Error('usage: npm run -s register-manifest -- --client <client id> --file <persisted-documents.json>');
  }
  const config = readRedisConfig();
  if (!config.redisUrl) throw new Error('REDIS_URL is not set: without Redis each gateway registers the manifests under TRUSTED_DOCUMENTS_DIR at start');
  const manifest = parseManifest(await readFile(values.file, 'utf8'), values.file);
  // Not the gateway's fallback store: here a Redis that is down must be an error, not a silent miss.
  const redis = new Redis(config.redisUrl, { keyPrefix: `${config.redisKeyPrefix}${MANIFEST_KEY_PREFIX}`, lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const pipeline = redis.pipeline();
    for (const [id, document] of Object.entries(manifest)) pipeline.set(manifestKey(values.client, id), document);
    for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
    console.log(`registered ${Object.keys(manifest).length} operation(s) for client ${values.client}`);
  } finally {
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
