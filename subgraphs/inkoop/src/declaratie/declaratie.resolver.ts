import {
  assertAgbCode,
  assertDatum,
  assertGemeentecode,
  badUserInput,
  Code,
  codeOf,
  EENHEID,
  formatEurocent,
  JW_PRODUCTCATEGORIE,
  pageInfo,
  pageOf,
  requiresAuthentication,
  requiresScope,
  Scope,
  Wet,
  WMO_PRODUCTCATEGORIE,
} from '@sociaal-graph/toolkit';
import { Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Aanbieder } from '../aanbieder/aanbieder.type.js';
import type { InkoopContext } from '../context.js';
import { registreerDeclaraties } from '../loaders.js';
import { Gemeente } from '../extends/gemeente/gemeente.type.js';
import { mustExist } from '../invariant.js';
import { DeclaratiesArgs } from './declaratie.input.js';
import { type DeclaratieFilter, findDeclaraties } from './declaratie.sql.js';
import { Declaratie, DeclaratiePage } from './declaratie.type.js';

/** The declaraties query and the fields of one declaratie. Rows are filtered by mandate in SQL. */
@Resolver(() => Declaratie)
export class DeclaratieResolver {
  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS, Scope.DECLARATIES))
  @Query(() => DeclaratiePage, {
    nullable: true,
    description:
      'Declaratieregels op dagtekening, per pagina; alleen van gemeenten waarvoor de vrager het contractbeheer van ' +
      'de wet van de declaratie heeft.',
  })
  async declaraties(@Args(() => DeclaratiesArgs) args: DeclaratiesArgs, @Ctx() { db, principal, loaders, logboek }: InkoopContext): Promise<DeclaratiePage> {
    const page = pageOf(args);
    const filter = declaratieFilter(args);
    const { items, totaal } = await findDeclaraties(db, filter, page, loaders.scoped.scope);
    registreerDeclaraties(logboek, items);
    return { items, pageInfo: pageInfo(totaal, page, items.length) };
  }

  @FieldResolver(() => Gemeente, { nullable: true, description: 'Gemeente die de toewijzing gaf en de declaratie ontvangt.' })
  gemeente(@Root() declaratie: Declaratie): Gemeente {
    return { code: declaratie.gemeenteCode };
  }

  @FieldResolver(() => Aanbieder, { description: 'Aanbieder die declareerde.' })
  async aanbieder(@Root() declaratie: Declaratie, @Ctx() { loaders }: InkoopContext): Promise<Aanbieder> {
    return mustExist(await loaders.aanbieder.load(declaratie.aanbiederAgb), `aanbieder ${declaratie.aanbiederAgb}`);
  }

  @FieldResolver(() => Code, {
    nullable: true,
    description: 'Productcategorie van de prestatie uit WMO020 (Wmo) of JZ020 (Jeugdwet), naar de wet.',
  })
  productcategorie(@Root() declaratie: Declaratie): Code | null {
    const lijst = declaratie.wet === Wet.JEUGDWET ? JW_PRODUCTCATEGORIE : WMO_PRODUCTCATEGORIE;
    return codeOf(lijst, declaratie.productcategorieCode);
  }

  @FieldResolver(() => Code, { nullable: true, description: 'Eenheid van het geleverde volume (WJ756).' })
  eenheid(@Root() declaratie: Declaratie): Code | null {
    return codeOf(EENHEID, declaratie.eenheidCode);
  }

  @FieldResolver(() => String, { description: 'Ingediend bedrag zoals een mens het leest ("€ 1.234,56").' })
  bedragTekst(@Root() declaratie: Declaratie): string {
    return formatEurocent(declaratie.bedrag);
  }

  @FieldResolver(() => Declaratie, {
    nullable: true,
    description: 'De declaratieregel die deze corrigeert; leeg als er geen is of de vrager hem niet mag zien.',
  })
  correctieVan(@Root() declaratie: Declaratie, @Ctx() { loaders, principal }: InkoopContext): Promise<Declaratie | null> {
    if (declaratie.correctieVanId === null) return Promise.resolve(null);
    return loaders.scoped.declaratie.load(declaratie.correctieVanId);
  }
}

/** Validates the filter arguments: malformed codes or dates, or an empty period, are refused. */
function declaratieFilter(args: DeclaratiesArgs): DeclaratieFilter {
  const filter: DeclaratieFilter = {
    gemeente: args.gemeente == null ? undefined : assertGemeentecode(args.gemeente, 'gemeente'),
    aanbieder: args.aanbieder == null ? undefined : assertAgbCode(args.aanbieder, 'aanbieder'),
    wet: args.wet ?? undefined,
    ingediendVanaf: args.ingediendVanaf == null ? undefined : assertDatum(args.ingediendVanaf, 'ingediendVanaf'),
    ingediendTot: args.ingediendTot == null ? undefined : assertDatum(args.ingediendTot, 'ingediendTot'),
  };
  if (filter.ingediendVanaf && filter.ingediendTot && filter.ingediendVanaf > filter.ingediendTot) {
    throw badUserInput(
      `ingediendVanaf (${filter.ingediendVanaf}) ligt na ingediendTot (${filter.ingediendTot}).`,
      { argument: 'ingediendVanaf' },
    );
  }
  return filter;
}
