import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import {
  assertDatum, badUserInput, DomainError, heeftSchrijfmandaat, requiresAuthentication, requiresScope, Rol, Scope, type Schrijfrecht,
  vandaag, voerMutatieUit, wetNaam,
} from '@sociaal-graph/toolkit';
import type { ToegangContext } from '../context.js';
import { assertBsn } from '../inwoner/bsn.js';
import { toegangScope } from '../scope.js';
import { MeldingInvoer } from './melding.input.js';
import { inwonerVoorMelding, meldingOpId, type MeldingRow, voegMeldingToe } from './melding.sql.js';
import { Melding, MeldingSoort } from './melding.type.js';

/** Processing activity of registering a hulpvraag (Logboek Dataverwerkingen). */
export const MELDING_REGISTREREN = 'toegang:melding:registreren';

/** The front door registers hulpvragen: the consulent, where its organisation holds TOEGANG (docs/mutaties.md). */
const REGISTREREN: Schrijfrecht = { doel: Scope.MELDING_REGISTREREN, rollen: [Rol.TOEGANG], handeling: 'een melding te registreren' };

const MAX_COMMENTAAR = 2000;

/** The consulent's front-end registers a resident's hulpvraag. */
@Resolver()
export class MeldingMutatieResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.MELDING_REGISTREREN))
  @Mutation(() => Melding, {
    description:
      'Registreert een hulpvraag (melding) van een inwoner, die met zijn BSN wordt aangewezen (als variabele, met POST). ' +
      'Alleen binnen het toegangsmandaat van de aanvrager voor de gemeente van de inwoner en de wet. Dezelfde idempotentiesleutel ' +
      'met dezelfde invoer geeft hetzelfde antwoord zonder tweede melding; met andere invoer volgt IDEMPOTENTIESLEUTEL_HERGEBRUIKT.',
  })
  async registreerMelding(
    @Arg('idempotentieSleutel', () => String, { description: 'Door de client gekozen sleutel (bijvoorbeeld een UUID), één per opdracht.' }) sleutel: string,
    @Arg('bsn', () => String, { description: 'Burgerservicenummer van de inwoner, negen cijfers (elfproef).' }) bsn: string,
    @Arg('melding', () => MeldingInvoer, { description: 'De hulpvraag: wet, soort, datum en toelichting.' }) invoer: MeldingInvoer,
    @Ctx() context: ToegangContext,
  ): Promise<MeldingRow> {
    const melding = {
      wet: invoer.wet,
      soort: invoer.soort ?? MeldingSoort.MELDING,
      datum: invoer.datum == null ? vandaag() : assertDatum(invoer.datum, 'melding.datum'),
      commentaar: invoer.commentaar ?? null,
    };
    if (melding.datum > vandaag()) throw badUserInput('De datum van een melding ligt niet in de toekomst.', { argument: 'melding.datum' });
    if (melding.commentaar !== null && melding.commentaar.length > MAX_COMMENTAAR) {
      throw badUserInput(`Het commentaar is langer dan ${MAX_COMMENTAAR} tekens.`, { argument: 'melding.commentaar' });
    }
    const inwonerId = context.pseudoniem(assertBsn(bsn));
    const { meldingId } = await voerMutatieUit(context, {
      activiteit: MELDING_REGISTREREN,
      sleutel,
      // The BSN as its pseudonym: the stored hash of the input is then no hash of a BSN.
      invoer: { inwonerId, ...melding },
      uitvoeren: async (tx, verwerking) => {
        const inwoner = await inwonerVoorMelding(tx, inwonerId);
        // Unknown and outside the mandate answer alike: the refusal tells nothing about where a BSN lives.
        if (!inwoner || !heeftSchrijfmandaat(context.principal, REGISTREREN, melding.wet, inwoner.gemeenteCode)) {
          throw new DomainError(`Geen inwoner met dit BSN binnen uw mandaat om een melding onder de ${wetNaam(melding.wet)} te registreren.`, {
            code: 'FORBIDDEN',
            details: { argument: 'bsn' },
          });
        }
        verwerking.betrokkene(inwonerId);
        return { meldingId: await voegMeldingToe(tx, { ...melding, inwonerId, gemeenteCode: inwoner.gemeenteCode, consulentId: inwoner.consulentId }) };
      },
    });
    // Read back within the caller's scope (a retry after the mandate was withdrawn finds nothing).
    const row = await meldingOpId(context.db, meldingId, toegangScope(context.principal));
    if (!row) throw new DomainError('Deze melding valt niet (meer) binnen uw mandaat.', { code: 'FORBIDDEN' });
    return row;
  }
}
