import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { Code, codeOf, listSize, Policy, requiresAuthentication, requiresPolicy, requiresScope, Scope, Wet } from '@sociaal-graph/toolkit';
import { residentLoaders, type ToegangContext } from '../context.js';
import { Consulent } from '../consulent/consulent.type.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { Huishouden } from '../huishouden/huishouden.type.js';
import { Melding } from '../melding/melding.type.js';
import { withPurpose } from '../purpose.js';
import { WETTEN } from '../scope.js';
import { GESLACHT } from './geslacht.js';
import { InwonerAdres } from './inwoner.type.js';
import { Inwoner } from './inwoner.type.js';
import { leeftijdsklasseVan } from './leeftijdsklasse.js';
import type { InwonerRow } from './inwoner.sql.js';

/** The fields of a resident that come from elsewhere: household, consulent, meldingen, codes. */
@Resolver(() => Inwoner)
export class InwonerFieldsResolver {
  // Declared on Inwoner (with its directives); resolved here for the second line.
  @FieldResolver()
  bsn(@Root() inwoner: InwonerRow, @Ctx() context: ToegangContext): string {
    return withPurpose(context.principal, Scope.BSN, 'Inwoner.bsn', inwoner.bsn);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @FieldResolver(() => Gemeente, { nullable: true, description: 'De woongemeente van de inwoner.' })
  gemeente(@Root() inwoner: InwonerRow): Gemeente {
    return { code: inwoner.gemeenteCode };
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @FieldResolver(() => Huishouden, { nullable: true, description: 'Het huishouden waartoe de inwoner behoort.' })
  huishouden(@Root() inwoner: InwonerRow, @Ctx() context: ToegangContext) {
    return residentLoaders(context).huishouden.load(inwoner.huishoudenId);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Leeftijdsklasse op de peildatum: "0-17", "18-26", "27-64" of "65+".',
  })
  leeftijdsklasse(@Root() inwoner: InwonerRow): string {
    return leeftijdsklasseVan(inwoner.leeftijd);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @FieldResolver(() => Code, { nullable: true, description: 'Geslacht (iWmo/iJw-codelijst: 0 onbekend, 1 mannelijk, 2 vrouwelijk).' })
  geslacht(@Root() inwoner: InwonerRow): Code {
    return codeOf(GESLACHT, inwoner.geslacht) ?? { code: inwoner.geslacht, omschrijving: 'Onbekende code' };
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(requiresPolicy(Policy.MANDAAT))
  @FieldResolver(() => InwonerAdres, {
    nullable: true,
    description: 'Persoonsgegeven. Woonadres: postcode en huisnummer van het huishouden.',
  })
  async adres(@Root() inwoner: InwonerRow, @Ctx() context: ToegangContext): Promise<InwonerAdres | null> {
    // Same loader as `huishouden`: asking both costs one statement.
    const huishouden = await residentLoaders(context).huishouden.load(inwoner.huishoudenId);
    return huishouden && { postcode: huishouden.postcode, huisnummer: huishouden.huisnummer };
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @FieldResolver(() => Consulent, { nullable: true, description: 'De vaste consulent (contactpersoon) van de inwoner.' })
  vasteConsulent(@Root() inwoner: InwonerRow, @Ctx() context: ToegangContext) {
    return inwoner.consulentId ? context.loaders.consulent.load(inwoner.consulentId) : null;
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(listSize(50))
  @FieldResolver(() => [Melding], {
    nullable: true,
    description: 'Hulpvragen van de inwoner, nieuwste eerst; per wet alleen als de vrager de toegang voor die wet en gemeente uitvoert.',
  })
  meldingen(@Root() inwoner: InwonerRow, @Ctx() context: ToegangContext) {
    return residentLoaders(context).meldingenVanInwoner.load(inwoner.id);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(listSize(3))
  @FieldResolver(() => [Wet], { nullable: true, description: 'De wetten waaronder de inwoner een (voor de vrager zichtbare) melding heeft.' })
  async wetten(@Root() inwoner: InwonerRow, @Ctx() context: ToegangContext): Promise<Wet[]> {
    const meldingen = await residentLoaders(context).meldingenVanInwoner.load(inwoner.id);
    return WETTEN.filter((wet) => meldingen.some((melding) => melding.wet === wet));
  }
}
