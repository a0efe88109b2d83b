import {
  assertDatum,
  assertGemeentecode,
  Code,
  codeOf,
  formatEurocent,
  pageInfo,
  pageOf,
  requiresAuthentication,
  requiresScope,
  Scope,
} from '@sociaal-graph/toolkit';
import { Arg, Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { NORMCATEGORIE, UITKERING_REDEN_BEEINDIGING, UITKERING_REGELING } from '../codelists.js';
import type { ParticipatieContext } from '../context.js';
import { VERWERKING } from '../loaders.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { Inwoner } from '../extends/inwoner/inwoner.type.js';
import { assertRecordId } from '../ids.js';
import { participatieScope } from '../scope.js';
import { UitkeringenArgs } from './uitkering.input.js';
import { fetchUitkeringPage } from './uitkering.sql.js';
import { Uitkering, UitkeringPage } from './uitkering.type.js';

/** Queries for uitkeringen and the fields of `Uitkering` derived from its codes and keys. */
@Resolver(() => Uitkering)
export class UitkeringResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Query(() => Uitkering, {
    nullable: true,
    description: 'Eén uitkering op identificatie; leeg als zij niet bestaat of buiten het mandaat van de aanvrager valt.',
  })
  uitkering(@Arg('id', () => String, { description: 'Identificatie van de uitkering (ondoorzichtig, bijvoorbeeld "uk-0406-3f9a2c7e1b0d4a56").' }) id: string, @Ctx() ctx: ParticipatieContext): Promise<Uitkering | null> {
    assertRecordId(id, 'uitkering');
    return ctx.loaders.uitkering.load(id);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Query(() => UitkeringPage, {
    nullable: true,
    description: 'Uitkeringen binnen het mandaat van de aanvrager, nieuwste eerst; filter op gemeente en peildatum.',
  })
  async uitkeringen(@Args(() => UitkeringenArgs) args: UitkeringenArgs, @Ctx() ctx: ParticipatieContext): Promise<UitkeringPage> {
    const page = pageOf(args);
    const filter = {
      scope: participatieScope(ctx.principal),
      gemeente: args.gemeente == null ? null : assertGemeentecode(args.gemeente, 'gemeente'),
      actiefOp: args.actiefOp == null ? null : assertDatum(args.actiefOp, 'actiefOp'),
    };
    const { totaal, items } = await fetchUitkeringPage(ctx.db, filter, page);
    ctx.logboek.registreer(VERWERKING.UITKERING_LEZEN, items.map((item) => item.inwonerId));
    return { items, pageInfo: pageInfo(totaal, page, items.length) };
  }

  @FieldResolver(() => Code, { description: 'Regeling waarop de uitkering berust.' })
  regeling(@Root() uitkering: Uitkering): Code | null {
    return codeOf(UITKERING_REGELING, uitkering.regelingCode);
  }

  @FieldResolver(() => Code, { description: 'Normcategorie van de bijstandsnorm (art. 21 Participatiewet).' })
  normcategorie(@Root() uitkering: Uitkering): Code | null {
    return codeOf(NORMCATEGORIE, uitkering.normcategorieCode);
  }

  @FieldResolver(() => Code, { nullable: true, description: 'Reden van beeindiging (uitstroomreden); leeg zolang de uitkering loopt.' })
  redenBeeindiging(@Root() uitkering: Uitkering): Code | null {
    return codeOf(UITKERING_REDEN_BEEINDIGING, uitkering.redenBeeindigingCode);
  }

  @FieldResolver(() => String, { description: 'Uitkeringsbedrag per maand, leesbaar ("€ 1.234,56").' })
  bedragPerMaandTekst(@Root() uitkering: Uitkering): string {
    return formatEurocent(uitkering.bedragPerMaand);
  }

  @FieldResolver(() => Inwoner, { nullable: true, description: 'De inwoner die de uitkering ontvangt.' })
  inwoner(@Root() uitkering: Uitkering): Inwoner {
    return { id: uitkering.inwonerId };
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'De gemeente die de uitkering verstrekt.' })
  gemeente(@Root() uitkering: Uitkering): Gemeente {
    return { code: uitkering.gemeenteCode };
  }
}
