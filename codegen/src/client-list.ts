/**
 * The graph's known clients (issue 13): integrated front-ends and regional partners' systems, each
 * with its operations as `.graphql` files, its generated types and typed documents, and its
 * persisted-operation manifest in `clients/<id>/generated/` (`npm run compose` writes them).
 * The id is what the client's token names in `client_id` (README "Clients").
 */
export interface ClientEntry {
  /** The client id: folder name, token claim `client_id`, manifest key. */
  readonly id: string;
  readonly titel: string;
  /** The role and organisation of the demo world its example runs as. */
  readonly rol: string;
  readonly organisatie: string;
  /** Globs of its operations, relative to the repository root. */
  readonly documents: readonly string[];
}

/**
 * Where a client's saved GraphiQL operations fit its work, they are its operations too, so an
 * analyst's example in GraphiQL is exactly what the client sends.
 */
export const CLIENTS: readonly ClientEntry[] = [
  {
    id: 'consulent',
    titel: 'Consulent-applicatie (front-end van de toegang)',
    rol: 'consulent',
    organisatie: 'uo-hbel',
    documents: ['clients/consulent/operations/*.graphql', 'gateway/graphiql/operations/consulent/*.graphql'],
  },
  {
    id: 'backoffice',
    titel: 'Backoffice-applicatie (beschikkingen, toewijzingen, declaraties)',
    rol: 'backoffice',
    organisatie: 'uo-hbel',
    documents: ['clients/backoffice/operations/*.graphql'],
  },
  {
    id: 'regio',
    titel: 'Regionaal inkoop en contractbeheer',
    rol: 'inkoper',
    organisatie: 'regio-gv',
    documents: ['clients/regio/operations/*.graphql', 'gateway/graphiql/operations/inkoper/*.graphql'],
  },
  {
    id: 'aanbieder',
    titel: 'Systeem van een zorgaanbieder',
    rol: 'aanbieder',
    // An AGB code of the demo world's providers; the example's test takes the busiest one.
    organisatie: '',
    documents: ['clients/aanbieder/operations/*.graphql'],
  },
  {
    id: 'analist',
    titel: 'Analyse en beleidsinformatie',
    rol: 'analist',
    organisatie: '0406',
    documents: ['clients/analist/operations/*.graphql', 'gateway/graphiql/operations/analist/*.graphql'],
  },
];
