import {
  geaggregeerd,
  assertStatistiek,
  badUserInput,
  DomainError,
  type Onderdrukt,
  type Principal,
  requiresAuthentication,
  requiresScope,
  Scope,
  type StapelingKostenpost,
  Wet,
  listSize,
  listSizeFromArgument,
} from '@sociaal-graph/toolkit';
import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ToegangContext } from '../context.js';
import { VERWERKING } from '../loaders.js';
import { withPurpose } from '../purpose.js';
import { WETTEN } from '../scope.js';
import { type StapelingAantallen, type StapelingCellen, stapelingCellen } from './stapeling.type.js';
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

/** Each group, the cell of StapelingRij that publishes its count, and which households belong to it. */
const GROEPEN: readonly [StapelingGroep, keyof StapelingCellen, (wetten: readonly Wet[]) => boolean][] = [
  [StapelingGroep.ALLE, 'aantalHuishoudens', () => true],
  [StapelingGroep.EEN_WET, 'eenWet', (w) => w.length === 1],
  [StapelingGroep.TWEE_WETTEN, 'tweeWetten', (w) => w.length === 2],
  [StapelingGroep.DRIE_WETTEN, 'drieWetten', (w) => w.length === 3],
  [StapelingGroep.ALLEEN_WMO, 'alleenWmo', (w) => exactly(w, Wet.WMO)],
  [StapelingGroep.ALLEEN_JEUGDWET, 'alleenJeugdwet', (w) => exactly(w, Wet.JEUGDWET)],
  [StapelingGroep.ALLEEN_PARTICIPATIEWET, 'alleenParticipatiewet', (w) => exactly(w, Wet.PARTICIPATIEWET)],
  [StapelingGroep.WMO_EN_JEUGDWET, 'wmoEnJeugdwet', (w) => exactly(w, Wet.WMO, Wet.JEUGDWET)],
  [StapelingGroep.WMO_EN_PARTICIPATIEWET, 'wmoEnParticipatiewet', (w) => exactly(w, Wet.WMO, Wet.PARTICIPATIEWET)],
  [StapelingGroep.JEUGDWET_EN_PARTICIPATIEWET, 'jeugdwetEnParticipatiewet', (w) => exactly(w, Wet.JEUGDWET, Wet.PARTICIPATIEWET)],
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

/** The raw counts by combination, as selectStapeling gives them, so the groups are suppressed exactly like the counts. */
function aantallenVan(huishoudens: readonly HuishoudenKosten[]): StapelingAantallen {
  const tel = (...wetten: Wet[]) => huishoudens.filter((h) => exactly(h.wetten, ...wetten)).length;
  return {
    alleenWmo: tel(Wet.WMO),
    alleenJeugdwet: tel(Wet.JEUGDWET),
    alleenParticipatiewet: tel(Wet.PARTICIPATIEWET),
    wmoEnJeugdwet: tel(Wet.WMO, Wet.JEUGDWET),
    wmoEnParticipatiewet: tel(Wet.WMO, Wet.PARTICIPATIEWET),
    jeugdwetEnParticipatiewet: tel(Wet.JEUGDWET, Wet.PARTICIPATIEWET),
    alleDrie: tel(Wet.WMO, Wet.JEUGDWET, Wet.PARTICIPATIEWET),
    totaal: huishoudens.length,
  };
}

/** An amount over a group is published as its count is: withheld with the same reason, or exact. */
function bedragNaar(aantal: Onderdrukt, bedrag: number): Onderdrukt {
  return aantal.onderdrukt ? { waarde: null, onderdrukt: aantal.onderdrukt } : { waarde: bedrag, onderdrukt: null };
}

/** The cost side of issue 4 item 7: toegang adds up what inkoop and participatie found for the households' members. */
@Resolver(() => StapelingKosten)
export class StapelingKostenResolver {
  @Directive('@inaccessible')
  @FieldResolver(() => [String], {
    description: 'Pseudoniemen van de leden van de huishoudens met ondersteuning; alleen voor de kosten in andere subgraphs, niet opvraagbaar.',
  })
  async leden(@Root() kosten: StapelingKosten, @Ctx() context: ToegangContext): Promise<string[]> {
    assertMandaat(context.principal, kosten.gemeenteCode);
    const huishoudens = await context.loaders.stapelingHuishoudens.load(stapelingSleutel(kosten));
    return huishoudens.flatMap((h) => h.leden);
  }

  @Directive(requiresAuthentication)
  @Directive(requiresScope(Scope.AGGREGATEN))
  @Directive(geaggregeerd)
  @Directive(REQUIRES_KOSTEN)
  @Directive(listSize(8))
  @FieldResolver(() => [StapelingKostengroep], {
    description:
      'De kosten per groep: alle huishoudens, naar het aantal wetten en per combinatie van wetten, in de volgorde van StapelingGroep. ' +
      'Onderdrukt waar het aantal huishoudens van de groep onderdrukt is.',
  })
  async groepen(@Root() kosten: StapelingKosten, @Ctx() context: ToegangContext): Promise<StapelingKostengroep[]> {
    assertMandaat(context.principal, kosten.gemeenteCode);
    const huishoudens = await huishoudenKosten(kosten, context);
    const cellen = stapelingCellen(aantallenVan(huishoudens));
    return GROEPEN.map(([groep, cel, hoort]) => {
      const leden = huishoudens.filter((h) => hoort(h.wetten));
      const som = (bedrag: (h: HuishoudenKosten) => number) => bedragNaar(cellen[cel], leden.reduce((a, h) => a + bedrag(h), 0));
      return {
        groep,
        aantalHuishoudens: cellen[cel],
        totaal: som((h) => h.totaal),
        wmo: som((h) => h.kosten[Wet.WMO]),
        jeugdwet: som((h) => h.kosten[Wet.JEUGDWET]),
        participatiewet: som((h) => h.kosten[Wet.PARTICIPATIEWET]),
      };
    });
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

