import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataDir } from '../data-dir.js';
import { createLogger } from '../observability/logger.js';
import { isProduction } from '../secrets.js';

/**
 * Cell keys in the style of the ABS TableBuilder (issue 10): every record has a key (the first 32 bits
 * of the MD5 of its id), a cell's key is the sum of the keys of the distinct records in it modulo 2^32,
 * and the noise of a cell is drawn from an HMAC of that key under the installation's secret. So the
 * same set of records always gets the same noise, however the query was phrased, while two cells that
 * differ by a single record get unrelated noise: repeating, averaging or slicing gains nothing.
 */

/** Cell keys live modulo 2^32, so that the sum of two cells' keys is the key of their (disjoint) union. */
export const CELL_KEY_MODULUS = 4_294_967_296;

/**
 * The SQL aggregate of a cell's key over the distinct values of `recordExpression` (an SQL expression,
 * e.g. `t.inwoner_id`): the record key is the first 32 bits of `md5(id)`, summed DISTINCT so that a
 * record counts once however many rows it has. The secret is not in the SQL: the key alone says
 * nothing without it. `filter`: an SQL condition, for a cell that is one FILTER of a group. Returns a float8 in [0, 2^32).
 */
export function cellKeySql(recordExpression: string, filter?: string): string {
  const where = filter === undefined ? '' : ` FILTER (WHERE ${filter})`;
  return `(coalesce(sum(DISTINCT ('x' || substr(md5((${recordExpression})::text), 1, 8))::bit(32)::bigint)${where}, 0) % ${CELL_KEY_MODULUS})::float8`;
}

/** The key of one record, as `cellKeySql` computes it: the first 32 bits of the MD5 of its id. */
export function recordKey(id: string): number {
  return createHash('md5').update(id).digest().readUInt32BE(0);
}

/** The key of a cell over records held in code (e.g. households brought by the gateway), as `cellKeySql` would give it. */
export function cellKeyOf(ids: Iterable<string>): number {
  return combineCellKeys([...new Set(ids)].map(recordKey));
}

/** The key of the union of disjoint cells (e.g. a total computed from its parts). */
export function combineCellKeys(keys: readonly number[]): number {
  return keys.reduce((sum, key) => (sum + key) % CELL_KEY_MODULUS, 0);
}

/** The installation's secret of the perturbation; see `readDisclosureKey`. */
export interface DisclosureKey {
  readonly secret: Buffer;
}

/**
 * Two uniform numbers in [0, 1) for one cell: HMAC-SHA256 of the measure, the cell key and the raw
 * value under the secret. The measure keeps a count and a sum over the same records independent.
 */
export function cellNoise(key: DisclosureKey, measure: string, cellKey: number, value: number): [number, number] {
  const digest = createHmac('sha256', key.secret).update(`${measure}|${cellKey}|${value}`).digest();
  return [digest.readUIntBE(0, 6) / 2 ** 48, digest.readUIntBE(6, 6) / 2 ** 48];
}

let warned = false;

/**
 * The secret of the perturbation, `DISCLOSURE_KEY` (at least 32 characters), shared by every subgraph.
 * Unset, a development key is generated once and kept in `<DATA_DIR>/disclosure-key` (so every subgraph
 * of one installation and every restart perturbs alike), or per process when `DATA_DIR` is `memory`;
 * never a literal in the code, since whoever knows the key can strip the noise. Outside development
 * (`isProduction`) it must be set: the process refuses to start without it.
 */
export function readDisclosureKey(env: Readonly<Record<string, string | undefined>> = process.env): DisclosureKey {
  const configured = env.DISCLOSURE_KEY;
  if (configured !== undefined && configured !== '') {
    if (configured.length < 32) throw new Error('DISCLOSURE_KEY must have at least 32 characters.');
    return { secret: Buffer.from(configured, 'utf8') };
  }
  // Outside development a generated key would differ per replica and restart (so would the noise),
  // and nobody could rotate or keep it: like every installation secret, it must be configured.
  if (isProduction(env)) {
    throw new Error('DISCLOSURE_KEY not set: outside development (NODE_ENV=production or AUTH_JWKS_FILE/AUTH_JWKS_URL set) every secret must be configured');
  }
  if (!warned) {
    warned = true;
    createLogger('sociaal-graph').warn('DISCLOSURE_KEY is not set; using a generated development key (never in production)');
  }
  // The graph's one data folder (`.data/` at the repository root unless DATA_DIR says otherwise).
  const dataRoot = readDataDir(env);
  if (dataRoot === 'memory') return processKey();
  const file = join(dataRoot, 'disclosure-key');
  if (!existsSync(file)) {
    mkdirSync(dataRoot, { recursive: true });
    // 'wx': of two subgraphs starting at once, the second keeps the first one's key.
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return { secret: Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8') };
}

let perProcess: DisclosureKey | undefined;

/** A key generated once per process: in-memory graphs and tests. */
export function processKey(): DisclosureKey {
  perProcess ??= { secret: randomBytes(32) };
  return perProcess;
}
