/**
 * The four subgraphs of the benchmark shape in one process, each on its own port
 * (`BENCH_PORTS=accounts:port,inventory:port,...`). A plain node:http server that parses and
 * validates each distinct document once: the subgraphs must cost little next to the gateway.
 * Prints `ready` once all listen.
 */
import { createServer } from 'node:http';
import { type DocumentNode, execute, parse, validate } from 'graphql';
import { SUBGRAPHS, subgraphSchema } from './shape.js';

const ports = new Map((process.env.BENCH_PORTS ?? '').split(',').map((entry) => entry.split(':') as [string, string]));

await Promise.all(
  SUBGRAPHS.map(async (definition) => {
    const schema = subgraphSchema(definition);
    // _entities answers a promise even where every resolver is synchronous.
    // The gateways send a handful of distinct documents; keep each parsed and validated.
    const documents = new Map<string, DocumentNode | readonly unknown[]>();
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        let status = 200;
        let result: unknown;
        try {
          const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown>; operationName?: string };
          let document = documents.get(query);
          if (!document) {
            const parsed = parse(query);
            const errors = validate(schema, parsed);
            document = errors.length ? errors : parsed;
            documents.set(query, document);
          }
          result = Array.isArray(document) ? { errors: document } : await execute({ schema, document: document as DocumentNode, variableValues: variables, operationName });
        } catch (error) {
          status = 400;
          result = { errors: [{ message: error instanceof Error ? error.message : String(error) }] };
        }
        const body = JSON.stringify(result);
        response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        response.end(body);
      });
    });
    server.keepAliveTimeout = 60_000;
    const port = Number(ports.get(definition.name));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  }),
);
console.log('ready');
