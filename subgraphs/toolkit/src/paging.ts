import { type FieldNode, type FragmentSpreadNode, type GraphQLResolveInfo, type InlineFragmentNode, Kind, type SelectionNode } from 'graphql';
import { ArgsType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { badUserInput } from './errors.js';

/** The largest page a caller may ask for; larger requests are refused, not silently cut. */
export const MAX_PAGE_SIZE = 500;

/** `first`/`offset` paging for every top-level list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: `Aantal items per pagina (0 tot en met ${MAX_PAGE_SIZE}).` })
  first: number = 50;

  @Field(() => Int, { defaultValue: 0, description: 'Aantal items dat wordt overgeslagen (0 of meer).' })
  offset: number = 0;
}

/** A validated page request: throws BAD_USER_INPUT for a negative or too large page. */
export function pageOf(args: { first?: number | null; offset?: number | null }): { first: number; offset: number } {
  const first = args.first ?? 50;
  const offset = args.offset ?? 0;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first moet tussen 0 en ${MAX_PAGE_SIZE} liggen, niet ${first}.`, { argument: 'first' });
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw badUserInput(`offset mag niet negatief zijn, niet ${offset}.`, { argument: 'offset' });
  }
  return { first, offset };
}

/** Paging facts returned with every page. */
@Directive('@shareable')
@ObjectType({ description: 'Gegevens over een pagina van een lijst.' })
export class PageInfo {
  @Field(() => Int, { description: 'Totaal aantal items dat aan het filter voldoet.' })
  totaal!: number;

  @Field(() => Int, { description: 'Aantal overgeslagen items.' })
  offset!: number;

  @Field(() => Boolean, { description: 'Of er na deze pagina nog items zijn.' })
  heeftVolgende!: boolean;
}

/** Builds the PageInfo for a page of `count` items out of `total`. */
export function pageInfo(total: number, page: { first: number; offset: number }, count: number): PageInfo {
  return { totaal: total, offset: page.offset, heeftVolgende: page.offset + count < total };
}

/**
 * Whether the page a resolver returns is asked for its `pageInfo` (`asksField`). Counting every match
 * costs more than reading one page (the resident view asks one resident and no total), so a list
 * counts only when asked.
 */
export function asksPageInfo(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>): boolean {
  return asksField(info, 'pageInfo');
}

/**
 * Whether what a resolver returns is asked for its field `field` (directly under the resolver's own
 * field), through fragments and with @skip/@include applied: a resolver reads what only that field
 * needs in its own statement when it is asked, and not otherwise. Walked here on the syntax
 * tree alone: graphql-js's (and @graphql-tools') field collection check types with `instanceof`,
 * which fails on a schema built by the other copy of graphql (CommonJS against ESM) that the
 * subgraphs run with. A fragment's type condition is not checked: asked in any fragment counts.
 */
export function asksField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>, field: string): boolean {
  const included = (node: FieldNode | InlineFragmentNode | FragmentSpreadNode) =>
    (node.directives ?? []).every((directive) => {
      const name = directive.name.value;
      if (name !== 'skip' && name !== 'include') return true;
      const argument = directive.arguments?.find((arg) => arg.name.value === 'if')?.value;
      const value = argument?.kind === Kind.VARIABLE ? info.variableValues[argument.name.value] : argument?.kind === Kind.BOOLEAN ? argument.value : undefined;
      return name === 'skip' ? value !== true : value !== false;
    });
  const seen = new Set<string>();
  const asks = (selections: readonly SelectionNode[]): boolean =>
    selections.some((selection) => {
      if (!included(selection)) return false;
      if (selection.kind === Kind.FIELD) return selection.name.value === field;
      if (selection.kind === Kind.INLINE_FRAGMENT) return asks(selection.selectionSet.selections);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      const fragment = info.fragments[name];
      return fragment ? asks(fragment.selectionSet.selections) : false;
    });
  return info.fieldNodes.some((node) => asks(node.selectionSet?.selections ?? []));
}
