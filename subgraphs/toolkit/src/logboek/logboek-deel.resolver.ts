import { Args, type ClassType, Ctx, Directive, FieldResolver, Resolver } from 'type-graphql';
import { requiresScope, Scope } from '../authorization.js';
import type { SubgraphContext } from '../context.js';
import { leesLogboek } from './lees-logboek.js';
import { LogboekArgs, VerwerkingPage } from './verwerking.type.js';

/** Which part of the log a subgraph adds to `Logboek`. */
export interface LogboekDeelOptions {
  /** The subgraph's name: the field `Logboek.<bron>` and the `bron` of its records ("wmo"). */
  readonly bron: string;
  /** What personal data the subgraph serves, for the field's description ("Wmo-toewijzingen"). */
  readonly gegevens: string;
}

/**
 * The resolver of `Logboek.<bron>`, the part of the Logboek Dataverwerkingen a subgraph with
 * `logboek: true` keeps (its own reads of personal data), on its stub `logboek` of the gemeenten
 * subgraph's `Logboek`. Built once per subgraph, so each schema gets its own class.
 */
export function logboekDeelResolver(logboek: ClassType, { bron, gegevens }: LogboekDeelOptions): ClassType {
  @Resolver(() => logboek)
  class LogboekDeelResolver {
    @Directive(requiresScope(Scope.LOGBOEK))
    @FieldResolver(() => VerwerkingPage, {
      name: bron,
      // Nullable: when this subgraph fails, the other parts of the log still answer.
      nullable: true,
      description: `Verwerkingen van persoonsgegevens door de subgraph ${bron} (${gegevens}), oudste eerst.`,
    })
    deel(@Args(() => LogboekArgs) args: LogboekArgs, @Ctx() context: SubgraphContext): Promise<VerwerkingPage> {
      return leesLogboek(context, args, bron);
    }
  }
  return LogboekDeelResolver;
}
