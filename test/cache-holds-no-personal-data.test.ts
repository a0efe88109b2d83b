import { createHash } from 'node:crypto';
import { parse } from 'graphql';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepable, planKey, type PlannedOperation } from '../gateway/src/plugins/query-plan-warming.js';
import { type GraphResponse, type OwnGraph, startOwnGraph, ownDemoWorld } from './graph.test-utils.js';

// Issue 3: "No cache stores a response with personal data (this holds for the caching work that
// follows)". What the gateway keeps between requests:
// - the shared cache Apollo Server is given (`cache`: APQ today; Redis with REDIS_URL, with an
//   in-process fallback, else in process). Anything a later response cache writes lands here too,
//   so this test reads all of it: Redis by SCAN under the graph's key prefix, the in-process store
//   through `RunningGateway.cache`;
// - the mandates per organisation (gateway/src/auth/arrangement-source.ts): typed as
//   { gemeenteCode, wet, rol } of public arrangements, so they hold no resident by construction;
// - Apollo Server's parsed operations and @apollo/gateway's query plans: built from the operation
//   before any subgraph answers, so they never hold a response (an operation that carries a BSN as
//   a literal instead of a variable would put it there, and in APQ: the gateway refuses one, see below).
const world = ownDemoWorld();
// A Huizen resident with a Wmo melding with commentaar: HBEL holds the toegang of Huizen's Wmo.
const melding = world.meldingen.find((m) => m.gemeenteCode === '0406' && m.wet === 'WMO' && m.commentaar !== null)!;
const inwoner = world.inwoners.find((i) => i.id === melding.inwonerId)!;
// Eemnes' Wmo: HBEL holds its toegang and uitvoering, so its rows come back with their residents.
const eemnesWmo = world.wmoToewijzingen.filter((t) => t.gemeenteCode === '0317').length;

const OPERATIONS = [
  {
    query: `query Inwoner($id: String!) {
      inwoner(id: $id) {
        id bsn voornaam achternaam geboortedatum adres { postcode huisnummer }
        meldingen { id commentaar }
        wmoToewijzingen { toewijzingsnummer inwoner { id } }
      }
    }`,
    variables: { id: inwoner.id },
  },
  { query: 'query OpBsn($bsn: String!) { inwonerOpBsn(bsn: $bsn) { id bsn voornaam achternaam } }', variables: { bsn: inwoner.bsn } },
  {
    query: `query Toewijzingen($gemeente: String!) {
      wmoToewijzingen(gemeente: $gemeente, first: 25) { items { toewijzingsnummer inwoner { id bsn voornaam achternaam geboortedatum } } }
    }`,
    variables: { gemeente: '0317' },
  },
];

/** Fields whose string values are personal data; an `id` is the resident's pseudonym under these parents. */
const PERSONAL_FIELDS = new Set(['bsn', 'voornaam', 'achternaam', 'geboortedatum', 'postcode', 'commentaar']);
const RESIDENTS = new Set(['inwoner', 'inwonerOpBsn']);

/** Every personal value in a response: BSN, names, birth date, postcode, free text, pseudonyms. */
function personalValues(node: unknown, key = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) personalValues(item, key, into);
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (RESIDENTS.has(key) && typeof record.id === 'string') into.add(record.id);
    for (const [field, value] of Object.entries(record)) personalValues(value, field, into);
  } else if (typeof node === 'string' && PERSONAL_FIELDS.has(key)) into.add(node);
  return into;
}

/** The entries (key or value) that contain any of `values`, with the value found. */
function leaks(entries: readonly (readonly [string, string])[], values: ReadonlySet<string>): [string, string][] {
  return entries.flatMap(([key, value]) =>
    [...values].filter((v) => key.includes(v) || value.includes(v)).map((v): [string, string] => [key, v]),
  );
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const PREFIX = `sociaal-graph-test-${process.pid}:`;
const redisUrl = process.env.REDIS_URL;
const redis = redisUrl ? new Redis(redisUrl, { lazyConnect: true }) : undefined;

/** Every key under the graph's prefix in Redis (without the prefix) with its value. */
async function redisEntries(): Promise<[string, string][]> {
  if (!redis) return [];
  const entries: [string, string][] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}*`, 'COUNT', 500);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      // A kind other than a string is not one this graph writes; its key fails the kind check below.
      // The planned operations (a hash per supergraph) are read whole, so the checks below see their texts.
      const value = type === 'string' ? ((await redis.get(key)) ?? '') : type === 'hash' ? JSON.stringify(await redis.hgetall(key)) : `<${type}>`;
      entries.push([key.slice(PREFIX.length), value]);
    }
  } while (cursor !== '0');
  return entries;
}

async function dropRedisKeys(): Promise<void> {
  const keys = (await redisEntries()).map(([key]) => PREFIX + key);
  if (keys.length > 0) await redis?.del(...keys);
}

/** What the gateway's shared cache holds: Redis (with REDIS_URL) and the in-process store. */
async function cacheEntries(): Promise<{ redis: [string, string][]; inProcess: [string, string][] }> {
  return { redis: await redisEntries(), inProcess: await graph.gateway.cache.entriesInProcess() };
}

async function post<D = Record<string, any>>(body: object, token: string): Promise<GraphResponse<D>> {
  const response = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** Sends an operation as APQ: hash only (not found), hash and query (registered), hash only (served). */
async function viaApq(query: string, variables: Record<string, unknown> | undefined, token: string): Promise<GraphResponse<any>> {
  const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
  const miss = await post({ extensions, variables }, token);
  expect(miss.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  const registered = await post({ query, extensions, variables }, token);
  expect(registered.errors).toBeUndefined();
  // Apollo Server writes the entry without waiting for it: ask until the hash alone is served.
  let served = await post({ extensions, variables }, token);
  for (let attempt = 0; served.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND' && attempt < 100; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    served = await post({ extensions, variables }, token);
  }
  expect(served.errors).toBeUndefined();
  expect(served.data).toEqual(registered.data);
  return served;
}

let graph: OwnGraph;
const personal = new Set<string>();
let registered: string[] = [];
// A BSN written into the operation's text instead of a variable, as an argument and where no value
// rule looks (issue 9, item 6): a comment, the operation's name, an alias. Each is sent plain and as
// an APQ registration.
const LITERALS = [
  `{ inwonerOpBsn(bsn: "${inwoner.bsn}") { id } }`,
  `# dossier ${inwoner.bsn}\nquery Dossier($id: String!) { inwoner(id: $id) { id } }`,
  `query Dossier${inwoner.bsn}($id: String!) { inwoner(id: $id) { id } }`,
  `query Dossier($id: String!) { bsn${inwoner.bsn}: inwoner(id: $id) { id } }`,
];
let literalAnswers: GraphResponse<unknown>[] = [];
let getAnswer: { status: number; allow: string | null; body: GraphResponse<unknown> };

beforeAll(async () => {
  if (redis) {
    await redis.connect();
    // Keys under this prefix belong to an earlier process with the same pid: not ours to read.
    await dropRedisKeys();
  }
  graph = await startOwnGraph();
  const token = await graph.token({ role: 'consulent', org: 'uo-hbel' });
  // A public operation first: with Redis, its APQ entry shows the gateway writes to Redis before
  // the personal ones are sent.
  const warmUp = '{ gemeente(code: "0406") { naam } }';
  await viaApq(warmUp, undefined, token);
  if (redis) {
    for (let attempt = 0; !(await redis.exists(`${PREFIX}apq:${sha256(warmUp)}`)) && attempt < 250; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  for (const { query, variables } of OPERATIONS) {
    const plain = await post({ query, variables }, token);
    expect(plain.errors).toBeUndefined();
    personalValues(plain.data, '', personal);
    personalValues((await viaApq(query, variables, token)).data, '', personal);
  }
  registered = [warmUp, ...OPERATIONS.map(({ query }) => query)];
  for (const literal of LITERALS) {
    literalAnswers.push(
      await post({ query: literal, variables: { id: inwoner.id } }, token),
      await post({ query: literal, variables: { id: inwoner.id }, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(literal) } } }, token),
    );
  }
  // The BSN as a variable, but in a GET's URL.
  const url = new URL(graph.gateway.url);
  url.searchParams.set('query', OPERATIONS[1].query);
  url.searchParams.set('variables', JSON.stringify(OPERATIONS[1].variables));
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(OPERATIONS[1].query) } }));
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': '1' } });
  getAnswer = { status: response.status, allow: response.headers.get('allow'), body: (await response.json()) as GraphResponse<unknown> };
}, 600_000);

afterAll(async () => {
  await graph?.stop();
  if (redis) {
    await dropRedisKeys();
    redis.disconnect();
  }
});

describe('caches hold no personal data', () => {
  it('collected the personal data the consulent got back, as the demo world has it', () => {
    // Otherwise the checks below would pass on empty answers.
    expect(eemnesWmo).toBeGreaterThan(0);
    for (const value of [inwoner.id, inwoner.bsn, inwoner.voornaam, inwoner.achternaam, inwoner.geboortedatum, melding.commentaar!]) {
      expect(personal).toContain(value);
    }
    // The residents of Eemnes' Wmo rows came back with their BSN.
    const eemnesIds = new Set(world.wmoToewijzingen.filter((t) => t.gemeenteCode === '0317').map((t) => t.inwonerId));
    const eemnes = world.inwoners.filter((i) => eemnesIds.has(i.id));
    const seen = eemnes.filter((i) => personal.has(i.id));
    expect(seen.length).toBeGreaterThan(0);
    for (const resident of seen) expect(personal).toContain(resident.bsn);
  });

  it('finds a personal value when an entry holds one (the check can fail)', () => {
    const entry: [string, string] = ['antwoord:1', JSON.stringify({ data: { inwoner: { bsn: inwoner.bsn } } })];
    expect(leaks([entry], personal)).toEqual([['antwoord:1', inwoner.bsn]]);
  });

  it('keeps the registered operations in the shared cache (Redis when REDIS_URL is set), and sees them', async () => {
    const { redis: inRedis, inProcess } = await cacheEntries();
    const store = redisUrl ? inRedis : inProcess;
    const keys = new Set(store.map(([key]) => key));
    for (const query of registered) expect(keys, query).toContain(`apq:${sha256(query)}`);
  });

  it('keeps only operation texts under their own hash (APQ, the clients\' manifests) and counts of reads per person, nothing else', async () => {
    const { redis: inRedis, inProcess } = await cacheEntries();
    for (const [key, value] of [...inRedis, ...inProcess]) {
      // The hourly count of one person's personal-data reads (issue 9, item 10): a number, no resident.
      if (/^leesbudget:[\w-]+:\d+$/.test(key)) {
        expect(value, key).toMatch(/^\d+$/);
        continue;
      }
      // A caller assertion's id, remembered until it expires so it is used once (issue 9, item 2): a random
      // id per subgraph and the value 1, no caller and no resident.
      if (/^assertie:[a-z]+:[0-9a-f-]{36}$/.test(key)) {
        expect(value, key).toBe('1');
        continue;
      }
      // A per-caller limit's counter (issue 11): organisation and actor pseudonym in the key, a number as value.
      if (/^limiet:[\w:.-]+$/.test(key)) {
        expect(value, key).toMatch(/^\d+$/);
        continue;
      }
      // A caller's distinct cells of aggregates this day (issue 10): a set of hashed cell ids under a hashed caller.
      if (/^cellen:\d{4}-\d{2}-\d{2}:[\w-]{22}$/.test(key)) {
        expect(value, key).toBe('<set>');
        continue;
      }
      // The operations planned under one supergraph, planned again at the next start (issue 14): each
      // under its plan key, an operation text without any string literal or comment, and no variables.
      if (/^queryplannen:[0-9a-f]{64}$/.test(key)) {
        for (const [field, entry] of Object.entries(JSON.parse(value) as Record<string, string>)) {
          const operation = JSON.parse(entry) as PlannedOperation;
          expect(Object.keys(operation).sort(), key).toEqual(['operationName', 'tekst']);
          expect(planKey(sha256(operation.tekst), operation.operationName), key).toBe(field);
          expect(keepable(operation.tekst, parse(operation.tekst)), operation.tekst).toBe(true);
        }
        continue;
      }
      const hash = /^(?:apq|trusted-documents:[a-z0-9._-]+):([0-9a-f]{64})$/.exec(key)?.[1];
      expect(hash, `unexpected kind of entry: ${key}`).toBeDefined();
      // The value is exactly the operation text whose hash is the key: never a response.
      expect(sha256(value), key).toBe(hash);
    }
  });

  it('refuses a BSN written into the text of an operation (argument, comment, name, alias) before the text is stored', async () => {
    expect(literalAnswers).toHaveLength(2 * LITERALS.length);
    for (const answer of literalAnswers) {
      expect(answer.status).toBe(400);
      expect(answer.data).toBeUndefined();
      expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(answer.errors?.[0]?.message).toContain('Geef een BSN als variabele');
    }
    const { redis: inRedis, inProcess } = await cacheEntries();
    const keys = [...inRedis, ...inProcess].map(([key]) => key);
    for (const literal of LITERALS) expect(keys, literal).not.toContain(`apq:${sha256(literal)}`);
    for (const [key, value] of [...inRedis, ...inProcess]) expect(`${key} ${value}`).not.toContain(inwoner.bsn);
  });

  it('refuses a BSN variable sent in a GET URL: 405, Allow: POST, PERSONAL_DATA_IN_URL', () => {
    expect(getAnswer.status).toBe(405);
    expect(getAnswer.allow).toBe('POST');
    expect(getAnswer.body.data).toBeUndefined();
    expect(getAnswer.body.errors?.map((error) => error.extensions?.code)).toEqual(['PERSONAL_DATA_IN_URL']);
    expect(getAnswer.body.errors?.[0]?.message).toMatch(/POST/);
  });

  it('keeps no BSN, name, birth date, postcode, pseudonym or free text the responses held', async () => {
    const { redis: inRedis, inProcess } = await cacheEntries();
    expect(leaks(inRedis, personal)).toEqual([]);
    expect(leaks(inProcess, personal)).toEqual([]);
  });
});
