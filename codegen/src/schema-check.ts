import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import {
  buildSchema,
  type DocumentNode,
  getNamedType,
  type GraphQLSchema,
  type GraphQLType,
  isEnumType,
  isInputObjectType,
  isScalarType,
  Kind,
  parse,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { apiSchemaSdl } from './client-codegen.js';

/** One client's manifest, as `npm run compose` writes it: document id to document text. */
export interface ClientManifest {
  readonly client: string;
  readonly documents: Readonly<Record<string, string>>;
}

/** One change of the supergraph's API schema, with the client operations it breaks. */
export interface SchemaChange {
  readonly level: 'BREAKING' | 'DANGEROUS' | 'SAFE';
  readonly path?: string;
  readonly message: string;
  /** `client: Operation` for each manifest operation that uses what changed (breaking changes only). */
  readonly breaks: readonly string[];
}

/** The outcome of `checkAgainst`: every change, and whether one breaks a client operation. */
export interface SchemaCheck {
  readonly changes: readonly SchemaChange[];
  readonly fails: boolean;
}

/** What one operation uses of a schema: fields (`Type.field`), arguments (`Type.field.arg`) and input types. */
interface Usage {
  readonly fields: Set<string>;
  readonly args: Set<string>;
  /** Enums, input objects and scalars it sends or receives: a removed value or input field breaks it. */
  readonly inputTypes: Set<string>;
}

/**
 * Compares the API schema of `newSupergraph` with that of `oldSupergraph` using graphql-inspector,
 * and names, for each breaking change, every client operation (from `manifests`, read against the
 * old schema: what the clients run today) that uses what changed. Fails only when a breaking change
 * breaks a client operation; the rest (breaking changes no client uses, dangerous and safe changes)
 * is reported.
 */
export async function checkAgainst(oldSupergraph: string, newSupergraph: string, manifests: readonly ClientManifest[]): Promise<SchemaCheck> {
  const oldSchema = buildSchema(apiSchemaSdl(oldSupergraph));
  const newSchema = buildSchema(apiSchemaSdl(newSupergraph));
  const operations = manifests.flatMap(({ client, documents }) =>
    Object.values(documents).map((text) => {
      const document = parse(text);
      return { label: `${client}: ${operationName(document)}`, usage: usageOf(oldSchema, document) };
    }),
  );
  const changes = (await diff(oldSchema, newSchema)).map((change): SchemaChange => {
    const level = levelOf(change);
    const breaks = level === 'BREAKING' && change.path ? operations.filter((operation) => affects(change.path ?? '', operation.usage)).map((operation) => operation.label) : [];
    return { level, path: change.path, message: change.message, breaks: [...new Set(breaks)].sort() };
  });
  return { changes, fails: changes.some((change) => change.breaks.length > 0) };
}

/**
 * The changelog entry of a check, in Markdown: breaking (with the client operations each breaks),
 * dangerous and safe changes. `title` names the comparison (`supergraph.graphql against main`).
 */
export function changelogEntry(title: string, check: SchemaCheck): string {
  const section = (heading: string, level: SchemaChange['level']) => {
    const lines = check.changes
      .filter((change) => change.level === level)
      .map((change) => `- ${change.path ? `\`${change.path}\`: ` : ''}${change.message}${change.breaks.length ? `. Breaks ${change.breaks.join(', ')}` : ''}`);
    return lines.length ? [`### ${heading}`, '', ...lines, ''] : [];
  };
  const body = [...section('Breaking', 'BREAKING'), ...section('Dangerous', 'DANGEROUS'), ...section('Safe', 'SAFE')];
  return [`## ${title}`, '', ...(body.length ? body : ['No changes.', ''])].join('\n');
}

function levelOf(change: Change): SchemaChange['level'] {
  if (change.criticality.level === CriticalityLevel.Breaking) return 'BREAKING';
  return change.criticality.level === CriticalityLevel.Dangerous ? 'DANGEROUS' : 'SAFE';
}

/**
 * Whether a change at `path` (graphql-inspector's: `Type`, `Type.field`, `Type.field.argument`,
 * `Enum.VALUE`, `Input.field`) touches what an operation uses: the field or argument itself, a
 * type it uses removed or changed, an argument added to or changed on a field it selects, or a
 * value or field of an enum or input type it sends or receives.
 */
function affects(path: string, usage: Usage): boolean {
  const [type, field, argument] = path.split('.');
  if (argument !== undefined) return usage.fields.has(`${type}.${field}`);
  if (field !== undefined) return usage.fields.has(path) || usage.args.has(path) || usage.inputTypes.has(type);
  return usage.inputTypes.has(type) || [...usage.fields].some((used) => used.startsWith(`${type}.`));
}

function usageOf(schema: GraphQLSchema, document: DocumentNode): Usage {
  const usage: Usage = { fields: new Set(), args: new Set(), inputTypes: new Set() };
  const typeInfo = new TypeInfo(schema);
  const noteInput = (type: GraphQLType | null | undefined) => {
    const named = type ? getNamedType(type) : undefined;
    if (named && (isEnumType(named) || isInputObjectType(named) || isScalarType(named))) usage.inputTypes.add(named.name);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: () => {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        usage.fields.add(`${parent.name}.${field.name}`);
        const named = getNamedType(field.type);
        // A returned enum or scalar: a value removed or a type changed reaches the client too.
        if (isEnumType(named) || isScalarType(named)) usage.inputTypes.add(named.name);
      },
      Argument: () => {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        if (parent && field && argument) usage.args.add(`${parent.name}.${field.name}.${argument.name}`);
        noteInput(typeInfo.getInputType());
      },
      ObjectField: () => noteInput(typeInfo.getInputType()),
      VariableDefinition: (node) => noteInput(typeFromAST(schema, node.type)),
    }),
  );
  return usage;
}

function operationName(document: DocumentNode): string {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return (operation && 'name' in operation && operation.name?.value) || '(anoniem)';
}
