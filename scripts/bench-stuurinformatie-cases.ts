/**
 * The operations `bench-stuurinformatie.ts` times, who sends them, and (for the national sweep) which
 * organisations may send each one. Kept apart from the measuring so the list reads as data.
 */
import type { DemoWorld } from '@sociaal-graph/toolkit';
import type { Role } from '@sociaal-graph/gateway';
// The gateway's own rule for the gemeenten whose aggregates a role may read: the sweep predicts each caller's mandate with it.
import { statistiekForRoles } from '../gateway/src/auth/statistiek-for-roles.js';

export type World = DemoWorld;
export type Mint = (role: string, org: string) => Promise<string>;
type WetCode = World['arrangementen'][number]['wet'];

/** One operation to time, who sends it in the per-case table, and how to read what it was computed over from the answer. */
export interface BenchCase {
  readonly naam: string;
  readonly subgraph: string;
  /** The sender of the per-case table; null: anonymous, for a public answer. */
  readonly vrager: { readonly rol: Role; readonly org: string } | null;
  /** Laws whose statistiek mandate binds the answer: a gemeente counts where the caller may read all of them. Empty: public. */
  readonly wetten: readonly WetCode[];
  /** The answer refuses a gemeente outside the mandate, so the caller asks its own; otherwise every gemeente of the world. */
  readonly alleenEigen?: boolean;
  readonly query: string;
  readonly variables: (gemeenten: readonly string[]) => Record<string, unknown>;
  /** Gemeenten the answer was computed over (from the answer, or the asked ones), and its rows: proof that it holds data. */
  readonly inhoud: (data: Record<string, any>, gevraagd: readonly string[]) => { berekendOver: readonly string[]; rijen: number };
}

/** One request of a case, ready to send. */
export interface Aanvraag {
  readonly vrager: string;
  readonly token?: string;
  readonly gevraagd: readonly string[];
  readonly variables: Record<string, unknown>;
}

const VERANTWOORDING = 'verantwoording { berekendOver uitgesloten { gemeenteCode wet reden } gegevensTot laatsteDeclaratie onderdrukkingsregel }';
const AANTAL = '{ waarde onderdrukt }';
const PERIODE = `kwartaal van tot clienten ${AANTAL} clientenPer1000 instroom ${AANTAL} doorstroom ${AANTAL} uitstroom ${AANTAL}`;
const bereik = (root: string) => `query ($g: [String!]!, $jaar: Int!) {
  ${root}(gemeenten: $g) { ${VERANTWOORDING} gemeenten { code ${root}(jaar: $jaar) { wet jaar doelgroep inwoners jaartotaal { ${PERIODE} } kwartalen { ${PERIODE} } } } }
}`;

/** Rows of the answer's list `rijen` (or `gemeenten`) and its `berekendOver`. */
function verantwoord(root: string, lijst = 'rijen') {
  return (data: Record<string, any>) => ({ berekendOver: data[root].verantwoording.berekendOver as string[], rijen: data[root][lijst].length });
}

const gemeentenVan = (g: readonly string[]) => ({ g });
const STAPELING_AANTALLEN = [
  'aantalHuishoudens', 'eenWet', 'tweeWetten', 'drieWetten', 'alleenWmo', 'alleenJeugdwet', 'alleenParticipatiewet',
  'wmoEnJeugdwet', 'wmoEnParticipatiewet', 'jeugdwetEnParticipatiewet',
];
const regioGv = { rol: 'analist', org: 'regio-gv' } as const;

/**
 * Every steering answer of issue 4, sent for all gemeenten of the world (one request each). No role
 * holds aggregate rights over every gemeente (README "Who may see what"): each aggregate is sent by a
 * caller with wide rights for it, and is computed over that caller's mandate, the rest named
 * BUITEN_MANDAAT. The two Wmo/Jeugdwet counts refuse a gemeente outside the mandate, so they get the caller's own.
 */
export function benchmarkCases(): BenchCase[] {
  return [
    {
      naam: 'financienVergelijking (2025)', subgraph: 'gemeenten', vrager: null, wetten: [],
      query: `query ($g: [String!]!) { financienVergelijking(gemeenten: $g, jaar: 2025) { ${VERANTWOORDING} rijen {
        gemeenteCode jaar taakveld { code } wet begroting prognose realisatie tekort tekortBasis begrotingPerInwoner realisatiePerInwoner tekortPerInwoner
        grootteklasse { groep aantalGemeenten begrotingPerInwoner prognosePerInwoner realisatiePerInwoner tekortPerInwoner }
        nederland { groep aantalGemeenten begrotingPerInwoner prognosePerInwoner realisatiePerInwoner tekortPerInwoner } } } }`,
      variables: gemeentenVan, inhoud: verantwoord('financienVergelijking'),
    },
    {
      naam: 'declaratiegedrag (Wmo, 2025)', subgraph: 'inkoop', vrager: { rol: 'inkoper', org: 'regio-gv' }, wetten: ['WMO'],
      query: `query ($g: [String!]!) { declaratiegedrag(gemeenten: $g, wet: WMO, jaar: 2025) { ${VERANTWOORDING} rijen {
        aanbieder { agbCode } gemeente { code } wet jaar maand aantalToewijzingen ${AANTAL} aantalDeclaratieregels ${AANTAL}
        gemiddeldeVertragingInDagen ${AANTAL} aandeelNaTermijn ${AANTAL} aandeelAfgewezen ${AANTAL} aandeelGecrediteerd ${AANTAL} aandeelCorrecties ${AANTAL} } } }`,
      variables: gemeentenVan, inhoud: verantwoord('declaratiegedrag'),
    },
    // Question 2. The regio's inkoper buys for Gooi en Vechtstreek; a controller acts for one gemeente only.
    ...(['WMO', 'JEUGDWET'] as const).map((wet): BenchCase => ({
      naam: `verplichtingen (${wet === 'WMO' ? 'Wmo' : 'Jeugdwet'}, 2025)`, subgraph: 'inkoop', vrager: { rol: 'inkoper', org: 'regio-gv' }, wetten: [wet],
      query: `query ($g: [String!]!) { verplichtingen(gemeenten: $g, wet: ${wet}, jaar: 2025) { ${VERANTWOORDING} peildatum rijen {
        aanbieder { agbCode naam } gemeente { code } wet jaar aantalToewijzingen ${AANTAL} verwacht ${AANTAL} gedeclareerd ${AANTAL}
        prognose ${AANTAL} aandeelNietGedeclareerd ${AANTAL}
        maanden { maand geleverd aantalToewijzingen ${AANTAL} verwacht ${AANTAL} gedeclareerd ${AANTAL} } } } }`,
      variables: gemeentenVan, inhoud: verantwoord('verplichtingen'),
    })),
    {
      naam: 'jeugdVerwijsstromen (2025)', subgraph: 'jeugd', vrager: regioGv, wetten: ['JEUGDWET'],
      query: `query ($g: [String!]!) { jeugdVerwijsstromen(gemeenten: $g, jaar: 2025) { ${VERANTWOORDING} gemeenten {
        gemeente { code } jaar aantalVerwijzingen ${AANTAL}
        perVerwijzer { verwijzerType { code } aantalVerwijzingen ${AANTAL} aandeel ${AANTAL} aandeelAlleGemeenten ${AANTAL} landelijkAandeelCbs } } } }`,
      variables: gemeentenVan, inhoud: verantwoord('jeugdVerwijsstromen', 'gemeenten'),
    },
    // Question 5; kostenPerClient comes from inkoop's declaraties over federation.
    {
      naam: 'jeugdTrajectkengetallen (2025, per aanbieder)', subgraph: 'jeugd + inkoop', vrager: regioGv, wetten: ['JEUGDWET'],
      query: `query ($g: [String!]!) { jeugdTrajectkengetallen(gemeenten: $g, jaar: 2025, indeling: AANBIEDER) { ${VERANTWOORDING} rijen {
        gemeente { code } jaar indeling groepCode aanbieder { agbCode naam } productcategorie { code } aantalClienten ${AANTAL} aantalTrajecten ${AANTAL}
        aandeelLangerDanEenJaar ${AANTAL} aandeelHerhaaldBeroep ${AANTAL} gemiddeldeDuurInDagen ${AANTAL} kostenPerClient ${AANTAL} } } }`,
      variables: gemeentenVan, inhoud: verantwoord('jeugdTrajectkengetallen'),
    },
    ...(['wmoBereik', 'jeugdBereik', 'participatieBereik'] as const).map((root): BenchCase => {
      const wet = ({ wmoBereik: 'WMO', jeugdBereik: 'JEUGDWET', participatieBereik: 'PARTICIPATIEWET' } as const)[root];
      return {
        naam: `${root} (2025, per gemeente)`, subgraph: root.replace('Bereik', ''), wetten: [wet],
        vrager: wet === 'PARTICIPATIEWET' ? { rol: 'analist', org: 'uo-hbel' } : regioGv,
        query: bereik(root), variables: (g) => ({ g, jaar: 2025 }), inhoud: verantwoord(root, 'gemeenten'),
      };
    }),
    {
      // The intake around each registered date of each Wmo measure (issue 10: no caller-chosen dates).
      naam: 'Maatregel.wmoInstroom (12 months)', subgraph: 'gemeenten + wmo', vrager: regioGv, wetten: ['WMO'],
      query: `query { maatregelen(wet: WMO) { id wmoInstroom { ${VERANTWOORDING} rijen {
        gemeente { code naam } ingangsdatum periode van tot aantalToewijzingen ${AANTAL} aantalClienten ${AANTAL} gemiddeldeUrenPerWeek ${AANTAL} } } } }`,
      variables: () => ({}),
      inhoud: (data: Record<string, any>) => ({
        berekendOver: [...new Set(data.maatregelen.flatMap((m: any) => (m.wmoInstroom?.verantwoording.berekendOver ?? []) as string[]))] as string[],
        rijen: data.maatregelen.reduce((a: number, m: any) => a + (m.wmoInstroom?.rijen.length ?? 0), 0) as number,
      }),
    },
    {
      naam: 'subsidiesPerPartner (2025)', subgraph: 'subsidies', vrager: null, wetten: [],
      query: `query ($g: [String!]!) { subsidiesPerPartner(gemeenten: $g, jaar: 2025) { ${VERANTWOORDING} rijen {
        partner { id naam } gemeente { code naam } gemeenteCode jaar aantalSubsidies aantalVastgesteld aangevraagd verleend budgetplafond vastgesteld verschil
        prestaties { indicator eenheid aantalAfspraken afgesproken gerealiseerd realisatiePercentage }
        voorveld { aantalRapportages laatsteKwartaal aantalDeelnemers aantalContacten } gerapporteerdTot } } }`,
      variables: gemeentenVan, inhoud: verantwoord('subsidiesPerPartner'),
    },
    ...([
      ['wmoToewijzingenPerProductcategorie', 'wmo', 'WMO', 'aantalClienten'],
      ['jeugdToewijzingenPerProductcategorie', 'jeugd', 'JEUGDWET', 'aantalJeugdigen'],
    ] as const).map(
      ([root, subgraph, wet, personen]): BenchCase => ({
        naam: `${root} (2025)`, subgraph, vrager: regioGv, wetten: [wet], alleenEigen: true,
        query: `query ($g: [String!]!) { ${root}(gemeenten: $g, jaar: 2025) {
          gemeente { code } jaar productcategorie { code } totaal aantalToewijzingen ${AANTAL} ${personen} ${AANTAL} onderdrukkingsregel } }`,
        // No verantwoording: an answer at all means every asked gemeente was inside the mandate, also one without toewijzingen.
        variables: gemeentenVan, inhoud: (data, gevraagd) => ({ berekendOver: gevraagd, rijen: data[root].length }),
      }),
    ),
    {
      naam: 'participatieKengetallen (2025)', subgraph: 'participatie', vrager: { rol: 'analist', org: 'uo-hbel' }, wetten: ['PARTICIPATIEWET'],
      query: `query ($g: [String!]!) { participatieKengetallen(gemeenten: $g, jaar: 2025) {
        gemeenteCode jaar binnenMandaat toelichting uitkeringenActief ${AANTAL} instroom ${AANTAL} uitstroom ${AANTAL} schuldhulptrajectenGestart ${AANTAL} } }`,
      variables: gemeentenVan,
      inhoud: (data) => ({
        berekendOver: data.participatieKengetallen.filter((r: { binnenMandaat: boolean }) => r.binnenMandaat).map((r: { gemeenteCode: string }) => r.gemeenteCode),
        rijen: data.participatieKengetallen.length,
      }),
    },
    // Question 7. HBEL's analist: HBEL executes all three laws for Huizen, Blaricum and Laren (Eemnes' Jeugdwet is Amersfoort's).
    // Once the counts alone, once with the costs per group, which toegang sums from wmo, jeugd, participatie and inkoop over federation.
    ...[false, true].map((kosten): BenchCase => ({
      naam: kosten ? 'stapeling with kosten (2025)' : 'stapeling (2025)', subgraph: kosten ? 'toegang + wmo, jeugd, participatie, inkoop' : 'toegang',
      vrager: { rol: 'analist', org: 'uo-hbel' }, wetten: ['WMO', 'JEUGDWET', 'PARTICIPATIEWET'],
      query: `query ($g: [String!]!) { stapeling(gemeenten: $g, jaar: 2025) { ${VERANTWOORDING} rijen {
        gemeente { code } jaar onderdrukkingsregel ${STAPELING_AANTALLEN.map((veld) => `${veld} ${AANTAL}`).join(' ')}
        ${kosten ? `kosten { groepen { groep ${['aantalHuishoudens', 'totaal', 'wmo', 'jeugdwet', 'participatiewet'].map((veld) => `${veld} ${AANTAL}`).join(' ')} } }` : ''} } } }`,
      variables: gemeentenVan, inhoud: verantwoord('stapeling'),
    })),
  ];
}

export const baseline: BenchCase = {
  naam: 'baseline: `gemeenten(first: 400) { items { code naam } }`', subgraph: 'gemeenten', vrager: null, wetten: [],
  query: '{ gemeenten(first: 400) { items { code naam } } }',
  variables: () => ({}),
  inhoud: (data) => ({ berekendOver: data.gemeenten.items.map((g: { code: string }) => g.code), rijen: data.gemeenten.items.length }),
};

/** The gemeenten where `rol` of `org` may read the statistics of every law in `wetten`, as the gateway decides it from the arrangements valid today. */
export function mandaat(world: World, org: string, rol: Role, wetten: readonly WetCode[]): string[] {
  const arrangements = world.arrangementen.filter((a) => a.organisatieId === org && a.geldigTot === null);
  const statistiek = statistiekForRoles(org, arrangements, [rol]);
  const binnen = (wet: WetCode, code: string) => {
    const gemeenten = statistiek[wet];
    return (gemeenten ?? []).includes(code);
  };
  return world.gemeenten.map((g) => g.code).filter((code) => wetten.length > 0 && wetten.every((wet) => binnen(wet, code)));
}

/** The request of `benchCase` sent by `vrager` (anonymous if null). */
export async function aanvraag(world: World, benchCase: BenchCase, vrager: BenchCase['vrager'], mint: Mint): Promise<Aanvraag> {
  const alle = world.gemeenten.map((g) => g.code);
  if (!vrager) return { vrager: 'anonymous (public)', gevraagd: alle, variables: benchCase.variables(alle) };
  const gemeenten = benchCase.alleenEigen ? mandaat(world, vrager.org, vrager.rol, benchCase.wetten) : alle;
  return { vrager: `${vrager.rol} ${vrager.org}`, token: await mint(vrager.rol, vrager.org), gevraagd: gemeenten, variables: benchCase.variables(gemeenten) };
}

/**
 * The national sweep of a rights-bound case: its request sent by the case's role of every organisation
 * that holds an arrangement of one of its laws valid today (as the world's arrangementen name them) and
 * whose mandate covers a gemeente for all of them. Each answer is computed over that organisation's mandate.
 */
export function sweepVragers(world: World, benchCase: BenchCase): { rol: Role; org: string }[] {
  const rol = benchCase.vrager?.rol;
  if (!rol || benchCase.wetten.length === 0) return [];
  const organisaties = new Set(world.arrangementen.filter((a) => a.geldigTot === null && benchCase.wetten.includes(a.wet)).map((a) => a.organisatieId));
  return [...organisaties].sort().filter((org) => mandaat(world, org, rol, benchCase.wetten).length > 0).map((org) => ({ rol, org }));
}
