import { leesLogboek, LogboekArgs, requiresScope, Scope, VerwerkingPage } from '@sociaal-graph/toolkit';
import { Args, Ctx, Directive, FieldResolver, Resolver } from 'type-graphql';
import type { InkoopContext } from '../../context.js';
import { Logboek } from './logboek.type.js';

/** The part of the Logboek Dataverwerkingen that inkoop keeps: its own reads of personal data. */
@Resolver(() => Logboek)
export class LogboekResolver {
  @Directive(requiresScope(Scope.LOGBOEK))
  @FieldResolver(() => VerwerkingPage, {
    // Nullable: when this subgraph fails, the other parts of the log still answer.
    nullable: true,
    description: 'Verwerkingen van persoonsgegevens door de subgraph inkoop (declaraties), oudste eerst.',
  })
  inkoop(@Args(() => LogboekArgs) args: LogboekArgs, @Ctx() context: InkoopContext): Promise<VerwerkingPage> {
    return leesLogboek(context, args, 'inkoop');
  }
}
