import { composeServices } from '@apollo/composition';
import { GraphQLError, parse } from 'graphql';
import { privacyLint } from './privacy-lint.js';
import { GENERATED_HEADER, printSubgraphSdl, routingUrl, SUBGRAPHS, type SubgraphEntry, subgraphExists } from './subgraph-list.js';
import { unsizedLists } from './unsized-lists.js';

/** One subgraph's printed SDL and the routing URL it gets in the supergraph. */
export interface PrintedSubgraph {
  readonly name: string;
  readonly url: string;
  readonly sdl: string;
}

/** The outcome of a composition: the supergraph with its hints, or one line per error. */
export type Composition =
  | { readonly ok: true; readonly supergraphSdl: string; readonly hints: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

export interface ComposeOptions {
  /**
   * Refuse a list field with neither paging nor `@listSize` (`UNSIZED_LIST`, issue 11). Default
   * false; the repository's composition (`composeRepository`, so `npm run compose`) sets it.
   */
  readonly requireListSizes?: boolean;
}

/**
 * Composes printed subgraphs into supergraph SDL with @apollo/composition, then runs the privacy
 * lint on it (`privacyLint`). Never throws for bad input: unparsable SDL, composition errors and
 * privacy violations come back as lines of `CODE: message`.
 */
export function composeSupergraph(subgraphs: readonly PrintedSubgraph[], options: ComposeOptions = {}): Composition {
  const services = [];
  const parseErrors: string[] = [];
  for (const { name, url, sdl } of subgraphs) {
    try {
      services.push({ name, url, typeDefs: parse(sdl) });
    } catch (error) {
      parseErrors.push(`INVALID_GRAPHQL: subgraph "${name}": ${oneLine(error instanceof Error ? error.message : String(error))}`);
    }
  }
  if (parseErrors.length > 0) return { ok: false, errors: parseErrors };
  const result = composeServices(services);
  if (result.errors) return { ok: false, errors: result.errors.map(formatCompositionError) };
  // A personal field or an aggregate without its authorization directive fails composition (issue 13).
  const violations = privacyLint(result.supergraphSdl);
  if (violations.length > 0) return { ok: false, errors: violations };
  const unsized = options.requireListSizes ? unsizedLists(result.supergraphSdl) : [];
  if (unsized.length > 0) {
    return {
      ok: false,
      errors: unsized.map((coordinate) => `UNSIZED_LIST: ${coordinate} is a list with neither paging (first) nor @listSize; give it listSize(n) from the toolkit (docs/demand-control.md)`),
    };
  }
  return {
    ok: true,
    supergraphSdl: `${GENERATED_HEADER}${result.supergraphSdl}\n`,
    hints: result.hints.map((hint) => `${hint.definition.code}: ${oneLine(hint.message)}`),
  };
}

/** `CODE: message` on one line; the code is the composition error's `extensions.code`. */
export function formatCompositionError(error: GraphQLError): string {
  const code = typeof error.extensions.code === 'string' ? error.extensions.code : 'COMPOSITION_ERROR';
  return `${code}: ${oneLine(error.message)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** What `npm run compose` produces: every subgraph's SDL and their composition. */
export interface RepositoryComposition {
  /** Subgraphs whose `src/schema.ts` does not exist yet. */
  readonly missing: readonly SubgraphEntry[];
  /** Subgraphs whose schema could not be built, one line each. */
  readonly buildErrors: readonly string[];
  /** Printed SDL of every subgraph that built, in `SUBGRAPHS` order. */
  readonly printed: readonly (PrintedSubgraph & { readonly entry: SubgraphEntry })[];
  /** Composition of the printed subgraphs; absent while any is missing or failed to build. */
  readonly composition?: Composition;
}

/**
 * Builds every subgraph's schema from its code (one after the other: type-graphql keeps its
 * metadata in one global store), prints its SDL, and composes them once all seven built.
 */
export async function composeRepository(entries: readonly SubgraphEntry[] = SUBGRAPHS): Promise<RepositoryComposition> {
  const missing: SubgraphEntry[] = [];
  const buildErrors: string[] = [];
  const printed: (PrintedSubgraph & { entry: SubgraphEntry })[] = [];
  for (const entry of entries) {
    if (!(await subgraphExists(entry))) {
      missing.push(entry);
      continue;
    }
    try {
      printed.push({ entry, name: entry.name, url: routingUrl(entry), sdl: await printSubgraphSdl(entry) });
    } catch (error) {
      buildErrors.push(`subgraph "${entry.name}": ${oneLine(error instanceof Error ? error.message : String(error))}`);
    }
  }
  const complete = missing.length === 0 && buildErrors.length === 0;
  return { missing, buildErrors, printed, composition: complete ? composeSupergraph(printed, { requireListSizes: true }) : undefined };
}
