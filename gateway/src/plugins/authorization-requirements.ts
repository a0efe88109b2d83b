import {
  type DirectiveNode,
  type ValueNode,
  type DocumentNode,
  Kind,
  type TypeNode,
  parse,
} from 'graphql';
import { Policy, scopesForRoles } from '@sociaal-graph/toolkit/gateway';
import { ANONYMOUS_CALLER, type Caller } from '../auth/caller.js';

/**
 * One condition of `@authenticated`, `@requiresScopes` or `@policy` (Apollo's semantics): the
 * outer list of `anyOf` is OR, each inner list AND. All requirements on one field must hold.
 */
export type Requirement =
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'scopes'; readonly anyOf: readonly (readonly string[])[] }
  | { readonly kind: 'policies'; readonly anyOf: readonly (readonly string[])[] };

/** A field of the supergraph: what it returns and what the caller needs to see it. */
export interface FieldInfo {
  /** Named return type (`Inwoner` for `[Inwoner!]!`). */
  readonly type: string;
  /** List nesting of the return type (1 for `[Inwoner!]!`). */
  readonly listDepth: number;
  /** Field-level requirements plus those on the returned type; empty when public. */
  readonly requirements: readonly Requirement[];
}

/** The supergraph's fields by `Type.field`, and its root types by operation kind. */
export interface SupergraphAuthorization {
  readonly fields: ReadonlyMap<string, FieldInfo>;
  readonly roots: Readonly<Record<'query' | 'mutation' | 'subscription', string>>;
}

const SPECS = { authenticated: 'authenticated', requiresScopes: 'requiresScopes', policy: 'policy' } as const;

/**
 * Reads the authorization directives of a supergraph SDL into a map `Type.field -> requirements`.
 * A directive on a type applies to every field that returns that type (Apollo's rule). Runs once
 * when the gateway starts; the directive names follow the supergraph's `@link` (`as:` renames).
 */
export function readAuthorization(supergraphSdl: string): SupergraphAuthorization {
  const document = parse(supergraphSdl, { noLocation: true });
  const names = directiveNames(document);
  const typeRequirements = new Map<string, Requirement[]>();
  const fieldDefinitions: { parent: string; name: string; type: TypeNode; requirements: Requirement[] }[] = [];
  const roots = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };

  for (const definition of document.definitions) {
    if (definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION) {
      for (const operationType of definition.operationTypes ?? []) roots[operationType.operation] = operationType.type.name.value;
      continue;
    }
    if (!('name' in definition) || !definition.name || !('directives' in definition)) continue;
    const typeName = definition.name.value;
    const own = requirementsOf(definition.directives ?? [], names);
    if (own.length > 0) typeRequirements.set(typeName, [...(typeRequirements.get(typeName) ?? []), ...own]);
    if (
      definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
      definition.kind === Kind.OBJECT_TYPE_EXTENSION ||
      definition.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      definition.kind === Kind.INTERFACE_TYPE_EXTENSION
    ) {
      for (const field of definition.fields ?? []) {
        fieldDefinitions.push({ parent: typeName, name: field.name.value, type: field.type, requirements: requirementsOf(field.directives ?? [], names) });
      }
    }
  }

  const fields = new Map<string, FieldInfo>();
  for (const { parent, name, type, requirements } of fieldDefinitions) {
    const { named, listDepth } = unwrap(type);
    fields.set(`${parent}.${name}`, { type: named, listDepth, requirements: [...requirements, ...(typeRequirements.get(named) ?? [])] });
  }
  return { fields, roots };
}

/**
 * The supergraph as @apollo/gateway 2.14 accepts it: that version refuses a `@link` with
 * `for: SECURITY` it does not implement itself, so the purpose is dropped. This gateway enforces
 * those directives itself (authorization plugin), from the SDL read before this change.
 */
export function withoutSecurityPurpose(supergraphSdl: string): string {
  return supergraphSdl.replaceAll(', for: SECURITY)', ')');
}

/** What the caller may do, as the requirements ask it. */
export interface CallerRights {
  readonly authenticated: boolean;
  readonly scopes: ReadonlySet<string>;
  readonly policies: ReadonlySet<string>;
}

/**
 * The caller's rights: scopes from its roles (`ROLE_SCOPES`); the policy `mandaat` when it holds
 * a TOEGANG or UITVOERING mandate for at least one gemeente and wet.
 */
export function rightsOf(caller: Caller): CallerRights {
  const authenticated = caller !== ANONYMOUS_CALLER && caller.org !== ANONYMOUS_CALLER.org;
  const policies = new Set<string>();
  const rowMandate = Object.values(caller.mandates).some((byRol) =>
    ['TOEGANG', 'UITVOERING'].some((rol) => {
      const gemeenten = (byRol as Record<string, readonly string[] | '*' | undefined> | undefined)?.[rol];
      return gemeenten === '*' || (gemeenten?.length ?? 0) > 0;
    }),
  );
  if (authenticated && rowMandate) policies.add(Policy.MANDAAT);
  return { authenticated, scopes: new Set(authenticated ? scopesForRoles(caller.roles) : []), policies };
}

/** The first requirement the caller does not meet, or `undefined` when it meets them all. */
export function unmetRequirement(requirements: readonly Requirement[], rights: CallerRights): Requirement | undefined {
  return requirements.find((requirement) => {
    switch (requirement.kind) {
      case 'authenticated':
        return !rights.authenticated;
      case 'scopes':
        return !requirement.anyOf.some((all) => all.every((scope) => rights.scopes.has(scope)));
      case 'policies':
        return !requirement.anyOf.some((all) => all.every((policy) => rights.policies.has(policy)));
    }
  });
}

/** A Dutch explanation of a requirement, for the error message. */
export function describeRequirement(requirement: Requirement): string {
  const alternatives = (anyOf: readonly (readonly string[])[]) => anyOf.map((all) => all.join(' en ')).join(' of ');
  switch (requirement.kind) {
    case 'authenticated':
      return 'alleen voor aangemelde gebruikers (bearer-token)';
    case 'scopes':
      return `vereist het doel ${alternatives(requirement.anyOf)}`;
    case 'policies':
      return `vereist ${alternatives(requirement.anyOf)} (een mandaat voor toegang of uitvoering)`;
  }
}

function directiveNames(document: DocumentNode): Record<keyof typeof SPECS, string> {
  const names: Record<keyof typeof SPECS, string> = { ...SPECS };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const url = stringArgument(link, 'url');
      const spec = (Object.keys(SPECS) as (keyof typeof SPECS)[]).find((key) => url?.startsWith(`https://specs.apollo.dev/${key}/`));
      if (spec) names[spec] = stringArgument(link, 'as') ?? SPECS[spec];
    }
  }
  return names;
}

function requirementsOf(directives: readonly DirectiveNode[], names: Record<keyof typeof SPECS, string>): Requirement[] {
  const requirements: Requirement[] = [];
  for (const directive of directives) {
    const name = directive.name.value;
    if (name === names.authenticated) requirements.push({ kind: 'authenticated' });
    else if (name === names.requiresScopes) requirements.push({ kind: 'scopes', anyOf: listOfLists(argument(directive, 'scopes')) });
    else if (name === names.policy) requirements.push({ kind: 'policies', anyOf: listOfLists(argument(directive, 'policies')) });
  }
  return requirements;
}

function argument(directive: DirectiveNode, name: string): ValueNode | undefined {
  return directive.arguments?.find((arg) => arg.name.value === name)?.value;
}

function stringArgument(directive: DirectiveNode, name: string): string | undefined {
  const value = argument(directive, name);
  return value?.kind === Kind.STRING ? value.value : undefined;
}

/** `[["a", "b"], ["c"]]`; an empty outer list can never be met (nothing to choose from). */
function listOfLists(value: ValueNode | undefined): string[][] {
  if (value?.kind !== Kind.LIST) return [];
  return value.values.map((inner) =>
    (inner.kind === Kind.LIST ? inner.values : [inner]).flatMap((item) => (item.kind === Kind.STRING ? [item.value] : [])),
  );
}

function unwrap(type: TypeNode): { named: string; listDepth: number } {
  let listDepth = 0;
  let current = type;
  while (current.kind !== Kind.NAMED_TYPE) {
    if (current.kind === Kind.LIST_TYPE) listDepth += 1;
    current = current.type;
  }
  return { named: current.name.value, listDepth };
}
