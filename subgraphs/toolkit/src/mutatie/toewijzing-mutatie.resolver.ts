import { Arg, type ClassType, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { requiresAuthentication, requiresScope, Scope } from '../authorization.js';
import type { SubgraphContext } from '../context.js';
import { DomainError } from '../errors.js';
import {
  beeindigToewijzing, ClientInvoer, ToewijzingInvoer, type ToewijzingSleutel, type ToewijzingWet, ToewijzingWijziging, wijsToewijzingToe, wijzigToewijzing,
} from './toewijzing-mutaties.js';
import { beslisVerzoek, VerzoekBeslissing, VerzoekBeslissingUitkomst } from './verzoek-mutaties.js';

/** What a subgraph with toewijzingen (wmo, jeugd) gives for its mutations; the rest is the same for both laws. */
export interface ToewijzingMutatieOptions<C extends SubgraphContext<unknown>, T extends object> {
  readonly wet: ToewijzingWet;
  /** The law's part of the mutations' names: "Wmo" gives wijsWmoToewijzingToe, wijzigWmoToewijzing, beeindigWmoToewijzing, beslisWmoVerzoek. */
  readonly naam: string;
  /** The subgraph's toewijzing type, which the first three mutations answer with. */
  readonly toewijzing: ClassType<T>;
  /** The mutations' descriptions in the law's own words (the schema's documentation). */
  readonly beschrijving: {
    readonly wijsToe: string;
    readonly wijzig: string;
    readonly beeindig: string;
    /** Of beeindig's argument `redenBeeindiging`: the law's code list (WMO588, JZ588). */
    readonly redenBeeindiging: string;
  };
  /** The toewijzing as it now stands, read within the caller's scope (its read is the mutation's Logboek record); absent outside it. */
  lees(context: C, sleutel: ToewijzingSleutel): Promise<T | null | undefined>;
}

const CLIENT = { description: 'De cliënt van de toewijzing, zoals het 301-bericht hem noemt (als variabele, met POST).' };
const GEMEENTE = { description: 'CBS-code van de gemeente van de toewijzing (vier cijfers).' };
const NUMMER = { description: 'Toewijzingsnummer binnen gemeente en wet (LDT_Nummer, hoogstens negen cijfers).' };
const TOEWIJZING = { description: 'De toe te wijzen ondersteuning en de cliënt (als variabele, met POST).' };
const WIJZIGING = { description: 'Het nieuwe volume of de nieuwe einddatum, met de RedenWijziging van het 301-bericht.' };
const SLEUTEL = { description: 'Door de client gekozen sleutel (bijvoorbeeld een UUID), één per opdracht: dezelfde sleutel met dezelfde invoer verandert niets meer.' };

/**
 * The consulent's and the back office's changes of one law's toewijzingen, each leaving the 301 for the aanbieder
 * (docs/mutaties.md): grant, change, end, and the decision on an aanbieder's 315/317. The rules are
 * `toewijzing-mutaties.ts`'s and `verzoek-mutaties.ts`'s; this is their GraphQL face, built once per subgraph (as
 * `logboekDeelResolver`), so that wmo and jeugd have the same mutations under their own names and types.
 */
export function toewijzingMutatieResolver<C extends SubgraphContext<unknown>, T extends object>(options: ToewijzingMutatieOptions<C, T>): ClassType {
  const { wet, naam, toewijzing, beschrijving } = options;
  const leesTerug = async (context: C, sleutel: ToewijzingSleutel): Promise<T> => {
    const gelezen = await options.lees(context, sleutel);
    if (!gelezen) throw new DomainError('Deze toewijzing valt niet (meer) binnen uw mandaat.', { code: 'FORBIDDEN' });
    return gelezen;
  };

  @Resolver()
  class ToewijzingMutatieResolver {
    @Directive(requiresAuthentication)
    @Directive(requiresScope(Scope.TOEWIJZING_BESCHIKKEN))
    @Mutation(() => toewijzing, { name: `wijs${naam}ToewijzingToe`, description: beschrijving.wijsToe })
    async wijsToe(
      @Arg('idempotentieSleutel', () => String, SLEUTEL) sleutel: string,
      @Arg('toewijzing', () => ToewijzingInvoer, TOEWIJZING) invoer: ToewijzingInvoer,
      @Ctx() context: C,
    ): Promise<T> {
      return leesTerug(context, await wijsToewijzingToe(context, wet, sleutel, invoer));
    }

    @Directive(requiresAuthentication)
    @Directive(requiresScope(Scope.TOEWIJZING_BESCHIKKEN))
    @Mutation(() => toewijzing, { name: `wijzig${naam}Toewijzing`, description: beschrijving.wijzig })
    async wijzig(
      @Arg('idempotentieSleutel', () => String, SLEUTEL) sleutel: string,
      @Arg('gemeenteCode', () => String, GEMEENTE) gemeenteCode: string,
      @Arg('toewijzingsnummer', () => String, NUMMER) toewijzingsnummer: string,
      @Arg('wijziging', () => ToewijzingWijziging, WIJZIGING) wijziging: ToewijzingWijziging,
      @Arg('client', () => ClientInvoer, CLIENT) client: ClientInvoer,
      @Ctx() context: C,
    ): Promise<T> {
      return leesTerug(context, await wijzigToewijzing(context, wet, sleutel, { gemeenteCode, toewijzingsnummer }, wijziging, client));
    }

    @Directive(requiresAuthentication)
    @Directive(requiresScope(Scope.TOEWIJZING_BESCHIKKEN))
    @Mutation(() => toewijzing, { name: `beeindig${naam}Toewijzing`, description: beschrijving.beeindig })
    async beeindig(
      @Arg('idempotentieSleutel', () => String, SLEUTEL) sleutel: string,
      @Arg('gemeenteCode', () => String, GEMEENTE) gemeenteCode: string,
      @Arg('toewijzingsnummer', () => String, NUMMER) toewijzingsnummer: string,
      @Arg('einddatum', () => String, { description: 'Laatste dag (JJJJ-MM-DD).' }) einddatum: string,
      @Arg('redenBeeindiging', () => String, { description: beschrijving.redenBeeindiging }) redenBeeindiging: string,
      @Arg('redenWijziging', () => String, { description: 'RedenWijziging van het 301-bericht (WJ759).' }) redenWijziging: string,
      @Arg('client', () => ClientInvoer, CLIENT) client: ClientInvoer,
      @Ctx() context: C,
    ): Promise<T> {
      return leesTerug(context, await beeindigToewijzing(context, wet, sleutel, { gemeenteCode, toewijzingsnummer }, { einddatum, redenBeeindiging, redenWijziging }, client));
    }

    @Directive(requiresAuthentication)
    @Directive(requiresScope(Scope.TOEWIJZING_BESCHIKKEN))
    @Mutation(() => VerzoekBeslissingUitkomst, {
      name: `beslis${naam}Verzoek`,
      description: 'Besluit op een verzoek om toewijzing (315) of om wijziging (317) van een aanbieder: toewijzen (toewijzing en 301-bericht), in onderzoek of afwijzen (319-bericht).',
    })
    async beslis(
      @Arg('idempotentieSleutel', () => String, SLEUTEL) sleutel: string,
      @Arg('beslissing', () => VerzoekBeslissing, { description: 'Het verzoek (gemeente, aanbieder, ReferentieAanbieder) en het besluit.' }) beslissing: VerzoekBeslissing,
      @Ctx() context: C,
    ): Promise<VerzoekBeslissingUitkomst> {
      return beslisVerzoek(context, wet, sleutel, beslissing);
    }
  }
  return ToewijzingMutatieResolver;
}
