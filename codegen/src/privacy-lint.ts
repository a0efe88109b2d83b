import {
  buildASTSchema,
  type ConstDirectiveNode,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  parse,
  valueFromASTUntyped,
} from 'graphql';
import {
  geaggregeerd,
  PERSONAL_DATA_SCOPES,
  PERSONAL_FIELD_NAMES,
  PERSONAL_TYPES,
  persoonsgegevens,
  Scope,
  SUPPRESSED_VALUE_TYPES,
} from '@sociaal-graph/toolkit';

const PERSONAL_MARKER = persoonsgegevens.slice(1);
const AGGREGATE_MARKER = geaggregeerd.slice(1);

/**
 * The privacy lint at composition (issue 13, DESIGN "Identity and authorization": composition fails
 * when a personal field has no directive). Reads the supergraph as the gateway enforces it and
 * returns one `PRIVACY_LINT: ...` line per violation, naming the field:
 *
 * - a personal field (marked `@persoonsgegevens`, on a marked type, named in `PERSONAL_FIELD_NAMES`
 *   or returning one of `PERSONAL_TYPES`) needs `@requiresScopes` on itself, its type or its
 *   return type, each of whose alternatives names a personal-data purpose (`PERSONAL_DATA_SCOPES`);
 * - a field marked `@geaggregeerd` needs `@requiresScopes` whose every alternative names
 *   `aggregaten:lezen`, and a field that requires `aggregaten:lezen` needs the marker;
 * - figures under disclosure control (`SUPPRESSED_VALUE_TYPES`) are reachable from `Query` only
 *   below a field marked `@geaggregeerd`.
 *
 * `@inaccessible` fields are skipped: no client can select them (the subgraphs check those again).
 */
export function privacyLint(supergraphSdl: string): string[] {
  const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  return [...personalFieldViolations(schema), ...aggregateViolations(schema)];
}

function personalFieldViolations(schema: GraphQLSchema): string[] {
  const violations: string[] = [];
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map((type) => type?.name));
  const all = ownFields(schema);
  // A type (a page of residents, say) that only fields with a personal purpose return is reached
  // through one of them: its own fields are guarded by it.
  const reachedOnlyGuarded = (type: GraphQLNamedType) => {
    if (roots.has(type.name)) return false;
    const returning = all.filter(({ field }) => getNamedType(field.type).name === type.name);
    return returning.length > 0 && returning.every(({ type: parent, field }) => everyAlternativeNames(field.astNode?.directives, PERSONAL_DATA_SCOPES) || everyAlternativeNames(parent.astNode?.directives, PERSONAL_DATA_SCOPES));
  };
  for (const { type, field } of all) {
    const returns = getNamedType(field.type);
    const why = has(field.astNode?.directives, PERSONAL_MARKER)
      ? `marked ${persoonsgegevens}`
      : has(type.astNode?.directives, PERSONAL_MARKER)
        ? `on ${type.name}, marked ${persoonsgegevens}`
        : PERSONAL_FIELD_NAMES.includes(field.name)
          ? `field name "${field.name}"`
          : PERSONAL_TYPES.includes(returns.name) || has(returns.astNode?.directives, PERSONAL_MARKER)
            ? `returns ${returns.name}`
            : undefined;
    if (!why) continue;
    const guarded =
      [field.astNode?.directives, returns.astNode?.directives, type.astNode?.directives].some((directives) =>
        everyAlternativeNames(directives, PERSONAL_DATA_SCOPES),
      ) || reachedOnlyGuarded(type);
    if (!guarded) {
      violations.push(
        `PRIVACY_LINT: ${type.name}.${field.name} holds personal data (${why}) but no @requiresScopes on the field, ` +
          `its type or its return type requires a personal-data purpose (${PERSONAL_DATA_SCOPES.join(', ')}) in every alternative`,
      );
    }
  }
  return violations;
}

function aggregateViolations(schema: GraphQLSchema): string[] {
  const violations: string[] = [];
  for (const { type, field } of ownFields(schema)) {
    const name = `${type.name}.${field.name}`;
    const marked = has(field.astNode?.directives, AGGREGATE_MARKER);
    const requiresAggregates = alternatives(field.astNode?.directives).some((alternative) => alternative.includes(Scope.AGGREGATEN));
    if (marked && !everyAlternativeNames(field.astNode?.directives, [Scope.AGGREGATEN])) {
      violations.push(`PRIVACY_LINT: ${name} is marked ${geaggregeerd} but its @requiresScopes does not require ${Scope.AGGREGATEN} in every alternative`);
    }
    if (requiresAggregates && !marked) {
      violations.push(`PRIVACY_LINT: ${name} requires ${Scope.AGGREGATEN} but lacks the disclosure-control marker ${geaggregeerd}`);
    }
  }
  // Every way from Query to a suppressed figure passes a marked field. Types are visited once:
  // below a marked field nothing more is checked, so a type reached unmarked is checked fully.
  const query = schema.getQueryType();
  const seen = new Set<string>();
  const walk = (type: GraphQLNamedType, path: string) => {
    if (!(isObjectType(type) || isInterfaceType(type)) || seen.has(type.name)) return;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      if (has(field.astNode?.directives, 'inaccessible') || has(field.astNode?.directives, AGGREGATE_MARKER)) continue;
      const returns = getNamedType(field.type);
      const at = `${path}.${field.name}`;
      if (SUPPRESSED_VALUE_TYPES.includes(returns.name)) {
        violations.push(
          `PRIVACY_LINT: ${type.name}.${field.name} publishes figures under disclosure control (${returns.name}) ` +
            `but no field on the way to it (${at}) is marked ${geaggregeerd}`,
        );
      } else walk(returns, at);
    }
  };
  if (query) walk(query, query.name);
  return violations;
}

/** Every field of the graph's own object and interface types a client can select. */
function ownFields(schema: GraphQLSchema): { type: GraphQLNamedType; field: GraphQLField<unknown, unknown> }[] {
  const fields = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || type.name.includes('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (!has(field.astNode?.directives, 'inaccessible')) fields.push({ type, field });
    }
  }
  return fields;
}

function has(directives: readonly ConstDirectiveNode[] | undefined, name: string): boolean {
  return (directives ?? []).some((directive) => directive.name.value === name);
}

/** The alternatives of `@requiresScopes(scopes: [[...], ...])` (one list of scopes each); none without it. */
function alternatives(directives: readonly ConstDirectiveNode[] | undefined): string[][] {
  const found: string[][] = [];
  for (const directive of directives ?? []) {
    if (directive.name.value !== 'requiresScopes') continue;
    const scopes = directive.arguments?.find((argument) => argument.name.value === 'scopes');
    const value: unknown = scopes ? valueFromASTUntyped(scopes.value) : [];
    if (Array.isArray(value)) for (const alternative of value) found.push(Array.isArray(alternative) ? alternative.map(String) : [String(alternative)]);
  }
  return found;
}

/** Whether `@requiresScopes` is there and each of its alternatives names one of `scopes`. */
function everyAlternativeNames(directives: readonly ConstDirectiveNode[] | undefined, scopes: readonly string[]): boolean {
  const found = alternatives(directives);
  return found.length > 0 && found.every((alternative) => alternative.some((scope) => scopes.includes(scope)));
}
