import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type ConstDirectiveNode,
} from 'graphql';

/** The purpose every aggregate requires (README "Who may see what"). */
export const AGGREGATE_SCOPE = 'aggregaten:lezen';

export function loadSupergraph(): GraphQLSchema {
  const sdl = readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8');
  return buildSchema(sdl, { assumeValidSDL: true });
}

function requiresAggregateScope(directives: readonly ConstDirectiveNode[] | undefined): boolean {
  for (const directive of directives ?? []) {
    if (directive.name.value !== 'requiresScopes') continue;
    const scopes = directive.arguments?.find((a) => a.name.value === 'scopes')?.value;
    const strings: string[] = [];
    const walk = (node: typeof scopes): void => {
      if (!node) return;
      if (node.kind === Kind.STRING) strings.push(node.value);
      if (node.kind === Kind.LIST) node.values.forEach(walk);
    };
    walk(scopes);
    if (strings.includes(AGGREGATE_SCOPE)) return true;
  }
  return false;
}

/**
 * Every aggregate field of the supergraph as `Type.field`: a field whose own `@requiresScopes`, or
 * that of the type it returns, names `aggregaten:lezen`. Read from the schema, so a new aggregate is
 * attacked (or makes the suite fail) without anyone adding it to a list.
 */
export function aggregateFields(schema: GraphQLSchema = loadSupergraph()): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type);
      if (requiresAggregateScope(field.astNode?.directives) || requiresAggregateScope(returned.astNode?.directives as readonly ConstDirectiveNode[] | undefined)) {
        found.push(`${type.name}.${field.name}`);
      }
    }
  }
  return found.sort();
}

/** Entity types whose own fields are public or personal data, not part of an aggregate: only their key is selected. */
const ENTITY_KEYS: Record<string, string> = {
  Gemeente: 'code',
  Aanbieder: 'agbCode',
  Organisatie: 'id',
  Huishouden: 'id',
  Inwoner: 'id',
  Code: 'code',
};

/**
 * A selection of every value an aggregate publishes: all leaves, nested objects down to `depth`,
 * entity references by their key only, and no field that needs an argument or another purpose (those
 * are not what an aggregate publishes).
 */
export function selectAll(type: GraphQLNamedType, depth = 5): string {
  if (isLeafType(type) || depth === 0) return '';
  if (!isObjectType(type)) return '{ __typename }';
  const key = ENTITY_KEYS[type.name];
  if (key) return `{ ${key} }`;
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    if (!isAggregateOrPlain(field)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else {
      const inner = selectAll(named, depth - 1);
      if (inner) parts.push(`${field.name} ${inner}`);
    }
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '';
}

/** Fields not behind another purpose than aggregates (personal lists such as duursteHuishoudens are not aggregates). */
function isAggregateOrPlain(field: GraphQLField<unknown, unknown>): boolean {
  for (const directive of field.astNode?.directives ?? []) {
    if (directive.name.value === 'inaccessible') return false;
    if (directive.name.value === 'requiresScopes' && !requiresAggregateScope([directive])) return false;
  }
  return true;
}

export function fieldOf(schema: GraphQLSchema, coordinate: string): { parent: GraphQLObjectType; field: GraphQLField<unknown, unknown> } {
  const [typeName, fieldName] = coordinate.split('.');
  const parent = schema.getType(typeName ?? '');
  if (!isObjectType(parent)) throw new Error(`${coordinate}: no such type`);
  const field = parent.getFields()[fieldName ?? ''];
  if (!field) throw new Error(`${coordinate}: no such field`);
  return { parent, field };
}

export const isList = (field: GraphQLField<unknown, unknown>) => isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
export { isEnumType };

/** Whether `Type.field` returns an object with `waarde` (a published value) rather than a plain number. */
export function isPublishedValue(typeName: string, fieldName: string, schema: GraphQLSchema = loadSupergraph()): boolean {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return false;
  const field = type.getFields()[fieldName];
  const named = field ? getNamedType(field.type) : undefined;
  return isObjectType(named) && 'waarde' in named.getFields();
}
