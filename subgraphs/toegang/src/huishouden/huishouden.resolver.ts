import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { badUserInput, listSize, requiresAuthentication, requiresScope, Scope } from '@sociaal-graph/toolkit';
import { residentLoaders, type ToegangContext } from '../context.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { Inwoner } from '../inwoner/inwoner.type.js';
import { Huishouden } from './huishouden.type.js';
import type { HuishoudenRow } from './huishouden.sql.js';

/** The `huishouden` root field and the fields of a household. */
@Resolver(() => Huishouden)
export class HuishoudenResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Query(() => Huishouden, {
    nullable: true,
    description: 'Eén huishouden op id; null als het niet bestaat of buiten het mandaat van de vrager valt.',
  })
  huishouden(@Arg('id', () => String, { description: 'Id van het huishouden.' }) id: string, @Ctx() context: ToegangContext) {
    if (id.trim() === '') throw badUserInput('Geef het id van een huishouden op.', { argument: 'id' });
    return residentLoaders(context).huishouden.load(id);
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente waarin het huishouden woont.' })
  gemeente(@Root() huishouden: HuishoudenRow): Gemeente {
    return { code: huishouden.gemeenteCode };
  }

  @Directive(listSize(20))
  @FieldResolver(() => [Inwoner], {
    description: 'De leden van het huishouden, oudste eerst (voor zover binnen het mandaat van de vrager).',
  })
  leden(@Root() huishouden: HuishoudenRow, @Ctx() context: ToegangContext) {
    return residentLoaders(context).ledenVanHuishouden.load(huishouden.id);
  }
}
