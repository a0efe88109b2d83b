import type { Database, Queryable } from './database.js';
import type { Logboek } from './logboek/logboek.js';
import type { Principal } from './principal.js';
import type { ReferenceResolvers } from './build-subgraph.js';
import type { DemoWorld } from './demo-world/world.js';
import type { NonEmptyArray } from 'type-graphql';

/**
 * Everything that makes one subgraph, handed to the toolkit by the subgraph's `schema.ts`.
 * The toolkit turns it into a running server (`startSubgraph`) or a test harness.
 */
export interface SubgraphDefinition<L = unknown> {
  /** Subgraph name in the supergraph and its PostgreSQL schema ("wmo"). */
  readonly name: string;
  /** Port of docs/architecture.md ("Ports"). */
  readonly defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver class type
  readonly resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly orphanedTypes?: Function[];
  readonly referenceResolvers?: ReferenceResolvers;
  /** Absolute path of the subgraph's `migrations/` folder. */
  readonly migrationsDir: string;
  /**
   * Serves personal data: the toolkit adds the Logboek Dataverwerkingen tables to its schema and
   * writes every request's registered reads there before the response leaves.
   */
  readonly logboek?: boolean;
  /**
   * Has mutations (`voerMutatieUit`): the toolkit adds the table of idempotency keys to its schema.
   * Needs `logboek` too: every change is recorded there.
   */
  readonly mutaties?: boolean;
  /**
   * Owns iWmo/iJw 3.2 messages (docs/berichten.md): the toolkit adds the tables of received and
   * outgoing messages (`berichten/migrations/`) to its schema.
   */
  readonly berichten?: boolean;
  /**
   * Builds the loaders of one request, for its caller (batch SQL applies the caller's scope);
   * loaders of personal rows register their subjects in `logboek`. `verzoekId`: the gateway's id of the client
   * request (absent in process), for what the calls of one request share (the reach's data version).
   */
  createLoaders(db: Database, principal: Principal, logboek: Logboek, verzoekId?: string): L;
  /** Inserts this subgraph's slice of the demo world into an empty database. */
  loadDemo(db: Queryable, world: DemoWorld): Promise<void>;
}

/** Identity function that fixes the loader type of a definition. */
export function defineSubgraph<L>(definition: SubgraphDefinition<L>): SubgraphDefinition<L> {
  return definition;
}
