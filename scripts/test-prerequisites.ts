/**
 * Run by `npm test` before vitest: says in one line each what the suite will use and what is missing, before a
 * ten-minute run fails on it. Chromium is needed by test/graphiql.browser.test.ts only (a warning: the other
 * files run without it); PostgreSQL and Redis are optional, but when DATABASE_URL or REDIS_URL names one that
 * does not answer, the run stops here.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';

const CHROMIUM = '/usr/bin/chromium';

const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, strict: true });
if (values.help) {
  console.log(`usage: tsx scripts/test-prerequisites.ts

Checks what npm test needs: Node 20.19 or later, Chromium at ${CHROMIUM} (for test/graphiql.browser.test.ts),
and the PostgreSQL of DATABASE_URL and the Redis of REDIS_URL when they are set. Exits 1 when a named server
does not answer or Node is too old; a missing Chromium is a warning.`);
  process.exit(0);
}

let failed = false;
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`[npm test] Node ${process.versions.node} is too old: the project needs Node 20.19 or later.`);
  failed = true;
}

if (existsSync(CHROMIUM)) console.log(`[npm test] Chromium: ${CHROMIUM} (for test/graphiql.browser.test.ts)`);
else {
  console.warn(
    `[npm test] Chromium is missing at ${CHROMIUM}: test/graphiql.browser.test.ts will fail. Install it (Debian/Ubuntu: ` +
      `apt-get install -y chromium), or run the tests without the end-to-end files: npm run test:fast.`,
  );
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) console.log('[npm test] PostgreSQL: embedded PGlite (set DATABASE_URL to test against a server as well)');
else {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    console.log(`[npm test] PostgreSQL: ${redact(databaseUrl)}`);
  } catch (error) {
    console.error(`[npm test] DATABASE_URL is set, but PostgreSQL at ${redact(databaseUrl)} does not answer (${message(error)}): start it, or unset DATABASE_URL to use embedded PGlite.`);
    failed = true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.log('[npm test] Redis: in-process cache (set REDIS_URL to test against a server as well)');
else {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 5_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    console.log(`[npm test] Redis: ${redact(redisUrl)}`);
  } catch (error) {
    console.error(`[npm test] REDIS_URL is set, but Redis at ${redact(redisUrl)} does not answer (${message(error)}): start it, or unset REDIS_URL.`);
    failed = true;
  } finally {
    redis.disconnect();
  }
}

process.exit(failed ? 1 : 0);

/** A connection string without its password, for a message. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return '(not a URL)';
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
