import { Arg, type ClassType, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requiresAuthentication, requiresScope, Scope } from './authorization.js';
import { type BereikBron, type BereikLoader, bereikAntwoord, WetBereik, wetBereikVan } from './bereik.js';
import type { SubgraphContext } from './context.js';
import type { Wet } from './domain.js';
import { cost, listSize } from './list-size.js';
import { geaggregeerd } from './privacy-markers.js';
import { Verantwoording } from './verantwoording.js';

/** The gemeente stub a subgraph with a reach extends: its key and the inhabitants it `@requires` from the gemeenten subgraph. */
type GemeenteStub = { code: string } & { readonly [doelgroep: string]: unknown };

/** What a subgraph with a reach (wmo, jeugd, participatie) gives; the rest is the same for every law. */
export interface WetBereikOptions {
  readonly wet: Wet;
  /** The name of the root query and of the field on the gemeente ("wmoBereik"); the answer's type is its name with "Antwoord" after it. */
  readonly veld: string;
  /** The subgraph's stub of `Gemeente`. */
  readonly gemeente: ClassType;
  /** Which rows count: toewijzingen or uitkeringen. */
  readonly bron: BereikBron;
  /**
   * Whom the reach is per 1,000 of: the gemeente's field that the field `@requires` ("inwoners", "inwonersOnder18"), and how
   * the verantwoording names them ("inwoners onder 18").
   */
  readonly doelgroep: { readonly veld: string; readonly naam: string };
  /** The field's demand-control weight (scripts/results/measure-cost-weights.md, docs/demand-control.md). */
  readonly kosten: number;
  /** The descriptions in the law's own words (the schema's documentation). */
  readonly beschrijving: { readonly antwoord: string; readonly gemeenten: string; readonly query: string; readonly veld: string };
}

/** What a reach's resolvers read from the context: the subgraph's reach loader besides the toolkit's own. */
type BereikContext = SubgraphContext<{ readonly bereik: BereikLoader }>;

/**
 * The reach of one law per gemeente (issue 4 item 6): the root query `<veld>(gemeenten)` with the mandate split and the
 * verantwoording, and the field `Gemeente.<veld>(jaar)` with the numbers, per 1,000 of the inhabitants the gemeenten
 * subgraph gives through `@requires`. The rules are `bereik.ts`'s; this is their GraphQL face, built once per subgraph
 * (as `logboekDeelResolver`), so that each law has the same shape under its own names.
 */
export function wetBereikResolver({ wet, veld, gemeente, bron, doelgroep, kosten, beschrijving }: WetBereikOptions): ClassType {
  const antwoordNaam = `${veld[0].toUpperCase()}${veld.slice(1)}Antwoord`;

  @ObjectType(antwoordNaam, { description: beschrijving.antwoord })
  class BereikAntwoord {
    @Field(() => Verantwoording, {
      description: 'Over welke gemeenten is gerekend, welke gevraagde gemeenten buiten het mandaat vielen, en de laatste ingangsdatum (gegevensTot).',
    })
    verantwoording!: Verantwoording;

    @Directive(listSize(1))
    @Field(() => [gemeente], { nullable: 'items', description: beschrijving.gemeenten })
    gemeenten!: { code: string }[];
  }

  @Resolver(() => gemeente)
  class BereikResolver {
    @Directive(requiresAuthentication)
    @Directive(requiresScope(Scope.AGGREGATEN))
    @Directive(geaggregeerd)
    @Query(() => BereikAntwoord, { name: veld, nullable: true, description: beschrijving.query })
    async bereik(
      @Arg('gemeenten', () => [String], { description: 'CBS-gemeentecodes ("0406"), hoogstens 400.' }) gemeenten: string[],
      @Ctx() { db, principal, verzoekId }: BereikContext,
    ): Promise<BereikAntwoord> {
      return bereikAntwoord(db, principal, wet, gemeenten, bron, verzoekId);
    }

    @Directive(requiresAuthentication)
    @Directive(requiresScope(Scope.AGGREGATEN))
    @Directive(geaggregeerd)
    // Its work is far above one field's: the weight is measured, not guessed.
    @Directive(cost(kosten))
    @Directive(`@requires(fields: "${doelgroep.veld}")`)
    // Nullable: when this subgraph fails, only this field goes null, not the other subgraph's entity.
    @FieldResolver(() => WetBereik, { name: veld, nullable: true, description: beschrijving.veld })
    bereikVanGemeente(
      @Root() stub: GemeenteStub,
      @Arg('jaar', () => Int, { description: 'Kalenderjaar (2015 of later).' }) jaar: number,
      @Ctx() { principal, loaders, disclosure }: BereikContext,
    ): Promise<WetBereik> {
      // The field `@requires` names: an Int of the gemeenten subgraph, absent only when the gateway did not fetch it.
      const inwoners = stub[doelgroep.veld] as number | undefined;
      return wetBereikVan({ principal, load: loaders.bereik, disclosure }, wet, { code: stub.code, inwoners }, jaar, doelgroep.naam);
    }
  }
  return BereikResolver;
}
