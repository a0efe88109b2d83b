import {
  assertPlanStap, assertStatistiek, badUserInput, cellKeyOf, geaggregeerd, listSize, listSizeFromArgument, DomainError, type Principal, requiresAuthentication, requiresScope, Scope,
  type StapelingKostenpost, type Table, Wet, withheld,
} from '@sociaal-graph/toolkit';
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ToegangContext } from '../context.js';
import { VERWERKING } from '../loaders.js';
import { withPurpose } from '../purpose.js';
import { WETTEN } from '../scope.js';
import { aantalCellen, GROEP_RELATIES, groepCellen } from './stapeling.type.js';
import { type StapelingHuishoudenRow, stapelingSleutel } from './stapelingkosten.sql.js';
import { DuurHuishouden, StapelingGroep, StapelingKosten, StapelingKostengroep } from './stapelingkosten.type.js';

const REQUIRES_KOSTEN = '@requires(fields: "zorgkosten { inwonerId wet bedrag } participatiekosten { inwonerId wet bedrag }")';
const MAX_DUURSTE = 100;

type Bedragen = Record<Wet, number>;
interface HuishoudenKosten {
  readonly huishouden: StapelingHuishoudenRow;
  readonly wetten: Wet[];
  readonly kosten: Bedragen;
  readonly totaal: number;
}

/** The seven combinations of laws, in the order of StapelingRow (the groups are built from them). */
const COMBINATIES: readonly Wet[][] = [
  [Wet.WMO], [Wet.JEUGDWET], [Wet.PARTICIPATIEWET],
  [Wet.WMO, Wet.JEUGDWET], [Wet.WMO, Wet.PARTICIPATIEWET], [Wet.JEUGDWET, Wet.PARTICIPATIEWET],
  [Wet.WMO, Wet.JEUGDWET, Wet.PARTICIPATIEWET],
];

/** The groups in the order of GROEP_COMBINATIES. */
const GROEPEN = Object.values(StapelingGroep);

/** The amount columns of a group, after its count (column 0). */
const KOLOMMEN: readonly [string, (h: HuishoudenKosten) => number][] = [
  ['totaal', (h) => h.totaal],
  ['wmo', (h) => h.kosten[Wet.WMO]],
  ['jeugdwet', (h) => h.kosten[Wet.JEUGDWET]],
  ['participatiewet', (h) => h.kosten[Wet.PARTICIPATIEWET]],
];

function exactly(wetten: readonly Wet[], ...verwacht: Wet[]): boolean {
  return wetten.length === verwacht.length && verwacht.every((wet) => wetten.includes(wet));
}

/** The stacking answer may be computed only where the caller has statistiek rights for all three laws. */
function assertMandaat(principal: Principal, gemeenteCode: string): void {
  for (const wet of WETTEN) assertStatistiek(wet, principal.statistiek(wet), [gemeenteCode]);
}

/** The households of the gemeente and year with their laws and what their members cost, from the pieces the gateway brought. */
async function huishoudenKosten(kosten: StapelingKosten, context: ToegangContext): Promise<HuishoudenKosten[]> {
  const posten = [...(kosten.zorgkosten ?? []), ...(kosten.participatiekosten ?? [])];
  if (kosten.zorgkosten === undefined || kosten.participatiekosten === undefined) {
    throw new Error('zorgkosten of participatiekosten ontbreekt (@requires).');
  }
  const perLid = new Map<string, StapelingKostenpost[]>();
  for (const post of posten) perLid.set(post.inwonerId, [...(perLid.get(post.inwonerId) ?? []), post]);
  const huishoudens = await context.loaders.stapelingHuishoudens.load(stapelingSleutel(kosten));
  return huishoudens.map((huishouden) => {
    const bedragen: Bedragen = { [Wet.WMO]: 0, [Wet.JEUGDWET]: 0, [Wet.PARTICIPATIEWET]: 0 };
    for (const lid of huishouden.leden) for (const post of perLid.get(lid) ?? []) bedragen[post.wet] += post.bedrag;
    const wetten = WETTEN.filter((wet) => (wet === Wet.WMO ? huishouden.wmo : wet === Wet.JEUGDWET ? huishouden.jeugdwet : huishouden.participatiewet));
    return { huishouden, wetten, kosten: bedragen, totaal: bedragen[Wet.WMO] + bedragen[Wet.JEUGDWET] + bedragen[Wet.PARTICIPATIEWET] };
  });
}

/**
 * The table of the cost groups: per group its count (as StapelingRij publishes it: the same cells, keys and
 * relations) and four amounts, each amount a cell of the households that contribute to it (a household
 * without Wmo cost is not in the Wmo column). Relations: per column all = singles + pairs + three, the
 * singles and the pairs; per group totaal = wmo + jeugdwet + participatiewet.
 */
function kostenTabel(huishoudens: readonly HuishoudenKosten[]): Table {
  const perCombinatie = COMBINATIES.map((wetten) => huishoudens.filter((h) => exactly(h.wetten, ...wetten)));
  const ids = (lijst: readonly HuishoudenKosten[]) => lijst.map((h) => h.huishouden.huishoudenId);
  const aantallen = aantalCellen({ aantallen: perCombinatie.map((l) => l.length), sleutels: perCombinatie.map((l) => cellKeyOf(ids(l))) });
  const bedragen = KOLOMMEN.flatMap(([kolom, bedrag]) =>
    groepCellen(
      perCombinatie.map((lijst) => {
        const bijdragers = lijst.filter((h) => bedrag(h) !== 0);
        return {
          value: bijdragers.reduce((a, h) => a + bedrag(h), 0),
          contributors: bijdragers.length,
          largest: Math.max(0, ...bijdragers.map((h) => Math.abs(bedrag(h)))),
          key: cellKeyOf(ids(bijdragers)),
        };
      }),
      { kind: 'amount', measure: `toegang.stapeling.kosten.${kolom}` },
    ),
  );
  const n = GROEPEN.length;
  const relations = [
    ...[0, 1, 2, 3, 4].flatMap((kolom) => GROEP_RELATIES.map(({ total, parts }) => ({ total: kolom * n + total, parts: parts.map((p) => kolom * n + p) }))),
    ...GROEPEN.map((_, g) => ({ total: n + g, parts: [2 * n + g, 3 * n + g, 4 * n + g] })),
  ];
  return { cells: [...aantallen, ...bedragen], relations };
}

/** The cost side of issue 4 item 7: toegang adds up what inkoop and participatie found for the households' members. */
@Resolver(() => StapelingKosten)
export class StapelingKostenResolver {
  @Directive('@inaccessible')
  @FieldResolver(() => [String], {
    description: 'Pseudoniemen van de leden van de huishoudens met ondersteuning; alleen voor de kosten in andere subgraphs, niet opvraagbaar.',
  })
  async leden(@Root() kosten: StapelingKosten, @Ctx() context: ToegangContext): Promise<string[]> {
    // Residents' pseudonyms: only as a step of the gateway's query plan, never for a client's own query.
    assertPlanStap(context.principal, 'StapelingKosten.leden');
    assertMandaat(context.principal, kosten.gemeenteCode);
    const huishoudens = await context.loaders.stapelingHuishoudens.load(stapelingSleutel(kosten));
    return huishoudens.flatMap((h) => h.leden);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  @Directive(REQUIRES_KOSTEN)
  @Directive(listSize(10))
  @FieldResolver(() => [StapelingKostengroep], {
    description:
      'De kosten per groep: alle huishoudens, naar het aantal wetten en per combinatie van wetten, in de volgorde van StapelingGroep. ' +
      'Elk bedrag telt de huishoudens die eraan bijdragen; zie Verantwoording.onderdrukkingsregel.',
  })
  async groepen(@Root() kosten: StapelingKosten, @Ctx() context: ToegangContext): Promise<StapelingKostengroep[]> {
    assertMandaat(context.principal, kosten.gemeenteCode);
    const huishoudens = await huishoudenKosten(kosten, context);
    const published = context.disclosure.publish(kostenTabel(huishoudens));
    const n = GROEPEN.length;
    const at = (kolom: number, g: number) => published[kolom * n + g] ?? withheld('KLEIN_AANTAL');
    return GROEPEN.map((groep, g) => ({
      groep,
      aantalHuishoudens: at(0, g),
      totaal: at(1, g),
      wmo: at(2, g),
      jeugdwet: at(3, g),
      participatiewet: at(4, g),
    }));
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.PERSOONSGEGEVENS))
  @Directive(REQUIRES_KOSTEN)
  @Directive(listSizeFromArgument('aantal'))
  @FieldResolver(() => [DuurHuishouden], {
    nullable: true,
    description:
      'De duurste huishoudens met ondersteuning in de gemeente en het jaar, duurste eerst (bij gelijke kosten op id), voor regie op ' +
      'huishoudens met ondersteuning onder meer wetten. Alleen voor wie het doel persoonsgegevens heeft en de hele toegang (alle drie de ' +
      'wetten) van de gemeente uitvoert; anderen krijgen FORBIDDEN. Elk genoemd huishouden komt in het logboek.',
  })
  async duursteHuishoudens(
    @Root() kosten: StapelingKosten,
    @Arg('aantal', () => Int, { defaultValue: 10, description: `Hoeveel huishoudens, 1 tot en met ${MAX_DUURSTE}.` }) aantal: number,
    @Ctx() context: ToegangContext,
  ): Promise<DuurHuishouden[]> {
    const { principal, loaders, logboek } = context;
    withPurpose(principal, Scope.PERSOONSGEGEVENS, 'StapelingKosten.duursteHuishoudens', null);
    const voordeur = loaders.residents.scope.voordeur;
    if (voordeur !== null && !voordeur.includes(kosten.gemeenteCode)) {
      throw new DomainError(
        `De duurste huishoudens van ${kosten.gemeenteCode} zijn alleen voor wie daar de hele toegang (Wmo, Jeugdwet en Participatiewet) uitvoert.`,
        { code: 'FORBIDDEN', details: { gemeenteCode: kosten.gemeenteCode } },
      );
    }
    if (!Number.isInteger(aantal) || aantal < 1 || aantal > MAX_DUURSTE) {
      throw badUserInput(`aantal moet tussen 1 en ${MAX_DUURSTE} liggen, niet ${aantal}.`, { argument: 'aantal' });
    }
    assertMandaat(principal, kosten.gemeenteCode);
    const duurste = (await huishoudenKosten(kosten, context))
      .sort((a, b) => b.totaal - a.totaal || a.huishouden.huishoudenId.localeCompare(b.huishouden.huishoudenId))
      .slice(0, aantal);
    // Costs of a named household are personal data: each one listed is a processing (Logboek Dataverwerkingen).
    logboek.registreer(VERWERKING.STAPELING_KOSTEN_LEZEN, duurste.map((h) => h.huishouden.huishoudenId), 'huishouden');
    const rijen = await Promise.all(duurste.map((h) => loaders.residents.huishouden.load(h.huishouden.huishoudenId)));
    return duurste.flatMap((h, i) => {
      const huishouden = rijen[i];
      // Within the front door every household of the gemeente is visible; a missing one is not shown.
      if (!huishouden) return [];
      return [{
        rang: i + 1,
        huishouden: huishouden as DuurHuishouden['huishouden'],
        wetten: h.wetten,
        totaal: h.totaal,
        wmo: h.kosten[Wet.WMO],
        jeugdwet: h.kosten[Wet.JEUGDWET],
        participatiewet: h.kosten[Wet.PARTICIPATIEWET],
      }];
    });
  }
}

