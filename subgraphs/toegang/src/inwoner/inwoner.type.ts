import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { persoonsgegevens, Policy, requiresAuthentication, requiresPolicy, requiresScope, Scope } from '@sociaal-graph/toolkit';
import type { InwonerRow } from './inwoner.sql.js';

/**
 * The resident, keyed by pseudonym. Fields without `@Field` are the row's foreign keys and codes;
 * the resolver turns them into objects (inwoner-fields.resolver.ts).
 */
@Directive('@key(fields: "id")')
@ObjectType('Inwoner', {
  description: 'Een inwoner die zich bij de toegang heeft gemeld. Eigenaar: subgraph toegang; andere subgraphs voegen hun voorzieningen toe.',
})
export class Inwoner implements InwonerRow {
  @Field(() => String, {
    description: 'Pseudoniem van de inwoner: HMAC van het BSN met het geheim van de installatie, 32 hexadecimale tekens. Nooit het BSN.',
  })
  id!: string;

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Field(() => Int, { nullable: true, description: 'Leeftijd in hele jaren op de peildatum van de gegevens (zonder peildatum: vandaag).' })
  leeftijd!: number;

  // Persoonsgegevens (docs/security.md): issue 3 puts field authorization on these.

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.BSN))
  @Directive(requiresPolicy(Policy.MANDAAT))
  @Directive(persoonsgegevens)
  @Field(() => String, { nullable: true, description: 'Persoonsgegeven. Burgerservicenummer: negen cijfers, voldoet aan de elfproef.' })
  bsn!: string;

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(requiresPolicy(Policy.MANDAAT))
  @Directive(persoonsgegevens)
  @Field(() => String, { nullable: true, description: 'Persoonsgegeven. Voornaam.' })
  voornaam!: string;

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(requiresPolicy(Policy.MANDAAT))
  @Directive(persoonsgegevens)
  @Field(() => String, { nullable: true, description: 'Persoonsgegeven. Achternaam, met eventuele voorvoegsels.' })
  achternaam!: string;

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(requiresPolicy(Policy.MANDAAT))
  @Directive(persoonsgegevens)
  @Field(() => String, { nullable: true, description: 'Persoonsgegeven. Geboortedatum (JJJJ-MM-DD).' })
  geboortedatum!: string;

  gemeenteCode!: string;
  huishoudenId!: string;
  geslacht!: string;
  consulentId!: string | null;
}

/** A resident's address: the household's postcode and house number. */
@Directive(requiresAuthentication)
@Directive(requiresScope(Scope.PERSOONSGEGEVENS))
@Directive(requiresPolicy(Policy.MANDAAT))
@Directive(persoonsgegevens)
@ObjectType('InwonerAdres', { description: 'Persoonsgegeven. Woonadres van een inwoner (dat van het huishouden).' })
export class InwonerAdres {
  @Field(() => String, { description: 'Postcode, vier cijfers, spatie, twee letters ("1271 AB").' })
  postcode!: string;

  @Field(() => Int, { description: 'Huisnummer.' })
  huisnummer!: number;
}
