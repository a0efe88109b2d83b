import { createHash } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { Redis } from 'ioredis';
import { createLogger } from '../observability/logger.js';

/**
 * The bound on how many distinct cells one caller may ask per period (issue 10, query-set restriction).
 * The bound per request (`MAX_CELLS_PER_REQUEST`) is dodged by asking one gemeente per request; this
 * one counts the distinct cells a caller (organisation and actor, as the gateway's assertion vouches
 * for them) was published in a UTC calendar day, over every aggregate of every subgraph. A cell is
 * its measure and its cell key (the records in it): asking the same cell again costs nothing, so
 * repeating, paging and refreshing a dashboard stay free, while a sweep of slices (each gemeente, each
 * aanbieder, each month apart) adds up. In Redis when `REDIS_URL` is set (one count over every
 * subgraph and replica); otherwise in this process (every subgraph running in it shares the count).
 */

/** `DISCLOSURE_CELLS_PER_DAY` unset: enough for an analist's day in GraphiQL (a national table of every gemeente is some thousands of cells). */
export const DEFAULT_CELLS_PER_DAY = 250_000;

/** The environment that lifts the bound, for test graphs that ask many slices on purpose (the bound has tests of its own). */
export const DISCLOSURE_BUDGET_OFF_ENV: Readonly<Record<string, string>> = { DISCLOSURE_CELLS_PER_DAY: String(1_000_000_000) };

/** `DISCLOSURE_CELLS_PER_DAY`: distinct cells per caller per UTC day, a whole number of at least 1. */
export function readCellsPerDay(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.DISCLOSURE_CELLS_PER_DAY;
  if (raw === undefined || raw === '') return DEFAULT_CELLS_PER_DAY;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`DISCLOSURE_CELLS_PER_DAY must be a whole number of at least 1, got "${raw}"`);
  return value;
}

/** What charging a request's cells gave: allowed (and counted) or refused (and not counted). */
export interface BudgetAnswer {
  readonly allowed: boolean;
  /** Distinct cells of the caller this period, after this request when allowed. */
  readonly used: number;
  /** Cells of this request the caller had not been published before this period. */
  readonly nieuw: number;
  readonly max: number;
}

export interface CellBudget {
  /** Counts `cells` (ids from `cellId`) for `caller`, unless that takes it past the bound: then none is counted. */
  charge(caller: string, cells: readonly string[], now?: Date): Promise<BudgetAnswer>;
  close(): Promise<void>;
}

/** The id of one cell in the budget: a short hash of its measure and cell key (it says nothing about the records). */
export function cellId(measure: string, key: number): string {
  return createHash('sha256').update(`${measure}|${key}`).digest('base64url').slice(0, 16);
}

/** The caller as the budget counts it: organisation and actor (the gateway's pseudonym of the person). */
export function budgetCaller(principal: { organisatie: string; actor?: string }): string {
  return `${principal.organisatie}|${principal.actor ?? 'onbekend'}`;
}

/** The period a moment falls in: its UTC calendar day. */
export function budgetPeriod(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The error that replaces a response past the bound (HTTP 429 at the gateway). */
export function budgetError(answer: BudgetAnswer): GraphQLFormattedError {
  return {
    message:
      `Het dagbudget voor stuurinformatie is op: deze vraag zou ${answer.nieuw} nieuwe cellen tonen, u heeft er vandaag al ${answer.used} ` +
      `van ten hoogste ${answer.max} gezien. Dezelfde cellen opnieuw vragen kan wel; probeer het morgen (UTC) opnieuw of vraag minder indelingen.`,
    extensions: { code: 'DISCLOSURE_BUDGET_EXCEEDED', sociaalGraph: { maxCellenPerDag: answer.max, gebruikt: answer.used, nieuw: answer.nieuw } },
  };
}

export interface CellBudgetOptions {
  readonly max: number;
  /** `REDIS_URL`; unset: in this process. */
  readonly redisUrl?: string;
  /** `REDIS_KEY_PREFIX`. */
  readonly keyPrefix?: string;
}

/** The budget in Redis when `redisUrl` is set, else in this process. */
export async function createCellBudget(options: CellBudgetOptions): Promise<CellBudget> {
  const memory = processBudget(options.max);
  if (!options.redisUrl) return memory;
  return redisBudget(options.redisUrl, `${options.keyPrefix ?? 'sociaal-graph:'}cellen:`, options.max, memory);
}

/** Sets of cell ids per period and caller; one per bound per process, so every subgraph in a process shares it. */
const processStores = new Map<number, Map<string, Set<string>>>();

function processBudget(max: number): CellBudget {
  let store = processStores.get(max);
  if (!store) {
    store = new Map();
    processStores.set(max, store);
  }
  const sets = store;
  return {
    charge: async (caller, cells, now = new Date()) => {
      const period = budgetPeriod(now);
      // Yesterday's counts are of no use any more.
      for (const key of sets.keys()) if (!key.startsWith(`${period}|`)) sets.delete(key);
      const key = `${period}|${caller}`;
      const seen = sets.get(key) ?? new Set<string>();
      const nieuw = new Set(cells.filter((cell) => !seen.has(cell))).size;
      if (seen.size + nieuw > max) return { allowed: false, used: seen.size, nieuw, max };
      for (const cell of cells) seen.add(cell);
      sets.set(key, seen);
      return { allowed: true, used: seen.size, nieuw, max };
    },
    close: async () => undefined,
  };
}

/**
 * Checks and adds in one step on the server, so two requests of one caller at once cannot both slip
 * under the bound: counts the ids not yet in the set, refuses without adding when the total would pass
 * the bound, else adds them and keeps the set two days. One SISMEMBER per id, not SMISMEMBER with all
 * ids unpacked: Lua's unpack stops at a few thousand arguments, and a request may carry 20,000 cells.
 */
const CHARGE_SCRIPT = `
local key = KEYS[1]
local max = tonumber(ARGV[1])
local nieuw = 0
for i = 3, #ARGV do
  if redis.call('SISMEMBER', key, ARGV[i]) == 0 then nieuw = nieuw + 1 end
end
local used = redis.call('SCARD', key)
if used + nieuw > max then return {0, used, nieuw} end
for i = 3, #ARGV do redis.call('SADD', key, ARGV[i]) end
redis.call('EXPIRE', key, tonumber(ARGV[2]))
return {1, used + nieuw, nieuw}
`;

const TWO_DAYS_SECONDS = 2 * 24 * 3600;

/**
 * In Redis: one set per period and caller (the caller hashed: the key names no organisation or person).
 * While Redis is unreachable the process counts alone, with a warning: a weaker bound (per process)
 * rather than refusing every aggregate, since the other rules protect each answer on their own.
 */
async function redisBudget(url: string, prefix: string, max: number, fallback: CellBudget): Promise<CellBudget> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 2000,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5000),
  });
  const logger = createLogger('disclosure-budget');
  let warned = false;
  const warn = (error: unknown) => {
    if (!warned) logger.warn({ err: error }, 'Redis unavailable: the bound of cells per caller is counted in this process until it is back');
    warned = true;
  };
  redis.on('error', warn);
  redis.on('ready', () => {
    warned = false;
  });
  await redis.connect().catch(() => undefined);
  return {
    charge: async (caller, cells, now = new Date()) => {
      const ids = [...new Set(cells)];
      if (redis.status !== 'ready') return fallback.charge(caller, ids, now);
      const who = createHash('sha256').update(caller).digest('base64url').slice(0, 22);
      try {
        // The arguments as one array: spread into a call, tens of thousands of ids overflow the stack.
        const args = [CHARGE_SCRIPT, 1, `${prefix}${budgetPeriod(now)}:${who}`, max, TWO_DAYS_SECONDS, ...ids];
        const [allowed, used, nieuw] = (await redis.call('EVAL', args)) as [number, number, number];
        return { allowed: allowed === 1, used, nieuw, max };
      } catch (error) {
        warn(error);
        return fallback.charge(caller, ids, now);
      }
    },
    close: async () => {
      redis.disconnect();
    },
  };
}
