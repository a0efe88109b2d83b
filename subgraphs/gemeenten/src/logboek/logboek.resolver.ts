import { assertScope, requiresScope, Scope, type SubgraphContext } from '@sociaal-graph/toolkit';
import { Ctx, Directive, Query, Resolver } from 'type-graphql';
import { Logboek, LOGBOEK_ID } from './logboek.type.js';

/** `Query.logboek`: the fg's entry to the log parts of the other subgraphs. */
@Resolver(() => Logboek)
export class LogboekResolver {
  @Directive(requiresScope(Scope.LOGBOEK))
  @Query(() => Logboek, {
    description: 'Het Logboek Dataverwerkingen, voor de functionaris gegevensbescherming (FG).',
  })
  logboek(@Ctx() context: SubgraphContext): Logboek {
    // The gateway enforces the scope first; this is the second line.
    assertScope(context.principal, Scope.LOGBOEK, 'Alleen de functionaris gegevensbescherming mag het logboek lezen.');
    return { id: LOGBOEK_ID };
  }
}
