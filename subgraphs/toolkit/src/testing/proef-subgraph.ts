import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../context.js';
import { defineSubgraph } from '../subgraph-definition.js';

@Resolver()
class ProefResolver {
  @Query(() => [String], { description: 'Leest inwoners en registreert ze.' })
  inwoners(@Arg('ids', () => [String], { description: 'De inwoners.' }) ids: string[], @Ctx() context: SubgraphContext): string[] {
    context.logboek.registreer('proef:inwoner:lezen', ids);
    return ids;
  }
}

/**
 * The smallest subgraph with a Logboek (`proef`): one query `inwoners(ids)` that returns its ids and logs
 * them as read, for tests of what every subgraph does around a request (admission, Logboek, trace ids).
 */
export function proefSubgraph() {
  return defineSubgraph({
    name: 'proef',
    defaultPort: 0,
    resolvers: [ProefResolver],
    migrationsDir: mkdtempSync(join(tmpdir(), 'proef-subgraph-')),
    logboek: true,
    createLoaders: () => ({}),
    loadDemo: async () => undefined,
  });
}
