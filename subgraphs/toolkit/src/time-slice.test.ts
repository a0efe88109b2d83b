import { once } from 'node:events';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, type ExecutionResult, execute, type GraphQLObjectType, type GraphQLSchema, parse } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { sliceExecution } from './time-slice.js';

const ROWS = 5_000;

/** A schema with one costly list (every row resolved synchronously) and one cheap field. */
function schema(): GraphQLSchema {
  const graph = buildSchema('type Rij { nummer: Int! naam: String! dubbel: Int! } type Query { rijen: [Rij!]! naam: String! }');
  const query = graph.getQueryType()?.getFields();
  if (!query) throw new Error('no Query');
  query.rijen.resolve = () => Array.from({ length: ROWS }, (_, nummer) => ({ nummer, naam: `rij ${nummer}` }));
  query.naam.resolve = () => 'Huizen';
  (graph.getType('Rij') as GraphQLObjectType).getFields().dubbel.resolve = (rij: { nummer: number }) => rij.nummer * 2;
  return graph;
}

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/**
 * Serves `{ naam }` over HTTP on loopback, starts the costly execution, then sends the cheap
 * request: returns the order in which the two answers were done.
 */
async function race(graph: GraphQLSchema): Promise<string[]> {
  const order: string[] = [];
  const server = createServer((_, response) => {
    const result = execute({ schema: graph, document: parse('{ naam }') }) as ExecutionResult;
    response.end(JSON.stringify(result));
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const cheap = new Promise<void>((resolve, reject) => {
    const sent = request({ port, host: '127.0.0.1', method: 'POST', agent: false }, (response) => {
      response.resume();
      response.on('end', () => {
        order.push('goedkoop');
        resolve();
      });
    });
    sent.on('error', reject);
    sent.end('{}');
  });
  const costly = Promise.resolve(execute({ schema: graph, document: parse('{ rijen { nummer naam dubbel } }') })).then((result) => {
    expect(result.errors).toBeUndefined();
    expect(result.data?.rijen).toHaveLength(ROWS);
    order.push('duur');
  });
  await Promise.all([cheap, costly]);
  return order;
}

describe('sliceExecution', () => {
  it('answers a cheap request while a costly execution is in progress', async () => {
    // A slice of 0 ms: the costly execution yields at every look at the clock, so the order does not depend on the machine's speed.
    expect(await race(sliceExecution(schema(), 0))).toEqual(['goedkoop', 'duur']);
  });

  it('without slicing, the cheap request waits until the costly answer is done (what the slicing changes)', async () => {
    expect(await race(schema())).toEqual(['duur', 'goedkoop']);
  });

  it('never yields in an idle turn: a small query on a sliced schema completes synchronously', () => {
    const result = execute({ schema: sliceExecution(schema()), document: parse('{ naam }') });
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual({ data: { naam: 'Huizen' } });
  });

  it('gives the same answer as an unsliced execution, also when it yields', async () => {
    const document = parse('{ naam rijen { nummer naam dubbel } }');
    const sliced = await execute({ schema: sliceExecution(schema(), 0), document });
    expect(sliced).toEqual(execute({ schema: schema(), document }));
  });

  it('wraps a schema once, however often it is sliced', async () => {
    const graph = sliceExecution(sliceExecution(schema(), 0), 0);
    const resolve = graph.getQueryType()?.getFields().naam.resolve;
    expect(sliceExecution(graph, 0).getQueryType()?.getFields().naam.resolve).toBe(resolve);
  });
});
