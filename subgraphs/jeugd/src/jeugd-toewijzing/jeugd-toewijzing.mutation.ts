import {
  beslisVerzoek, VerzoekBeslissing, VerzoekBeslissingUitkomst, beeindigToewijzing, ClientInvoer, DomainError, JEUGD_TOEWIJZING, requiresAuthentication, requiresScope, Scope, ToewijzingInvoer, type ToewijzingSleutel,
  ToewijzingWijziging, wijsToewijzingToe, wijzigToewijzing,
} from '@sociaal-graph/toolkit';
import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import type { JeugdContext } from '../context.js';
import { toewijzingKey } from './jeugd-toewijzing.sql.js';
import { JeugdToewijzing } from './jeugd-toewijzing.type.js';

const CLIENT = { description: 'De cliënt van de toewijzing, zoals het 301-bericht hem noemt (als variabele, met POST).' };
const GEMEENTE = { description: 'CBS-code van de gemeente van de toewijzing (vier cijfers).' };
const NUMMER = { description: 'Toewijzingsnummer binnen gemeente en wet (LDT_Nummer, hoogstens negen cijfers).' };
const TOEWIJZING = { description: 'De toe te wijzen ondersteuning en de cliënt (als variabele, met POST).' };
const WIJZIGING = { description: 'Het nieuwe volume of de nieuwe einddatum, met de RedenWijziging van het 301-bericht.' };
const SLEUTEL = { description: 'Door de client gekozen sleutel (bijvoorbeeld een UUID), één per opdracht: dezelfde sleutel met dezelfde invoer verandert niets meer.' };

/**
 * The consulent's and the back office's changes of jeugdhulp toewijzingen, each leaving the 301 for
 * the aanbieder (docs/mutaties.md); the rules are the toolkit's, shared with the Wmo.
 */
@Resolver()
export class JeugdToewijzingMutatieResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.TOEWIJZING_BESCHIKKEN))
  @Mutation(() => JeugdToewijzing, { description: 'Wijst jeugdhulp toe (nieuw toewijzingsnummer) en zet het 301-bericht voor de aanbieder klaar.' })
  async wijsJeugdToewijzingToe(
    @Arg('idempotentieSleutel', () => String, SLEUTEL) sleutel: string,
    @Arg('toewijzing', () => ToewijzingInvoer, TOEWIJZING) invoer: ToewijzingInvoer,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdToewijzing> {
    return leesTerug(context, await wijsToewijzingToe(context, JEUGD_TOEWIJZING, sleutel, invoer));
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.TOEWIJZING_BESCHIKKEN))
  @Mutation(() => JeugdToewijzing, { description: 'Wijzigt volume of einddatum van een jeugdhulptoewijzing (met RedenWijziging) en zet het 301-bericht klaar.' })
  async wijzigJeugdToewijzing(
    @Arg('idempotentieSleutel', () => String, SLEUTEL) sleutel: string,
    @Arg('gemeenteCode', () => String, GEMEENTE) gemeenteCode: string,
    @Arg('toewijzingsnummer', () => String, NUMMER) toewijzingsnummer: string,
    @Arg('wijziging', () => ToewijzingWijziging, WIJZIGING) wijziging: ToewijzingWijziging,
    @Arg('client', () => ClientInvoer, CLIENT) client: ClientInvoer,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdToewijzing> {
    return leesTerug(context, await wijzigToewijzing(context, JEUGD_TOEWIJZING, sleutel, { gemeenteCode, toewijzingsnummer }, wijziging, client));
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.TOEWIJZING_BESCHIKKEN))
  @Mutation(() => JeugdToewijzing, { description: 'Beëindigt een jeugdhulptoewijzing op een datum met een reden (JZ588) en zet het 301-bericht klaar.' })
  async beeindigJeugdToewijzing(
    @Arg('idempotentieSleutel', () => String, SLEUTEL) sleutel: string,
    @Arg('gemeenteCode', () => String, GEMEENTE) gemeenteCode: string,
    @Arg('toewijzingsnummer', () => String, NUMMER) toewijzingsnummer: string,
    @Arg('einddatum', () => String, { description: 'Laatste dag (JJJJ-MM-DD).' }) einddatum: string,
    @Arg('redenBeeindiging', () => String, { description: 'Reden beëindiging (JZ588).' }) redenBeeindiging: string,
    @Arg('redenWijziging', () => String, { description: 'RedenWijziging van het 301-bericht (WJ759).' }) redenWijziging: string,
    @Arg('client', () => ClientInvoer, CLIENT) client: ClientInvoer,
    @Ctx() context: JeugdContext,
  ): Promise<JeugdToewijzing> {
    return leesTerug(context, await beeindigToewijzing(context, JEUGD_TOEWIJZING, sleutel, { gemeenteCode, toewijzingsnummer }, { einddatum, redenBeeindiging, redenWijziging }, client));
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.TOEWIJZING_BESCHIKKEN))
  @Mutation(() => VerzoekBeslissingUitkomst, {
    description: 'Besluit op een verzoek om toewijzing (315) of om wijziging (317) van een aanbieder: toewijzen (toewijzing en 301-bericht), in onderzoek of afwijzen (319-bericht).',
  })
  async beslisJeugdVerzoek(
    @Arg('idempotentieSleutel', () => String, SLEUTEL) sleutel: string,
    @Arg('beslissing', () => VerzoekBeslissing, { description: 'Het verzoek (gemeente, aanbieder, ReferentieAanbieder) en het besluit.' }) beslissing: VerzoekBeslissing,
    @Ctx() context: JeugdContext,
  ): Promise<VerzoekBeslissingUitkomst> {
    return beslisVerzoek(context, JEUGD_TOEWIJZING, sleutel, beslissing);
  }
}

/** The toewijzing as it now stands, within the caller's scope (its read is the mutation's record). */
async function leesTerug(context: JeugdContext, sleutel: ToewijzingSleutel): Promise<JeugdToewijzing> {
  const row = await context.loaders.toewijzing.load(toewijzingKey(sleutel.gemeenteCode, sleutel.toewijzingsnummer));
  if (!row) throw new DomainError('Deze toewijzing valt niet (meer) binnen uw mandaat.', { code: 'FORBIDDEN' });
  return row;
}
