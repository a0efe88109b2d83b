import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { buildSubgraph } from './build-subgraph.js';
import type { SubgraphConfig } from './config.js';
import { createRequestContext, type SubgraphContext } from './context.js';
import { type Database, openDatabase } from './database.js';
import { loadDemoWorldIfEmpty } from './demo-loading.js';
import { maskError } from './errors.js';
import { graphqlRequestListener, sendJson } from './http.js';
import { runMigrations } from './migrations.js';
import type { SubgraphDefinition } from './subgraph-definition.js';

/** A subgraph listening on its port. */
export interface RunningSubgraph {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly db: Database;
  stop(): Promise<void>;
}

const schemas = new WeakMap<SubgraphDefinition<never>, Promise<GraphQLSchema>>();

/** The subgraph's schema, built once per process. */
export function subgraphSchema<L>(definition: SubgraphDefinition<L>): Promise<GraphQLSchema> {
  const key = definition as SubgraphDefinition<never>;
  let schema = schemas.get(key);
  if (!schema) {
    schema = buildSubgraph(definition);
    schemas.set(key, schema);
  }
  return schema;
}

/**
 * Starts one subgraph: opens its database (PostgreSQL or PGlite), runs its migrations, loads the
 * demo world into an empty database, and serves `/graphql` and `/health` over plain node:http.
 */
export async function startSubgraph<L>(definition: SubgraphDefinition<L>, config: SubgraphConfig): Promise<RunningSubgraph> {
  const db = await openDatabase(
    config.databaseUrl
      ? { url: config.databaseUrl, schema: definition.name }
      : { schema: definition.name, dataDir: config.dataDir },
  );
  await runMigrations(db, definition.migrationsDir);
  if (config.demo.load) await loadDemoWorldIfEmpty(db, definition, config.demo);

  const httpServer: Server = createServer();
  const server = new ApolloServer<SubgraphContext<L>>({
    schema: await subgraphSchema(definition),
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => maskError(formatted, undefined, error),
    // Inline traces are for Apollo's hosted reporting, which we never use (nothing leaves loopback).
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();
  httpServer.on(
    'request',
    graphqlRequestListener(server, {
      context: async (request) =>
        createRequestContext(db, definition.createLoaders, { get: (name) => headerValue(request.headers[name]) }),
      routes: {
        '/health': async (_request, response) => {
          try {
            await db.query('SELECT 1');
            sendJson(response, 200, { status: 'ok', subgraph: definition.name });
          } catch {
            sendJson(response, 503, { status: 'database unavailable', subgraph: definition.name });
          }
        },
      },
    }),
  );
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    name: definition.name,
    url: `http://${config.host}:${port}/graphql`,
    port,
    db,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
