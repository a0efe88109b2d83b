import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import { createRequestContext, type SubgraphContext } from '../context.js';
import { type Database, openDatabase, type QueryOptions } from '../database.js';
import { loadDemoWorldIfEmpty } from '../demo-loading.js';
import { maskError } from '../errors.js';
import { developmentPrincipal, type Principal } from '../principal.js';
import { logboekPlugin } from '../logboek/logboek-plugin.js';
import { runSubgraphMigrations } from '../migrations.js';
import { subgraphSchema } from '../start-subgraph.js';
import { compiledExecution } from '../compiled-execution.js';
import { createScratchDatabase } from './scratch-database.js';
import { testDemoConfig } from './secrets.js';
import type { SubgraphDefinition } from '../subgraph-definition.js';

/** The result of one operation against a subgraph under test. */
export interface HarnessResult<D = Record<string, unknown>> {
  data?: D | null;
  errors?: readonly GraphQLFormattedError[];
}

/** A subgraph's real schema and SQL on an in-memory PGlite with the demo world loaded. */
export interface SubgraphHarness {
  readonly db: Database;
  /** Runs an operation as `principal` (default the harness's principal). */
  execute<D = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, principal?: Principal): Promise<HarnessResult<D>>;
  /** Runs an operation and also returns how many SQL statements it sent. */
  countStatements<D = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ result: HarnessResult<D>; statements: number }>;
  /** Runs an operation and also returns the SQL statements it sent, with their parameters (index audits EXPLAIN them). */
  recordStatements<D = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ result: HarnessResult<D>; statements: RecordedStatement[] }>;
  close(): Promise<void>;
}

/** One SQL statement an operation sent (`recordStatements`). */
export interface RecordedStatement {
  readonly text: string;
  readonly params: readonly unknown[];
}

export interface SubgraphHarnessOptions {
  /** The caller of every operation unless `execute` names another. Default the development principal (sees everything). */
  principal?: Principal;
}

/**
 * Starts a subgraph for tests: its migrations, the default demo world (the same one `npm start`
 * loads, unless `env` says otherwise, with this test file's pseudonym secret `TEST_PSEUDONYM_SECRET`), its
 * schema executed through Apollo Server. The database is
 * in-memory PGlite, or a scratch database on the PostgreSQL server of `DATABASE_URL` when the
 * process has one (CI's second run), dropped on close. Operations run in-process, past the
 * caller-assertion check of `startSubgraph`, as `options.principal`.
 */
export async function createSubgraphHarness<L>(
  definition: SubgraphDefinition<L>,
  env: Record<string, string | undefined> = {},
  options: SubgraphHarnessOptions = {},
): Promise<SubgraphHarness> {
  const defaultPrincipal = options.principal ?? developmentPrincipal;
  const serverUrl = process.env.DATABASE_URL;
  const scratch = serverUrl ? await createScratchDatabase(serverUrl) : undefined;
  const db = await openDatabase(scratch ? { url: scratch.url, schema: definition.name } : { schema: definition.name });
  await runSubgraphMigrations(db, definition);
  const demo = testDemoConfig(env);
  if (demo.load) await loadDemoWorldIfEmpty(db, definition, demo);
  const server = new ApolloServer<SubgraphContext<L>>({
    // The same compiled execution as startSubgraph, so tests see what a served request answers.
    gateway: compiledExecution(await subgraphSchema(definition)),
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => maskError(formatted, () => undefined, error),
    // The same logboek path as startSubgraph, so tests see what a served request writes.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), logboekPlugin({ log: () => undefined })],
  });
  await server.start();
  // While set, every statement the resolvers send (through the context's db) is kept here.
  let recorder: RecordedStatement[] | undefined;
  const recording = new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'query') {
        return (text: string, params: readonly unknown[] = [], options?: QueryOptions) => {
          recorder?.push({ text, params });
          return target.query(text, params, options);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const execute = async <D>(query: string, variables?: Record<string, unknown>, principal = defaultPrincipal): Promise<HarnessResult<D>> => {
    const response = await server.executeOperation<D>(
      { query, variables },
      { contextValue: createRequestContext(recording, definition.createLoaders, undefined, principal, undefined, undefined, demo.pseudonymSecret) },
    );
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here');
    return response.body.singleResult as HarnessResult<D>;
  };
  return {
    db,
    execute,
    countStatements: async <D>(query: string, variables?: Record<string, unknown>) => {
      const before = db.statementCount;
      const result = await execute<D>(query, variables);
      return { result, statements: db.statementCount - before };
    },
    recordStatements: async <D>(query: string, variables?: Record<string, unknown>) => {
      const statements: RecordedStatement[] = [];
      recorder = statements;
      try {
        return { result: await execute<D>(query, variables), statements };
      } finally {
        recorder = undefined;
      }
    },
    close: async () => {
      await server.stop();
      await db.close();
      await scratch?.drop();
    },
  };
}
