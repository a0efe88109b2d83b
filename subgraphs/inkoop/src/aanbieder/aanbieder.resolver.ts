import { assertAgbCode, listSize, PageArgs, pageInfo, pageOf, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { Arg, Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { InkoopContext } from '../context.js';
import { Contract } from '../contract/contract.type.js';
import { DeclaratiePage } from '../declaratie/declaratie.type.js';
import { AanbiedersArgs } from './aanbieder.input.js';
import { findAanbieders } from './aanbieder.sql.js';
import { Aanbieder, AanbiederPage } from './aanbieder.type.js';

/** Queries for aanbieders and the lists under one. Aanbieders are public; their declaraties are not. */
@Resolver(() => Aanbieder)
export class AanbiederResolver {
  @Query(() => Aanbieder, { nullable: true, description: 'Eén aanbieder op AGB-code; leeg als die niet bestaat.' })
  aanbieder(
    @Arg('agbCode', () => String, { description: 'AGB-code (acht cijfers).' }) agbCode: string,
    @Ctx() { loaders }: InkoopContext,
  ): Promise<Aanbieder | null> {
    return loaders.aanbieder.load(assertAgbCode(agbCode));
  }

  @Query(() => AanbiederPage, { description: 'Aanbieders op naam, per pagina.' })
  async aanbieders(@Args(() => AanbiedersArgs) args: AanbiedersArgs, @Ctx() { db }: InkoopContext): Promise<AanbiederPage> {
    const page = pageOf(args);
    const { items, totaal } = await findAanbieders(db, { naam: args.naam ?? undefined }, page);
    return { items, pageInfo: pageInfo(totaal, page, items.length) };
  }

  @Directive(listSize(50))
  @FieldResolver(() => [Contract], { description: 'Contracten van deze aanbieder, op naam.' })
  contracten(@Root() aanbieder: Aanbieder, @Ctx() { loaders }: InkoopContext): Promise<Contract[]> {
    return loaders.contractenByAanbieder.load(aanbieder.agbCode);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS, Scope.DECLARATIES))
  @FieldResolver(() => DeclaratiePage, {
    nullable: true,
    description:
      'Declaratieregels van deze aanbieder op dagtekening, alleen van gemeenten waarvoor de vrager het contractbeheer ' +
      'van de wet van de declaratie heeft.',
  })
  async declaraties(
    @Root() aanbieder: Aanbieder,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() { loaders, principal }: InkoopContext,
  ): Promise<DeclaratiePage> {
    const page = pageOf(args);
    const scoped = loaders.scoped;
    const [items, counted] = await Promise.all([
      scoped.declaratiePageByAanbieder(page).load(aanbieder.agbCode),
      scoped.declaratieTotaalByAanbieder.load(aanbieder.agbCode),
    ]);
    return { items, pageInfo: pageInfo(counted?.totaal ?? 0, page, items.length) };
  }
}
