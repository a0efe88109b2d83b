import { listSize, Rol, Wet } from '@sociaal-graph/toolkit';
import { Arg, Ctx, FieldResolver, Resolver, Root, Directive } from 'type-graphql';
import type { GemeentenContext } from '../context.js';
import { Gemeente } from '../gemeente/gemeente.type.js';
import { Organisatie } from '../organisatie/organisatie.type.js';
import { isEigenUitvoering } from './eigen-uitvoering.js';
import { peildatumOfVandaag } from './geldigheid.js';
import { arrangementSleutel } from './uitvoeringsarrangement.sql.js';
import { Uitvoeringsarrangement } from './uitvoeringsarrangement.type.js';

const PEILDATUM = { nullable: true, description: 'Datum (JJJJ-MM-DD) waarop het arrangement moet gelden; standaard vandaag.' };

/**
 * Who executes what for a gemeente: its arrangements on a date, the executing organisation for one
 * law and role, and whether the gemeente does it itself. All through one loader per request.
 */
@Resolver(() => Gemeente)
export class GemeenteArrangementenResolver {
  @Directive(listSize(12))
  @FieldResolver(() => [Uitvoeringsarrangement], {
    description: 'Wie welke wet in welke rol voor deze gemeente uitvoert, op de peildatum (standaard vandaag).',
  })
  arrangementen(
    @Root() gemeente: Gemeente,
    @Arg('peildatum', () => String, PEILDATUM) peildatum: string | null | undefined,
    @Ctx() ctx: GemeentenContext,
  ): Uitvoeringsarrangement[] | Promise<Uitvoeringsarrangement[]> {
    return ctx.loaders.arrangementenPerGemeente.loadSettled(arrangementSleutel(gemeente.code, peildatumOfVandaag(peildatum)));
  }

  @FieldResolver(() => Organisatie, {
    nullable: true,
    description: 'De organisatie die de wet in de rol voor deze gemeente uitvoert op de peildatum; null als er geen arrangement is.',
  })
  async uitvoerder(
    @Root() gemeente: Gemeente,
    @Arg('wet', () => Wet, { description: 'De wet.' }) wet: Wet,
    @Arg('rol', () => Rol, { defaultValue: Rol.UITVOERING, description: 'De rol; standaard UITVOERING.' }) rol: Rol,
    @Arg('peildatum', () => String, PEILDATUM) peildatum: string | null | undefined,
    @Ctx() ctx: GemeentenContext,
  ): Promise<Organisatie | null> {
    const arrangement = await geldendArrangement(ctx, gemeente, wet, rol, peildatum);
    return arrangement ? ctx.loaders.organisatie.load(arrangement.organisatieId) : null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Of de gemeente de wet in de rol zelf uitvoert (ook via haar eigen organisatie, zoals HBEL voor Huizen): false als elders uitgevoerd (bijvoorbeeld de Jeugdwet van Eemnes door Amersfoort), null als er op de peildatum geen arrangement is.',
  })
  async eigenUitvoering(
    @Root() gemeente: Gemeente,
    @Arg('wet', () => Wet, { description: 'De wet.' }) wet: Wet,
    @Arg('rol', () => Rol, { defaultValue: Rol.UITVOERING, description: 'De rol; standaard UITVOERING.' }) rol: Rol,
    @Arg('peildatum', () => String, PEILDATUM) peildatum: string | null | undefined,
    @Ctx() ctx: GemeentenContext,
  ): Promise<boolean | null> {
    const arrangement = await geldendArrangement(ctx, gemeente, wet, rol, peildatum);
    return arrangement ? isEigenUitvoering(arrangement) : null;
  }
}

/** The arrangement for one law and role on the date; the most recently started one if several overlap. */
async function geldendArrangement(
  ctx: GemeentenContext,
  gemeente: Gemeente,
  wet: Wet,
  rol: Rol,
  peildatum: string | null | undefined,
): Promise<Uitvoeringsarrangement | undefined> {
  const sleutel = arrangementSleutel(gemeente.code, peildatumOfVandaag(peildatum));
  const arrangementen = await ctx.loaders.arrangementenPerGemeente.load(sleutel);
  // Rows come ordered by geldigVan, so the last match started most recently.
  return arrangementen.filter((a) => a.wet === wet && a.rol === rol).at(-1);
}
