import { pathToFileURL } from 'node:url';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** Where a client sends its operations, and its bearer token (one with its `client_id`). */
export interface GraphAddress {
  /** `http://127.0.0.1:4000/graphql`. */
  readonly url: string;
  readonly token: string;
}

/** A typed document as the client preset generates it with persisted documents: its manifest id in `__meta__`. */
type PersistedDocument<R, V> = TypedDocumentNode<R, V> & { readonly __meta__?: { readonly hash?: string } };

/** An answer with errors: the client shows or logs them; a typed result has none. */
export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly { message: string; extensions?: { code?: string } }[],
  ) {
    super(`HTTP ${status}: ${errors.map((error) => `${error.extensions?.code ?? 'ERROR'} ${error.message}`).join('; ')}`);
    this.name = 'GraphRequestError';
  }
}

/**
 * Sends one generated document as a trusted document: its id only
 * (`extensions.persistedQuery.sha256Hash`), never its text, with the bearer token; the gateway finds
 * the text in the client's manifest. Resolves to the typed data; rejects with `GraphRequestError`
 * on any error. Small on purpose: a front-end would use its own GraphQL client the same way
 * (Apollo Client's persisted-queries link, urql's persisted exchange).
 */
export async function request<R, V>(graph: GraphAddress, document: PersistedDocument<R, V>, variables: V): Promise<R> {
  const id = document.__meta__?.hash;
  if (!id) throw new Error('the document has no manifest id: generate it with `npm run compose`');
  const response = await fetch(graph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${graph.token}` },
    body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: id } } }),
  });
  const body = (await response.json()) as { data?: R | null; errors?: GraphRequestError['errors'] };
  if (body.errors?.length || !body.data) throw new GraphRequestError(response.status, body.errors ?? []);
  return body.data;
}

/**
 * Runs an example when its file is the script started (`npx tsx clients/<client>/example.ts`):
 * `GRAPHQL_URL` (default `http://127.0.0.1:4000/graphql`) and `TOKEN` from the environment, the
 * result printed as JSON.
 */
export function runWhenMain(moduleUrl: string, example: (graph: GraphAddress) => Promise<unknown>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  const token = process.env.TOKEN;
  if (!token) {
    console.error('set TOKEN to a token with this client, e.g. TOKEN=$(npm run -s token -- --role <rol> --org <organisatie> --client <client>)');
    process.exit(1);
  }
  example({ url: process.env.GRAPHQL_URL || 'http://127.0.0.1:4000/graphql', token }).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
