import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { GatewayConfig } from '../config.js';
import { RedisFallbackCache } from './redis-fallback-cache.js';

/** A client's persisted-operation manifest: document id (hex sha256 of the text) to document text. */
export type Manifest = Readonly<Record<string, string>>;

/**
 * The clients' trusted documents (DESIGN.md "Redis": persisted operations per client): in Redis
 * under `<REDIS_KEY_PREFIX>trusted-documents:<client>:<id>`, so a manifest registered once serves
 * every gateway replica, with every manifest this process registered also kept in process, so
 * that an outage of Redis refuses no trusted document. Without `REDIS_URL` it is in process only.
 */
export interface ManifestStore {
  /** The text of document `id` in `client`'s manifest; undefined when the manifest has no such id. */
  document(client: string, id: string): Promise<string | undefined>;
  /** Adds a manifest's documents for `client` (Redis and in process); returns how many. */
  register(client: string, manifest: Manifest): Promise<number>;
  close(): Promise<void>;
}

/** What comes after `REDIS_KEY_PREFIX` in a manifest's keys. */
export const MANIFEST_KEY_PREFIX = 'trusted-documents:';

/** The key of one document: `<client>:<id>`, after `REDIS_KEY_PREFIX` and `MANIFEST_KEY_PREFIX`. */
export function manifestKey(client: string, id: string): string {
  return `${client}:${id}`;
}

/** Builds the store once at start; `redisUrl` unset keeps it in process. */
export function createManifestStore(config: Pick<GatewayConfig, 'redisUrl' | 'redisKeyPrefix'>): ManifestStore {
  // Unbounded in practice: manifests are small (tens of kB per client) and must not be evicted.
  const memory = new InMemoryLRUCache<string>({ maxSize: 256 * 1024 * 1024 });
  const redis = config.redisUrl
    ? new RedisFallbackCache({ url: config.redisUrl, keyPrefix: `${config.redisKeyPrefix}${MANIFEST_KEY_PREFIX}`, fallback: memory })
    : undefined;
  const key = manifestKey;
  return {
    document: (client, id) => (redis ?? memory).get(key(client, id)),
    register: async (client, manifest) => {
      const entries = Object.entries(manifest);
      for (const [id, document] of entries) {
        await memory.set(key(client, id), document);
        await redis?.set(key(client, id), document);
      }
      return entries.length;
    },
    close: async () => {
      await redis?.close();
      memory.clear();
    },
  };
}

/** Where a client's manifest lies under the manifests folder: `<client>/generated/persisted-documents.json`. */
export const MANIFEST_FILE = join('generated', 'persisted-documents.json');

/**
 * Registers every manifest found under `dir` (`<dir>/<client>/generated/persisted-documents.json`,
 * as `npm run compose` writes them), at the gateway's start. Returns the clients found. A manifest
 * that is not an object of strings stops the start: a broken safelist must not pass unnoticed.
 */
export async function registerManifestsIn(dir: string, store: ManifestStore): Promise<string[]> {
  const folders = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const clients: string[] = [];
  for (const folder of folders.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    const path = join(dir, folder, MANIFEST_FILE);
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    await store.register(folder, parseManifest(text, path));
    clients.push(folder);
  }
  return clients;
}

/** A manifest from its JSON text: an object whose every value is a document text. */
export function parseManifest(text: string, source: string): Manifest {
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !Object.values(parsed).every((value) => typeof value === 'string')) {
    throw new Error(`${source}: not a persisted-operation manifest (an object of document id to document text)`);
  }
  return parsed as Manifest;
}
