import { readFileSync } from 'node:fs';
import { PRIVACY_MARKERS_SDL } from '@sociaal-graph/toolkit';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from './compose.js';
import { privacyLint } from './privacy-lint.js';
import { SUPERGRAPH_PATH } from './subgraph-list.js';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@authenticated", "@requiresScopes", "@inaccessible", "@composeDirective"])';

/** One subgraph with the toolkit's markers, as `buildSubgraph` prints them, and `body`. */
const subgraph = (body: string) => [{ name: 'a', url: 'http://127.0.0.1:1/graphql', sdl: `${LINK}\n${PRIVACY_MARKERS_SDL}\n${body}` }];
const composedErrors = (body: string) => {
  const composition = composeSupergraph(subgraph(body));
  return composition.ok ? [] : composition.errors;
};
const PERSONAL = '@requiresScopes(scopes: [["persoonsgegevens:lezen"]])';
const AGGREGATES = '@requiresScopes(scopes: [["aggregaten:lezen"]])';

describe('privacy lint at composition', () => {
  it('fails composition on a personal field without a directive, naming the field', () => {
    const errors = composedErrors(`type Query { persoon: Persoon ${PERSONAL}  contactpersoon: Persoon }\ntype Persoon { id: ID! voornaam: String ${PERSONAL} bsn: String }`);
    expect(errors).toEqual([expect.stringMatching(/^PRIVACY_LINT: Persoon\.bsn holds personal data \(field name "bsn"\)/)]);
  });

  it('takes a field marked @persoonsgegevens, a field returning a personal type, and a marked type as personal', () => {
    const errors = composedErrors(
      `type Query { dossier: String @persoonsgegevens  inwoner: Inwoner  kaart: Kaart }\n` +
        `type Inwoner @key(fields: "id") { id: ID! }\ntype Kaart @persoonsgegevens { nummer: String }`,
    );
    expect([...errors].sort()).toEqual([
      expect.stringMatching(/^PRIVACY_LINT: Kaart\.nummer holds personal data \(on Kaart, marked @persoonsgegevens\)/),
      expect.stringMatching(/^PRIVACY_LINT: Query\.dossier holds personal data \(marked @persoonsgegevens\)/),
      expect.stringMatching(/^PRIVACY_LINT: Query\.inwoner holds personal data \(returns Inwoner\)/),
      expect.stringMatching(/^PRIVACY_LINT: Query\.kaart holds personal data \(returns Kaart\)/),
    ]);
  });

  it('refuses a directive one of whose alternatives needs no personal-data purpose', () => {
    const errors = composedErrors(`type Query { bsn: String @requiresScopes(scopes: [["bsn:lezen"], ["aggregaten:lezen"]]) }`);
    expect(errors).toContainEqual(expect.stringMatching(/^PRIVACY_LINT: Query\.bsn holds personal data/));
  });

  it('accepts the purpose on the field, on the return type, or on every field that reaches the type', () => {
    const errors = composedErrors(
      `type Query { inwoners: Pagina ${PERSONAL}  toewijzing: WmoToewijzing }\n` +
        `type Pagina { items: [Inwoner!]! }\ntype Inwoner { id: ID! adres: String ${PERSONAL} }\n` +
        `type WmoToewijzing ${PERSONAL} { nummer: String }`,
    );
    expect(errors).toEqual([]);
  });

  it('holds aggregates to aggregaten:lezen and their disclosure-control marker', () => {
    const errors = composedErrors(
      `type Query { telling: Telling ${AGGREGATES}  bereik: Telling @geaggregeerd  kengetal: Kengetal  ok: Telling ${AGGREGATES} @geaggregeerd }\n` +
        `type Telling { aantal: OnderdruktAantal }\ntype Kengetal { rij: Telling }\ntype OnderdruktAantal { waarde: Int onderdrukt: String }`,
    );
    expect(errors).toEqual([
      'PRIVACY_LINT: Query.telling requires aggregaten:lezen but lacks the disclosure-control marker @geaggregeerd',
      'PRIVACY_LINT: Query.bereik is marked @geaggregeerd but its @requiresScopes does not require aggregaten:lezen in every alternative',
      expect.stringMatching(/^PRIVACY_LINT: Telling\.aantal publishes figures under disclosure control \(OnderdruktAantal\) .*\(Query\.telling\.aantal\)/),
    ]);
  });
});

describe('privacy lint on the committed supergraph', () => {
  const committed = readFileSync(SUPERGRAPH_PATH, 'utf8');

  it('finds nothing', () => {
    expect(privacyLint(committed)).toEqual([]);
  });

  it('fails, naming the field, when a real field loses its directive', () => {
    const line = committed.split('\n').find((text) => /^\s+bsn: String .*@requiresScopes/.test(text));
    expect(line).toBeDefined();
    const stripped = committed.replace(line ?? '', (line ?? '').replace(/@requiresScopes\(scopes: \[\[[^\]]*\]\]\)/, ''));
    expect(privacyLint(stripped)).toEqual([expect.stringMatching(/^PRIVACY_LINT: Inwoner\.bsn holds personal data \(marked @persoonsgegevens\)/)]);
  });

  it('fails, naming the field, when an aggregate loses its marker', () => {
    const stripped = committed.replace(/(\): StapelingAntwoord .*?) @geaggregeerd/, '$1');
    expect(stripped).not.toEqual(committed);
    expect(privacyLint(stripped)).toEqual(
      expect.arrayContaining(['PRIVACY_LINT: Query.stapeling requires aggregaten:lezen but lacks the disclosure-control marker @geaggregeerd']),
    );
  });
});
