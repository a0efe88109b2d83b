import {
  beslisVerzoek, VerzoekBeslissing, VerzoekBeslissingUitkomst, beeindigToewijzing, ClientInvoer, DomainError, requiresAuthentication, requiresScope, Scope, ToewijzingInvoer, type ToewijzingSleutel, ToewijzingWijziging,
  WMO_TOEWIJZING, wijsToewijzingToe, wijzigToewijzing,
} from '@sociaal-graph/toolkit';
import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { type WmoContext, wmoToewijzingScope } from '../context.js';
import { toewijzingKey } from './toewijzing.sql.js';
import { WmoToewijzing, wmoToewijzingOf } from './toewijzing.type.js';

const CLIENT = { description: 'De cliënt van de toewijzing, zoals het 301-bericht hem noemt (als variabele, met POST).' };
const GEMEENTE = { description: 'CBS-code van de gemeente van de toewijzing (vier cijfers).' };
const NUMMER = { description: 'Toewijzingsnummer binnen gemeente en wet (LDT_Nummer, hoogstens negen cijfers).' };
const TOEWIJZING = { description: 'De toe te wijzen ondersteuning en de cliënt (als variabele, met POST).' };
const WIJZIGING = { description: 'Het nieuwe volume of de nieuwe einddatum, met de RedenWijziging van het 301-bericht.' };
const SLEUTEL = { description: 'Door de client gekozen sleutel (bijvoorbeeld een UUID), één per opdracht: dezelfde sleutel met dezelfde invoer verandert niets meer.' };

/**
 * The consulent's and the back office's changes of Wmo toewijzingen, each leaving the 301 for the
 * aanbieder (docs/mutaties.md); the rules are the toolkit's, shared with the Jeugdwet.
 */
@Resolver()
export class WmoToewijzingMutatieResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.TOEWIJZING_BESCHIKKEN))
  @Mutation(() => WmoToewijzing, { description: 'Wijst Wmo-ondersteuning toe (nieuw toewijzingsnummer) en zet het 301-bericht voor de aanbieder klaar.' })
  async wijsWmoToewijzingToe(
    @Arg('idempotentieSleutel', () => String, SLEUTEL) sleutel: string,
    @Arg('toewijzing', () => ToewijzingInvoer, TOEWIJZING) invoer: ToewijzingInvoer,
    @Ctx() context: WmoContext,
  ): Promise<WmoToewijzing> {
    return leesTerug(context, await wijsToewijzingToe(context, WMO_TOEWIJZING, sleutel, invoer));
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.TOEWIJZING_BESCHIKKEN))
  @Mutation(() => WmoToewijzing, { description: 'Wijzigt volume of einddatum van een Wmo-toewijzing (met RedenWijziging) en zet het 301-bericht klaar.' })
  async wijzigWmoToewijzing(
    @Arg('idempotentieSleutel', () => String, SLEUTEL) sleutel: string,
    @Arg('gemeenteCode', () => String, GEMEENTE) gemeenteCode: string,
    @Arg('toewijzingsnummer', () => String, NUMMER) toewijzingsnummer: string,
    @Arg('wijziging', () => ToewijzingWijziging, WIJZIGING) wijziging: ToewijzingWijziging,
    @Arg('client', () => ClientInvoer, CLIENT) client: ClientInvoer,
    @Ctx() context: WmoContext,
  ): Promise<WmoToewijzing> {
    return leesTerug(context, await wijzigToewijzing(context, WMO_TOEWIJZING, sleutel, { gemeenteCode, toewijzingsnummer }, wijziging, client));
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.TOEWIJZING_BESCHIKKEN))
  @Mutation(() => WmoToewijzing, { description: 'Beëindigt een Wmo-toewijzing op een datum met een reden (WMO588) en zet het 301-bericht klaar.' })
  async beeindigWmoToewijzing(
    @Arg('idempotentieSleutel', () => String, SLEUTEL) sleutel: string,
    @Arg('gemeenteCode', () => String, GEMEENTE) gemeenteCode: string,
    @Arg('toewijzingsnummer', () => String, NUMMER) toewijzingsnummer: string,
    @Arg('einddatum', () => String, { description: 'Laatste dag (JJJJ-MM-DD).' }) einddatum: string,
    @Arg('redenBeeindiging', () => String, { description: 'Reden beëindiging (WMO588, bijvoorbeeld "36" geïnitieerd door de gemeente).' }) redenBeeindiging: string,
    @Arg('redenWijziging', () => String, { description: 'RedenWijziging van het 301-bericht (WJ759).' }) redenWijziging: string,
    @Arg('client', () => ClientInvoer, CLIENT) client: ClientInvoer,
    @Ctx() context: WmoContext,
  ): Promise<WmoToewijzing> {
    return leesTerug(context, await beeindigToewijzing(context, WMO_TOEWIJZING, sleutel, { gemeenteCode, toewijzingsnummer }, { einddatum, redenBeeindiging, redenWijziging }, client));
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.TOEWIJZING_BESCHIKKEN))
  @Mutation(() => VerzoekBeslissingUitkomst, {
    description: 'Besluit op een verzoek om toewijzing (315) of om wijziging (317) van een aanbieder: toewijzen (toewijzing en 301-bericht), in onderzoek of afwijzen (319-bericht).',
  })
  async beslisWmoVerzoek(
    @Arg('idempotentieSleutel', () => String, SLEUTEL) sleutel: string,
    @Arg('beslissing', () => VerzoekBeslissing, { description: 'Het verzoek (gemeente, aanbieder, ReferentieAanbieder) en het besluit.' }) beslissing: VerzoekBeslissing,
    @Ctx() context: WmoContext,
  ): Promise<VerzoekBeslissingUitkomst> {
    return beslisVerzoek(context, WMO_TOEWIJZING, sleutel, beslissing);
  }
}

/** The toewijzing as it now stands, within the caller's scope (its read is the mutation's record). */
async function leesTerug(context: WmoContext, sleutel: ToewijzingSleutel): Promise<WmoToewijzing> {
  const row = await context.loaders.toewijzing(wmoToewijzingScope(context)).load(toewijzingKey(sleutel.gemeenteCode, sleutel.toewijzingsnummer));
  if (!row) throw new DomainError('Deze toewijzing valt niet (meer) binnen uw mandaat.', { code: 'FORBIDDEN' });
  return wmoToewijzingOf(row);
}
