/**
 * The public federation benchmark shape (The Guild's graphql-gateways-benchmark): four subgraphs
 * (accounts, inventory, products, reviews), 6 users, 9 products, 11 reviews, and its one nested
 * query. Written here from the benchmark's published facts (schema, data, query); its subgraphs
 * are Rust, these are Node (@apollo/subgraph), lean, so that the gateway is what is measured.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { buildSchema, type ExecutionResult, type GraphQLSchema, graphqlSync, parse } from 'graphql';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides"])';

interface User { id: string; name: string; username: string; birthday: number }
interface Product { upc: string; name: string; price: number; weight: number }
interface Review { id: string; body: string; product: string }

const USERS: readonly User[] = [
  ['1', 'Uri Goldshtein', 'urigo'],
  ['2', 'Dotan Simha', 'dotansimha'],
  ['3', 'Kamil Kisiela', 'kamilkisiela'],
  ['4', 'Arda Tanrikulu', 'ardatan'],
  ['5', 'Gil Gardosh', 'gilgardosh'],
  ['6', 'Laurin Quast', 'laurin'],
].map(([id, name, username]) => ({ id, name, username, birthday: 1234567890 }));

const PRODUCTS: readonly Product[] = (
  [
    ['1', 'Table', 899, 100],
    ['2', 'Couch', 1299, 1000],
    ['3', 'Glass', 15, 20],
    ['4', 'Chair', 499, 100],
    ['5', 'TV', 1299, 1000],
    ['6', 'Lamp', 6999, 300],
    ['7', 'Grill', 3999, 2000],
    ['8', 'Fridge', 100000, 6000],
    ['9', 'Sofa', 9999, 800],
  ] as const
).map(([upc, name, price, weight]) => ({ upc, name, price, weight }));

const IN_STOCK: Readonly<Record<string, boolean>> = { 1: true, 2: false, 3: false, 4: false, 5: true, 6: true, 7: true, 8: false, 9: true };

// The benchmark's review texts: lorem ipsum of four lengths.
const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.';
const SED_UT =
  'Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi';
const SED_QUIA =
  'sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem.';
const UT_ENIM = 'Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem';
const AT_VERO =
  'At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat.';

const REVIEWS: readonly Review[] = (
  [
    [LOREM, '1'], [SED_UT, '1'], [SED_QUIA, '1'], [UT_ENIM, '1'],
    [LOREM, '2'], [SED_UT, '2'], [SED_QUIA, '2'], [UT_ENIM, '2'],
    [UT_ENIM, '3'], [UT_ENIM, '4'], [AT_VERO, '4'],
  ] as const
).map(([body, product], index) => ({ id: String(index + 1), body, product }));

// In the benchmark every review's author is user 1, and every user's reviews are the first two.
const AUTHOR_ID = '1';
const USER_REVIEWS = REVIEWS.slice(0, 2);

const byId = <T>(items: readonly T[], key: (item: T) => string) => new Map(items.map((item) => [key(item), item]));
const usersById = byId(USERS, (user) => user.id);
const productsByUpc = byId(PRODUCTS, (product) => product.upc);
const reviewsById = byId(REVIEWS, (review) => review.id);
/** The benchmark's shipping estimate: free above 1000, else half the weight (whole numbers). */
const shippingEstimate = (price: number, weight: number) => (price > 1000 ? 0 : Math.trunc(weight / 2));

export interface SubgraphDefinition {
  readonly name: 'accounts' | 'inventory' | 'products' | 'reviews';
  readonly sdl: string;
  readonly resolvers: GraphQLResolverMap<unknown>;
}

export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  {
    name: 'accounts',
    sdl: `${LINK}
type Query { me: User  user(id: ID!): User  users: [User] }
type User @key(fields: "id") { id: ID!  name: String  username: String @shareable  birthday: Int }`,
    resolvers: {
      Query: { me: () => USERS[0], user: (_: unknown, args: { id: string }) => usersById.get(args.id) ?? null, users: () => USERS },
      User: { __resolveReference: (reference: { id: string }) => usersById.get(reference.id) ?? null },
    },
  },
  {
    name: 'inventory',
    sdl: `${LINK}
type Product @key(fields: "upc") {
  upc: String!
  weight: Int @external
  price: Int @external
  inStock: Boolean
  shippingEstimate: Int @requires(fields: "price weight")
}`,
    resolvers: {
      Product: {
        __resolveReference: (reference: { upc: string; price?: number; weight?: number }) => ({ ...reference, inStock: IN_STOCK[reference.upc] ?? null }),
        shippingEstimate: (product: { price?: number; weight?: number }) =>
          product.price === undefined || product.weight === undefined ? null : shippingEstimate(product.price, product.weight),
      },
    },
  },
  {
    name: 'products',
    sdl: `${LINK}
type Query { topProducts(first: Int = 5): [Product] }
type Product @key(fields: "upc") { upc: String!  name: String  price: Int  weight: Int }`,
    resolvers: {
      Query: { topProducts: (_: unknown, args: { first: number }) => PRODUCTS.slice(0, args.first) },
      Product: { __resolveReference: (reference: { upc: string }) => productsByUpc.get(reference.upc) ?? null },
    },
  },
  {
    name: 'reviews',
    sdl: `${LINK}
type Review @key(fields: "id") { id: ID!  body: String  product: Product  author: User @provides(fields: "username") }
type User @key(fields: "id") { id: ID!  username: String @external  reviews: [Review] }
type Product @key(fields: "upc") { upc: String!  reviews: [Review] }`,
    resolvers: {
      Review: {
        __resolveReference: (reference: { id: string }) => reviewsById.get(reference.id) ?? null,
        product: (review: Review) => ({ upc: review.product }),
        author: () => ({ id: AUTHOR_ID, username: usersById.get(AUTHOR_ID)?.username }),
      },
      User: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }), reviews: () => USER_REVIEWS },
      Product: {
        __resolveReference: (reference: { upc: string }) => ({ upc: reference.upc }),
        reviews: (product: { upc: string }) => REVIEWS.filter((review) => review.product === product.upc),
      },
    },
  },
];

export function subgraphSchema(definition: SubgraphDefinition): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: parse(definition.sdl), resolvers: definition.resolvers });
}

/** The benchmark's one query (about 88 KB of answer). */
export const QUERY = `fragment User on User { id username name }
fragment Review on Review { id body }
fragment Product on Product { inStock name price shippingEstimate upc weight }
query TestQuery {
  users { ...User reviews { ...Review product { ...Product reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } } } } }
  topProducts { ...Product reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } } }
}`;

/**
 * The answer every gateway must give: the same query executed on one plain schema over the same
 * data (no federation), so the check does not trust any of the gateways measured.
 */
export function expectedAnswer(): ExecutionResult {
  const schema = buildSchema(`
type Query { users: [User] topProducts(first: Int = 5): [Product] }
type User { id: ID! username: String name: String reviews: [Review] }
type Review { id: ID! body: String product: Product author: User }
type Product { upc: String! name: String price: Int weight: Int inStock: Boolean shippingEstimate: Int reviews: [Review] }`);
  const product = (upc: string) => {
    const found = productsByUpc.get(upc) as Product;
    return { ...found, inStock: IN_STOCK[upc], shippingEstimate: shippingEstimate(found.price, found.weight), reviews: () => REVIEWS.filter((review) => review.product === upc).map(review) };
  };
  const user = (id: string): Record<string, unknown> => ({ ...(usersById.get(id) as User), reviews: () => USER_REVIEWS.map(review) });
  const review = (entry: Review): Record<string, unknown> => ({ id: entry.id, body: entry.body, product: () => product(entry.product), author: () => user(AUTHOR_ID) });
  const rootValue = { users: () => USERS.map((entry) => user(entry.id)), topProducts: (args: { first: number }) => PRODUCTS.slice(0, args.first).map((entry) => product(entry.upc)) };
  return graphqlSync({ schema, source: QUERY, rootValue });
}
