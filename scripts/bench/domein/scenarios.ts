/**
 * The domain scenarios of `npm run bench -- --domein` (issue 14 item 1): what the graph's users wait on,
 * sent through the gateway with a token of the role that asks it. Every query here also runs on the
 * baseline checkout, so it uses only fields that existed before the performance work.
 */

/** HBEL's four municipalities: Huizen, Blaricum, Eemnes, Laren (dense in today's demo world). */
export const HBEL = ['0406', '0376', '0317', '0417'] as const;

/** The resident view's fields: README "Example queries", the first example. */
const INWONER_VELDEN = `id
  gemeente { code naam }
  wmoToewijzingen {
    toewijzingsnummer
    productcategorie { code omschrijving }
    aanbieder { agbCode naam }
    contract { naam bekostiging }
    tarief { bedrag bedragTekst geldigVan }
  }
  jeugdToewijzingen { productcategorie { omschrijving } verwijzing { verwijzerType { omschrijving } } }
  uitkeringen { regeling { omschrijving } bedragPerMaandTekst }`;

/** The README's resident view, with the page size as a variable (for the statements-per-list-length table). */
export const BEWONERS_QUERY = `query Bewonerbeeld($gemeente: String!, $first: Int!) {
  inwoners(gemeente: $gemeente, wetten: [WMO, JEUGDWET, PARTICIPATIEWET], first: $first) { items { ${INWONER_VELDEN} } }
}`;

/** One resident by id: the consulent opening residents one after the other. */
export const BEWONER_QUERY = `query Bewoner($id: String!) { inwoner(id: $id) { ${INWONER_VELDEN} } }`;

/** The region's contracts (README example; public), the page size as a variable. */
export const CONTRACTEN_QUERY = `query Contracten($first: Int!) {
  contracten(contractant: "regio-gv", first: $first) {
    items {
      naam bekostiging
      aanbieder { agbCode naam }
      deelnemendeGemeenten { code naam }
      percelen { naam producten { productcode naam tarieven { bedragTekst geldigVan geldigTot } } }
    }
    pageInfo { totaal heeftVolgende }
  }
}`;

/** An analyst's aggregate per gemeente and quarter: a law's reach (`wmoBereik`, `jeugdBereik`) in HBEL's four municipalities. */
const bereikQuery = (veld: 'wmoBereik' | 'jeugdBereik') => `query Bereik($gemeenten: [String!]!, $jaar: Int!) {
  ${veld}(gemeenten: $gemeenten) {
    verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot }
    gemeenten {
      code naam
      ${veld}(jaar: $jaar) {
        inwoners
        kwartalen { kwartaal van tot clienten { waarde onderdrukt } clientenPer1000 instroom { waarde onderdrukt } doorstroom { waarde onderdrukt } uitstroom { waarde onderdrukt } }
      }
    }
  }
}`;
export const BEREIK_QUERY = bereikQuery('wmoBereik');
export const JEUGDBEREIK_QUERY = bereikQuery('jeugdBereik');

export interface Caller {
  readonly role: string;
  readonly org: string;
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** Who asks; undefined: anonymous (public data). */
  readonly caller?: Caller;
  /** The request bodies to send, one chosen per request in turn (several: a different resident each time). */
  bodies(residentIds: readonly string[]): string[];
}

const consulent: Caller = { role: 'consulent', org: 'uo-hbel' };
const analist: Caller = { role: 'analist', org: 'uo-hbel' };
const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'bewonerbeeld',
    description: "the README's resident view: one Blaricum resident with Wmo toewijzingen (aanbieder, contract, tarief), jeugdhulp and uitkeringen, for a consulent of uo-hbel",
    caller: consulent,
    bodies: () => [body(BEWONERS_QUERY, { gemeente: '0376', first: 1 })],
  },
  {
    name: 'bewonerbeeld-willekeurig',
    description: "the same view of one resident by id (`inwoner(id:)`), a different one each request: HBEL's residents in turn",
    caller: consulent,
    bodies: (residentIds) => residentIds.map((id) => body(BEWONER_QUERY, { id })),
  },
  {
    name: 'contracten',
    description: 'the region\'s contract pull: `contracten(contractant: "regio-gv", first: 20)` with aanbieder, gemeenten, percelen, producten and tarieven (public, no token)',
    bodies: () => [body(CONTRACTEN_QUERY, { first: 20 })],
  },
  {
    name: 'bereik-per-kwartaal',
    description: "an analyst's aggregate per gemeente and quarter: `wmoBereik` of HBEL's four municipalities in 2025, every quarter's clienten, in-, door- and uitstroom (analist of uo-hbel)",
    caller: analist,
    bodies: () => [body(BEREIK_QUERY, { gemeenten: HBEL, jaar: 2025 })],
  },
  {
    name: 'jeugdbereik-per-kwartaal',
    description: "the same aggregate under the Jeugdwet: `jeugdBereik` of HBEL's four municipalities in 2025 (analist of uo-hbel; a gemeente outside its Jeugdwet mandate is named in the verantwoording, not counted)",
    caller: analist,
    bodies: () => [body(JEUGDBEREIK_QUERY, { gemeenten: HBEL, jaar: 2025 })],
  },
];

/** Statements per request against list length: [scenario, query, caller, lengths, variables of a length]. */
export const LIST_LENGTHS: readonly { name: string; caller?: Caller; lengths: readonly number[]; body(length: number): string }[] = [
  { name: 'bewonerbeeld (inwoners of Huizen)', caller: consulent, lengths: [1, 5, 25], body: (first) => body(BEWONERS_QUERY, { gemeente: '0406', first }) },
  { name: 'contracten (regio-gv)', lengths: [1, 5, 20, 100], body: (first) => body(CONTRACTEN_QUERY, { first }) },
];
