import { Scope } from './authorization.js';

/**
 * Marker directives that say what a field holds, for the privacy lint at composition
 * (codegen/src/privacy-lint.ts, issue 13). They compose into the supergraph through their own
 * `@link` spec and `@composeDirective`, so the lint reads the graph the gateway enforces. They
 * grant nothing and refuse nothing: the authorization directives do that; the lint checks that
 * every marked field has one.
 */

/** The `@link` URL of the markers' spec. An identifier only: nothing fetches it. */
export const PRIVACY_SPEC_URL = 'https://specs.sociaal-graph.nl/privacy/v0.1';

/** A field (or type) that holds personal data of a resident: needs a personal-data purpose. */
export const persoonsgegevens = '@persoonsgegevens';

/**
 * A field that publishes an aggregate over personal data under the toolkit's disclosure-control
 * policy (suppression, rounding): needs `aggregaten:lezen`. Its figures lie below it.
 */
export const geaggregeerd = '@geaggregeerd';

/** The markers' definitions and their link, added to every subgraph's SDL by `buildSubgraph`. */
export const PRIVACY_MARKERS_SDL = [
  `extend schema @link(url: "${PRIVACY_SPEC_URL}", import: ["${persoonsgegevens}", "${geaggregeerd}"])`,
  `  @composeDirective(name: "${persoonsgegevens}") @composeDirective(name: "${geaggregeerd}")`,
  `directive ${persoonsgegevens} on FIELD_DEFINITION | OBJECT`,
  `directive ${geaggregeerd} on FIELD_DEFINITION`,
].join('\n');

/** Purposes that open personal data; every alternative of a personal field's `@requiresScopes` names one. */
export const PERSONAL_DATA_SCOPES: readonly Scope[] = [Scope.PERSOONSGEGEVENS, Scope.BSN, Scope.VRIJE_TEKST, Scope.DECLARATIES];

/**
 * Declared personal data besides the marker: field names that are personal wherever they occur
 * (DESIGN "Personal data": BSN, name, birth date, address, free text) ...
 */
export const PERSONAL_FIELD_NAMES: readonly string[] = [
  'bsn',
  'voornaam',
  'achternaam',
  'geboortedatum',
  'adres',
  'commentaar',
  'geslacht',
  'leeftijd',
];

/**
 * ... and types that describe one resident, their household or what they receive: every field
 * that returns one of them is personal.
 */
export const PERSONAL_TYPES: readonly string[] = [
  'Inwoner',
  'InwonerAdres',
  'Huishouden',
  'Melding',
  'WmoToewijzing',
  'JeugdToewijzing',
  'Verwijzing',
  'JeugdTraject',
  'Uitkering',
  'Reintegratietraject',
  'Schuldhulptraject',
  'Minimaregeling',
  'Declaratie',
  'DuurHuishouden',
];

/** The types of published figures under disclosure control: reached only below a `@geaggregeerd` field. */
export const SUPPRESSED_VALUE_TYPES: readonly string[] = ['OnderdruktAantal', 'OnderdruktBedrag'];
