import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { CLIENTS, type ClientEntry } from './client-list.js';
import { REPO_ROOT } from './subgraph-list.js';

/** One file GraphQL Code Generator produced: absolute path and content. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/**
 * The schema clients see: the supergraph's API schema, without `@inaccessible` fields and the
 * federation machinery (join__*, link__*), so an operation that selects what no client may is invalid.
 */
export function apiSchemaSdl(supergraphSdl: string): string {
  // The feature check is the gateway's business (it refuses `for: SECURITY` links it does not enforce).
  // Printed by federation-internals itself: it loads graphql-js as CommonJS, and a graphql-js object
  // of one module system handed to the other's printer fails its instanceof checks (under vitest).
  return printSchema(Supergraph.build(supergraphSdl, { supportedFeatures: null }).apiSchema());
}

/**
 * A document's id in the manifest: the hex sha256 of its printed text, as APQ's `sha256Hash` is,
 * so a client sends it in `extensions.persistedQuery` and the gateway can check the text against it.
 */
export function documentId(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

/** Where a client's generated code lives, relative to the repository root. */
export function generatedDir(client: ClientEntry): string {
  return `clients/${client.id}/generated/`;
}

/**
 * The GraphQL Code Generator configuration (client preset) for every client: TypeScript types and
 * typed documents of its operations, and its persisted-operation manifest
 * (`persisted-documents.json`: sha256 of each document's printed text to that text; the manifest
 * the gateway's trusted-documents plugin loads).
 */
export function clientCodegenConfig(supergraphSdl: string, clients: readonly ClientEntry[] = CLIENTS): Types.Config & { cwd: string } {
  const generates: Record<string, Types.ConfiguredOutput> = {};
  for (const client of clients) {
    generates[generatedDir(client)] = {
      preset: 'client',
      documents: [...client.documents],
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: documentId } },
      config: {
        // NodeNext resolution wants `.js` in relative imports.
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        // SafeInt: the toolkit's integer beyond 2^31 (eurocent totals), still a JavaScript number.
        scalars: { SafeInt: 'number' },
      },
    };
  }
  return { schema: apiSchemaSdl(supergraphSdl), generates, cwd: REPO_ROOT, silent: true, errorsOnly: true, ignoreNoDocuments: false };
}

/**
 * Runs GraphQL Code Generator for every client against `supergraphSdl` and returns its files
 * without writing them. Rejects when an operation is invalid against the API schema, naming it.
 */
export async function generateClients(supergraphSdl: string, clients: readonly ClientEntry[] = CLIENTS): Promise<GeneratedFile[]> {
  // Without writing (`false`), generate() resolves to the files it would write; it is typed `any`.
  const outputs = (await generate(clientCodegenConfig(supergraphSdl, clients), false)) as Types.FileOutput[];
  return outputs.map((output) => ({ path: resolve(REPO_ROOT, output.filename), content: output.content }));
}
