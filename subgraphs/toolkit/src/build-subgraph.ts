import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, Kind, parse, visit } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { PRIVACY_MARKERS_SDL } from './privacy-markers.js';

/** The Federation 2 directives our subgraphs use, imported once in every subgraph's SDL. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@authenticated", "@requiresScopes", "@policy", "@composeDirective", "@cost", "@listSize"])';

/**
 * The root type's description. type-graphql has no option for it, so it is set on the printed SDL;
 * it is the same in every subgraph, else composition reports INCONSISTENT_DESCRIPTION.
 */
const QUERY_DESCRIPTION =
  'Ingangen van de graaf van het sociaal domein: gemeenten en hun financiën, toegang, Wmo, Jeugdwet, ' +
  'Participatiewet, subsidies en inkoop. Gegevens over inwoners tonen alleen wat binnen het mandaat van de aanvrager valt.';

/** The same for the root type of changes (every subgraph that has one gives it this description). */
const MUTATION_DESCRIPTION =
  'Wijzigingen: berichten (iWmo/iJw 3.2) aanbieden en handelingen van de geïntegreerde voorkanten, elk binnen het mandaat ' +
  'van de aanvrager, in één transactie en herhaalbaar zonder tweede wijziging.';

/** A `__resolveReference` per entity type this subgraph owns or extends. */
export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: never, context: never) => unknown }
>;

export interface BuildSubgraphOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type for resolver classes
  resolvers: NonEmptyArray<Function>;
  /** Types no resolver returns directly (entity stubs reached only through `_entities`). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
}

/**
 * Turns type-graphql resolvers into a Federation 2 subgraph schema: build with type-graphql, print
 * with the `@key`/`@shareable` directives kept, add the `@link` once (and the privacy markers'), and hand the SDL with the
 * resolvers and reference resolvers to @apollo/subgraph.
 */
export async function buildSubgraph(options: BuildSubgraphOptions): Promise<GraphQLSchema> {
  usePropertyReadsForPlainFields();
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    // Federation directives are not known to type-graphql's own check; @apollo/subgraph validates.
    skipCheck: true,
    validate: false,
  });
  const sdl = `${FEDERATION_LINK}\n${PRIVACY_MARKERS_SDL}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`;
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as GraphQLResolverMap<unknown>[string];
  }
  const typeDefs = visit(parse(sdl), {
    ObjectTypeDefinition: (node) =>
      node.name.value === 'Query'
        ? { ...node, description: { kind: Kind.STRING, value: QUERY_DESCRIPTION } }
        : node.name.value === 'Mutation'
          ? { ...node, description: { kind: Kind.STRING, value: MUTATION_DESCRIPTION } }
          : undefined,
  });
  return buildSubgraphSchema({ typeDefs, resolvers });
}

/**
 * Plain `@Field` properties are read by graphql-js' default resolver instead of type-graphql's
 * wrapper (its `simple` option). The wrapper allocates a resolver-data object and a closure per field
 * value only to run middlewares and auth checks, and we use none; in `arrangementen` x12 (77,000
 * fields) it was a fifth of gemeenten' execution CPU. A field keeps the wrapper when it has a
 * middleware or an `@Authorized` rule, or when its property has another name than the field (the
 * default resolver reads the field's name). Field resolvers are never affected: type-graphql uses
 * their method whatever `simple` says.
 */
function usePropertyReadsForPlainFields(): void {
  const storage = getMetadataStorage();
  const guarded = new Set<string>();
  for (const { target, fieldName } of [...storage.middlewares, ...storage.authorizedFields]) guarded.add(`${target.name}.${fieldName}`);
  const guardedClasses = new Set<unknown>([...storage.resolverMiddlewares, ...storage.authorizedResolver].map(({ target }) => target));
  for (const field of storage.fields) {
    if (field.simple !== undefined || field.name !== field.schemaName) continue;
    if (guarded.has(`${field.target.name}.${field.name}`) || guardedClasses.has(field.target)) continue;
    field.simple = true;
  }
}
