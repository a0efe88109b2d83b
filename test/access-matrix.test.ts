import { vandaagInNederland } from '@sociaal-graph/toolkit';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENTS } from '../codegen/src/client-list.js';
import { type GraphResponse, type OwnGraph, ownDemoWorld, startOwnGraph } from './graph.test-utils.js';

// Issue 3 acceptance: every role against every sensitive field, every gemeente and every wet, allowed
// and refused alike. The expected outcome of each cell is derived here from an independent statement
// of the rules (README "Who may see what", docs/mandates.md) and from
// the demo world every subgraph loaded, never from the implementation's tables (ROLE_SCOPES and the like).
// A graph of its own: the mutations at the end write meldingen and toewijzingen, which the files that
// count toewijzingen on the shared graph (authorization, clients) must never see.
const world = ownDemoWorld();
const today = vandaagInNederland();
const GEMEENTEN = world.gemeenten.map((g) => g.code);
const WETTEN = ['WMO', 'JEUGDWET', 'PARTICIPATIEWET'] as const;
type Wet = (typeof WETTEN)[number];
/** The year the aggregates are asked for. */
const JAAR = 2025;

// ---- The rules, stated independently -------------------------------------------------------------

/** What a role may read at all (its purposes); anonymous callers have none. */
type Doel = 'dossier' | 'bsn' | 'vrijeTekst' | 'declaraties' | 'tellingen' | 'logboek';
const DOELEN: Record<string, readonly Doel[]> = {
  // Full case data of its own clients, the BSN and its own free text, and counts where it works.
  consulent: ['dossier', 'bsn', 'vrijeTekst', 'tellingen'],
  // Beschikkingen and toewijzingen for payment: the file, no BSN, no free text.
  backoffice: ['dossier', 'declaraties', 'tellingen'],
  // Its own toewijzingen and declaraties only.
  aanbieder: ['dossier', 'declaraties'],
  // Contract management: declaraties and aggregates, never a file.
  inkoper: ['declaraties', 'tellingen'],
  beleid: ['tellingen'],
  controller: ['tellingen'],
  analist: ['tellingen'],
  subsidiepartner: ['tellingen'],
  fg: ['logboek'],
};

/** The arrangement roles (Rol) whose rows each caller role acts in; other roles act in none. */
const ARRANGEMENT_ROLLEN: Record<string, readonly string[]> = {
  consulent: ['TOEGANG', 'UITVOERING'],
  backoffice: ['UITVOERING'],
  inkoper: ['INKOOP', 'CONTRACTBEHEER'],
};

interface Caller {
  readonly naam: string;
  readonly rol?: string;
  readonly org?: string;
}

/** Whether `org` holds (wet, rol) for `gemeente` in an arrangement valid today, per the demo world. */
function holds(org: string, wet: string, rol: string, gemeente: string): boolean {
  return world.arrangementen.some(
    (a) =>
      a.organisatieId === org && a.wet === wet && a.rol === rol && a.gemeenteCode === gemeente &&
      a.geldigVan <= today && (a.geldigTot === null || today <= a.geldigTot),
  );
}

/** Whether the caller acts in arrangement role `rol` of (wet, gemeente): its role acts in it and its org holds it. */
function actsIn(caller: Caller, wet: string, rol: string, gemeente: string): boolean {
  return !!caller.org && (ARRANGEMENT_ROLLEN[caller.rol ?? ''] ?? []).includes(rol) && holds(caller.org, wet, rol, gemeente);
}

/** The policy `mandaat`: a TOEGANG or UITVOERING mandate for at least one gemeente and wet. */
function hasMandaat(caller: Caller): boolean {
  return GEMEENTEN.some((g) => WETTEN.some((wet) => actsIn(caller, wet, 'TOEGANG', g) || actsIn(caller, wet, 'UITVOERING', g)));
}

function mayRead(caller: Caller, doel: Doel): boolean {
  return (DOELEN[caller.rol ?? ''] ?? []).includes(doel);
}

type Weigering = 'UNAUTHENTICATED' | 'FORBIDDEN';

/** The gateway's refusal of a field that needs any one of `doelen`, or undefined when the caller has one. */
function refusal(caller: Caller, ...doelen: Doel[]): Weigering | undefined {
  if (!caller.rol) return 'UNAUTHENTICATED';
  return doelen.some((doel) => mayRead(caller, doel)) ? undefined : 'FORBIDDEN';
}

/** Whose counts of (wet, gemeente) a caller may read: where it works, or its own gemeente's. */
function mayCount(caller: Caller, wet: Wet, gemeente: string): boolean {
  const org = caller.org ?? '';
  const isGemeente = /^\d{4}$/.test(org);
  switch (caller.rol) {
    case 'consulent':
      return actsIn(caller, wet, 'TOEGANG', gemeente) || actsIn(caller, wet, 'UITVOERING', gemeente);
    case 'backoffice':
      return actsIn(caller, wet, 'UITVOERING', gemeente);
    case 'inkoper':
      return actsIn(caller, wet, 'INKOOP', gemeente) || actsIn(caller, wet, 'CONTRACTBEHEER', gemeente);
    case 'beleid':
    case 'controller':
      // The gemeente's own money, also where another organisation executes the law (Eemnes' Jeugdwet).
      return org === gemeente;
    case 'analist':
      return isGemeente ? org === gemeente : ['TOEGANG', 'UITVOERING', 'INKOOP', 'CONTRACTBEHEER'].some((rol) => holds(org, wet, rol, gemeente));
    default:
      return false;
  }
}

/**
 * A count as published (issue 10): withheld under 10 contributors, else GEPUBLICEERD; the value itself is
 * checked where it is read (`gepubliceerd`), since cell-key rounding goes up or down by a fixed draw.
 */
function published(count: number, contributors = count): 'GEPUBLICEERD' | 'KLEIN_AANTAL' {
  return contributors < 10 ? 'KLEIN_AANTAL' : 'GEPUBLICEERD';
}

/** A published value read back: withheld gives its reason, a number must be a multiple of 5 less than 5 from the truth. */
function gepubliceerd(aantal: { waarde: number | null; onderdrukt: string | null }, truth: number, label: string): string {
  if (aantal.waarde === null) return aantal.onderdrukt ?? 'NULL';
  expect(aantal.waarde % 5, label).toBe(0);
  expect(Math.abs(aantal.waarde - truth), label).toBeLessThan(5);
  return 'GEPUBLICEERD';
}

// ---- The demo world, indexed ---------------------------------------------------------------------

/** Active on at least one day of the year. */
const actiefIn = (t: { ingangsdatum: string; einddatum: string | null }, jaar: number) =>
  t.ingangsdatum <= `${jaar}-12-31` && (t.einddatum === null || t.einddatum >= `${jaar}-01-01`);
const meldingenVan = new Map<string, (typeof world.meldingen)[number][]>();
for (const m of world.meldingen) meldingenVan.set(m.inwonerId, [...(meldingenVan.get(m.inwonerId) ?? []), m]);
const huishoudens = new Map(world.huishoudens.map((h) => [h.id, h]));
const inwonersVanGemeente = new Map<string, (typeof world.inwoners)[number][]>();
for (const i of world.inwoners) inwonersVanGemeente.set(i.gemeenteCode, [...(inwonersVanGemeente.get(i.gemeenteCode) ?? []), i]);

/** How many rows of `list` fall under each key (one pass; the world's lists are long). */
function countBy<T>(list: readonly T[], ...keys: ((row: T) => string)[]): (key: string) => number {
  const counts = new Map<string, number>();
  for (const row of list) for (const key of keys) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return (key) => counts.get(key) ?? 0;
}
/** Rows per `gemeente wet`, and per `gemeente wet agb` for a provider's own. */
const perCel = <T extends { gemeenteCode: string; wet?: string; aanbiederAgb?: string }>(list: readonly T[], wet: string) =>
  countBy(list, (row) => `${row.gemeenteCode} ${row.wet ?? wet}`, (row) => `${row.gemeenteCode} ${row.wet ?? wet} ${row.aanbiederAgb ?? '-'}`);
const ROWS = {
  WMO: perCel(world.wmoToewijzingen, 'WMO'),
  JEUGDWET: perCel(world.jeugdToewijzingen, 'JEUGDWET'),
  PARTICIPATIEWET: perCel(world.uitkeringen, 'PARTICIPATIEWET'),
};
const DECLARATIES = perCel(world.declaraties, '');
const ACTIEF = {
  WMO: countBy(world.wmoToewijzingen.filter((t) => actiefIn(t, JAAR)), (t) => t.gemeenteCode),
  JEUGDWET: countBy(world.jeugdToewijzingen.filter((t) => actiefIn(t, JAAR)), (t) => t.gemeenteCode),
};
/** Distinct clients with a toewijzing active in the year, per gemeente: the contributors of the count of toewijzingen. */
const CLIENTEN = Object.fromEntries(
  (['WMO', 'JEUGDWET'] as const).map((wet) => {
    const lijst = (wet === 'WMO' ? world.wmoToewijzingen : world.jeugdToewijzingen).filter((t) => actiefIn(t, JAAR));
    return [wet, (g: string) => new Set(lijst.filter((t) => t.gemeenteCode === g).map((t) => t.inwonerId)).size];
  }),
) as Record<'WMO' | 'JEUGDWET', (g: string) => number>;
const SCHULDHULP_GESTART = countBy(world.schuldhulptrajecten.filter((s) => s.startdatum.startsWith(`${JAAR}-`)), (s) => s.gemeenteCode);
const inwoners = new Map(world.inwoners.map((i) => [i.id, i]));

/** The meldingen of a resident a caller may see: under a law whose TOEGANG it holds for the melding's gemeente. */
function zichtbareMeldingen(caller: Caller, inwonerId: string) {
  return (meldingenVan.get(inwonerId) ?? []).filter((m) => actsIn(caller, m.wet, 'TOEGANG', m.gemeenteCode));
}

/** Residents of `gemeente` with a melding under `wet` that the caller may see. */
function zichtbareInwoners(caller: Caller, gemeente: string, wet: Wet) {
  return (inwonersVanGemeente.get(gemeente) ?? []).filter((i) => zichtbareMeldingen(caller, i.id).some((m) => m.wet === wet));
}


/** The provider with the most Wmo toewijzingen, and the one with the most Jeugdwet toewijzingen in Eemnes. */
function busiest(list: readonly { aanbiederAgb: string }[]): string {
  const counts = new Map<string, number>();
  for (const t of list) counts.set(t.aanbiederAgb, (counts.get(t.aanbiederAgb) ?? 0) + 1);
  const [agb] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  if (!agb || !world.aanbieders.some((a) => a.agbCode === agb)) throw new Error('the demo world has no such provider');
  return agb;
}
const WMO_AANBIEDER = busiest(world.wmoToewijzingen);
const EEMNES_JEUGD_AANBIEDER = busiest(world.jeugdToewijzingen.filter((t) => t.gemeenteCode === '0317'));
const SUBSIDIEPARTNER = world.subsidiepartners[0]?.id ?? 'sp-0406-welzijn';

const CALLERS: readonly Caller[] = [
  { naam: 'anoniem' },
  { naam: 'consulent van uo-hbel', rol: 'consulent', org: 'uo-hbel' },
  { naam: 'consulent van 0307 (Amersfoort)', rol: 'consulent', org: '0307' },
  { naam: 'backoffice van uo-hbel', rol: 'backoffice', org: 'uo-hbel' },
  { naam: 'beleid van 0317 (Eemnes)', rol: 'beleid', org: '0317' },
  { naam: 'controller van 0406 (Huizen)', rol: 'controller', org: '0406' },
  { naam: 'inkoper van regio-gv', rol: 'inkoper', org: 'regio-gv' },
  { naam: `aanbieder ${WMO_AANBIEDER} (Wmo)`, rol: 'aanbieder', org: WMO_AANBIEDER },
  { naam: `aanbieder ${EEMNES_JEUGD_AANBIEDER} (Jeugdwet in Eemnes)`, rol: 'aanbieder', org: EEMNES_JEUGD_AANBIEDER },
  { naam: 'analist van 0406 (Huizen)', rol: 'analist', org: '0406' },
  { naam: `subsidiepartner ${SUBSIDIEPARTNER}`, rol: 'subsidiepartner', org: SUBSIDIEPARTNER },
  { naam: 'fg van uo-hbel', rol: 'fg', org: 'uo-hbel' },
];

// ---- The graph ----------------------------------------------------------------------------------

let graph: OwnGraph;
const tokens = new Map<string, string | undefined>();

beforeAll(async () => {
  graph = await startOwnGraph();
  for (const caller of CALLERS) {
    tokens.set(caller.naam, caller.rol && caller.org ? await graph.token({ role: caller.rol, org: caller.org }) : undefined);
  }
}, 600_000);

afterAll(async () => {
  await graph?.stop();
});

/** One cell of the matrix: a row count or a published value when allowed, else why not. */
type Uitkomst = number | string | null;
type Response = GraphResponse<Record<string, any>>;

/** One operation with the same root field once per gemeente, aliased `g<code>`. */
function perGemeente(field: (gemeente: string) => string, selection: string, variables = ''): string {
  return `query Matrix${variables} {\n${GEMEENTEN.map((g) => `  g${g}: ${field(g)} ${selection}`).join('\n')}\n}`;
}

async function ask(caller: Caller, query: string, variables?: Record<string, unknown>): Promise<Response> {
  const response = await graph.query(query, variables, tokens.get(caller.naam));
  expect(response.status, caller.naam).toBe(200);
  return response;
}

/**
 * The outcome per gemeente of a `perGemeente` answer: the refusal's code when the root field was
 * refused (then its value must be null and the error must name the field or the gemeente), else
 * `read` of its value. Errors on deeper paths are left to the caller (`fieldRefusals`).
 */
function outcomes(response: Response, field: string, read: (value: any, gemeente: string) => Uitkomst, label = ''): Record<string, Uitkomst> {
  const result: Record<string, Uitkomst> = {};
  for (const g of GEMEENTEN) {
    const alias = `g${g}`;
    const refused = (response.errors ?? []).filter((e) => e.path?.length === 1 && e.path[0] === alias);
    const key = `${g}${label}`;
    if (refused.length > 0) {
      expect(refused, key).toHaveLength(1);
      expect(response.data?.[alias] ?? null, key).toBeNull();
      expect(refused[0].message, key).toMatch(new RegExp(`Query\\.${field}\\b|\\b${g}\\b`));
      result[key] = String(refused[0].extensions?.code);
    } else {
      result[key] = read(response.data?.[alias], g);
    }
  }
  return result;
}

/** Errors other than root refusals (those `outcomes` checks): none are expected unless listed. */
function otherErrors(response: Response) {
  return (response.errors ?? []).filter((e) => !(e.path?.length === 1 && /^g\d{4}$/.test(String(e.path[0]))));
}

const totaal = (page: { pageInfo: { totaal: number } }) => page.pageInfo.totaal;

// ---- The matrix ---------------------------------------------------------------------------------

const INWONERS = perGemeente(
  (g) => `inwoners(gemeente: "${g}", wetten: [$wet], first: 1)`,
  `{ items { id bsn voornaam achternaam geboortedatum adres { postcode huisnummer } meldingen { id wet commentaar } } pageInfo { totaal } }`,
  '($wet: Wet!)',
);

/** The fields of an Inwoner (and its meldingen) the gateway must refuse this caller. */
function refusedPersonFields(caller: Caller): string[] {
  const refused: string[] = [];
  if (!(mayRead(caller, 'bsn') && hasMandaat(caller))) refused.push('bsn');
  if (!(mayRead(caller, 'dossier') && hasMandaat(caller))) refused.push('voornaam', 'achternaam', 'geboortedatum', 'adres');
  if (!mayRead(caller, 'vrijeTekst')) refused.push('commentaar');
  return refused.sort();
}

describe('access matrix: every caller, every gemeente, every wet', () => {
  it.each(CALLERS)('$naam: residents per wet (toegang) and their BSN, name, birth date, address and free text', async (caller) => {
    const refusedFields = refusedPersonFields(caller);
    for (const wet of WETTEN) {
      const response = await ask(caller, INWONERS, { wet });
      const expected: Record<string, Uitkomst> = {};
      for (const g of GEMEENTEN) expected[`${g} ${wet}`] = refusal(caller, 'dossier') ?? zichtbareInwoners(caller, g, wet).length;
      const actual = outcomes(response, 'inwoners', (page, g) => {
        // The one resident on the page: one of those expected, with exactly the fields and meldingen it may see.
        for (const item of page.items) {
          const inwoner = inwoners.get(item.id);
          expect(zichtbareInwoners(caller, g, wet).map((i) => i.id), `${g} ${wet}`).toContain(item.id);
          const huishouden = huishoudens.get(inwoner!.huishoudenId)!;
          const open = (field: string, value: unknown) => (refusedFields.includes(field) ? null : value);
          expect(item, `${g} ${wet}`).toEqual({
            id: item.id,
            bsn: open('bsn', inwoner!.bsn),
            voornaam: open('voornaam', inwoner!.voornaam),
            achternaam: open('achternaam', inwoner!.achternaam),
            geboortedatum: open('geboortedatum', inwoner!.geboortedatum),
            adres: open('adres', { postcode: huishouden.postcode, huisnummer: huishouden.huisnummer }),
            meldingen: expect.any(Array),
          });
          const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
          expect([...item.meldingen].sort(byId), `${g} ${wet} meldingen`).toEqual(
            zichtbareMeldingen(caller, item.id)
              .map((m) => ({ id: m.id, wet: m.wet, commentaar: open('commentaar', m.commentaar) }))
              .sort(byId),
          );
        }
        return totaal(page);
      }, ` ${wet}`);
      expect(actual).toEqual(expected);

      // A refused field is null with one FORBIDDEN error naming it, per gemeente; nothing else fails.
      const fieldErrors = otherErrors(response);
      const rootRefused = refusal(caller, 'dossier') !== undefined;
      const expectedFieldErrors = rootRefused ? [] : GEMEENTEN.flatMap((g) => refusedFields.map((field) => `g${g} ${field} FORBIDDEN`));
      expect(
        fieldErrors.map((e) => `${e.path?.[0]} ${e.path?.at(-1)} ${e.extensions?.code}`).sort(),
        `${wet}: errors below the root`,
      ).toEqual(expectedFieldErrors.sort());
      for (const error of fieldErrors) expect(error.message).toMatch(/Geen toegang tot (Inwoner|Melding)\.\w+/);
    }
  });

  it.each(CALLERS)('$naam: Wmo and Jeugdwet toewijzingen and Participatiewet uitkeringen per gemeente', async (caller) => {
    const shapes = [
      { field: 'wmoToewijzingen', wet: 'WMO' },
      { field: 'jeugdToewijzingen', wet: 'JEUGDWET' },
      { field: 'uitkeringen', wet: 'PARTICIPATIEWET' },
    ] as const;
    for (const { field, wet } of shapes) {
      const response = await ask(caller, perGemeente((g) => `${field}(gemeente: "${g}", first: 0)`, '{ pageInfo { totaal } }'));
      const expected: Record<string, Uitkomst> = {};
      for (const g of GEMEENTEN) {
        // A provider sees its own toewijzingen wherever they are (no arrangement); everyone else the
        // rows of its UITVOERING mandates. Outside them: zero rows, never an error.
        const own = caller.rol === 'aanbieder' && wet !== 'PARTICIPATIEWET';
        expected[`${g} ${wet}`] =
          refusal(caller, 'dossier') ??
          (own ? ROWS[wet](`${g} ${wet} ${caller.org}`) : actsIn(caller, wet, 'UITVOERING', g) ? ROWS[wet](`${g} ${wet}`) : 0);
      }
      expect(outcomes(response, field, totaal, ` ${wet}`)).toEqual(expected);
      expect(otherErrors(response)).toEqual([]);
    }
  });

  it.each(CALLERS)('$naam: declaraties per gemeente and wet', async (caller) => {
    const query = perGemeente((g) => `declaraties(gemeente: "${g}", wet: $wet, first: 0)`, '{ pageInfo { totaal } }', '($wet: Wet!)');
    for (const wet of WETTEN) {
      const response = await ask(caller, query, { wet });
      const expected: Record<string, Uitkomst> = {};
      for (const g of GEMEENTEN) {
        // A provider its own; with the declaraties purpose, the region's contract management those of
        // its CONTRACTBEHEER mandates and the executing back office those of its UITVOERING mandates.
        const mandaat = actsIn(caller, wet, 'CONTRACTBEHEER', g) || actsIn(caller, wet, 'UITVOERING', g);
        expected[`${g} ${wet}`] =
          refusal(caller, 'dossier', 'declaraties') ??
          (caller.rol === 'aanbieder'
            ? DECLARATIES(`${g} ${wet} ${caller.org}`)
            : mayRead(caller, 'declaraties') && mandaat ? DECLARATIES(`${g} ${wet}`) : 0);
      }
      expect(outcomes(response, 'declaraties', totaal, ` ${wet}`)).toEqual(expected);
      expect(otherErrors(response)).toEqual([]);
    }
  });

  it.each(CALLERS)(`$naam: counts per gemeente and wet (${JAAR}), suppressed`, async (caller) => {
    for (const wet of ['WMO', 'JEUGDWET'] as const) {
      const field = wet === 'WMO' ? 'wmoToewijzingenPerProductcategorie' : 'jeugdToewijzingenPerProductcategorie';
      const response = await ask(
        caller,
        perGemeente((g) => `${field}(gemeenten: ["${g}"], jaar: ${JAAR})`, '{ gemeente { code } totaal aantalToewijzingen { waarde onderdrukt } }'),
      );
      const expected: Record<string, Uitkomst> = {};
      for (const g of GEMEENTEN) {
        const count = ACTIEF[wet](g);
        // Outside the aggregate rights: refused (FORBIDDEN), never a silent zero.
        expected[`${g} ${wet}`] = refusal(caller, 'tellingen') ?? (mayCount(caller, wet, g) ? (count === 0 ? 'GEEN' : published(count, CLIENTEN[wet](g))) : 'FORBIDDEN');
      }
      const actual = outcomes(response, field, (rows: { gemeente: { code: string }; totaal: boolean; aantalToewijzingen: { waarde: number | null; onderdrukt: string | null } }[], g) => {
        expect(new Set(rows.map((row) => row.gemeente.code)), g).toEqual(new Set(rows.length ? [g] : []));
        const total = rows.filter((row) => row.totaal);
        if (total.length === 0) return 'GEEN';
        expect(total, g).toHaveLength(1);
        return gepubliceerd(total[0].aantalToewijzingen, ACTIEF[wet](g), `${g} ${wet}`);
      }, ` ${wet}`);
      expect(actual).toEqual(expected);
      expect(otherErrors(response)).toEqual([]);
    }

    const response = await ask(
      caller,
      perGemeente(
        (g) => `participatieKengetallen(gemeenten: ["${g}"], jaar: ${JAAR})`,
        '{ gemeenteCode binnenMandaat toelichting schuldhulptrajectenGestart { waarde onderdrukt } }',
      ),
    );
    const expected: Record<string, Uitkomst> = {};
    for (const g of GEMEENTEN) {
      const gestart = SCHULDHULP_GESTART(g);
      // Outside the aggregate rights the row says so (binnenMandaat false, no figures), never zero.
      expected[`${g} PARTICIPATIEWET`] = refusal(caller, 'tellingen') ?? (mayCount(caller, 'PARTICIPATIEWET', g) ? published(gestart) : 'BUITEN_MANDAAT');
    }
    const actual = outcomes(response, 'participatieKengetallen', (rows: any[], g) => {
      expect(rows.map((row) => row.gemeenteCode), g).toEqual([g]);
      const [row] = rows;
      if (!row.binnenMandaat) {
        expect(row.schuldhulptrajectenGestart, g).toBeNull();
        expect(row.toelichting, g).toMatch(/niet beschikbaar/);
        return 'BUITEN_MANDAAT';
      }
      return gepubliceerd(row.schuldhulptrajectenGestart, SCHULDHULP_GESTART(g), `${g} schuldhulp`);
    }, ' PARTICIPATIEWET');
    expect(actual).toEqual(expected);
    expect(otherErrors(response)).toEqual([]);
  });

  it.each(CALLERS)('$naam: the Logboek Dataverwerkingen', async (caller) => {
    const response = await ask(caller, `{ logboek { wmo(first: 0) { pageInfo { totaal } } toegang(first: 0) { pageInfo { totaal } } } }`);
    const expected = refusal(caller, 'logboek') ?? 'GELEZEN';
    if (expected === 'GELEZEN') {
      expect(response.errors).toBeUndefined();
      expect(response.data?.logboek.wmo.pageInfo.totaal).toEqual(expect.any(Number));
      expect(response.data?.logboek.toegang.pageInfo.totaal).toEqual(expect.any(Number));
    } else {
      expect(response.data?.logboek ?? null).toBeNull();
      expect(response.errors?.map((e) => [e.path, e.extensions?.code, /Query\.logboek/.test(e.message)])).toEqual([[['logboek'], expected, true]]);
    }
  });
});

describe("Eemnes' Jeugdwet (executed by Amersfoort)", () => {
  const [hbel, amersfoort] = [CALLERS[1], CALLERS[2]];
  const JEUGD = `{
    toewijzingen: jeugdToewijzingen(gemeente: "0317", first: 0) { pageInfo { totaal } }
    inwoners(gemeente: "0317", wetten: [JEUGDWET], first: 0) { pageInfo { totaal } }
  }`;

  /** An Eemnes resident whose every hulpvraag is under `wet` (there are such in the demo world). */
  const onlyUnder = (wet: Wet) =>
    world.inwoners.find((i) => i.gemeenteCode === '0317' && (meldingenVan.get(i.id) ?? []).length > 0 && meldingenVan.get(i.id)!.every((m) => m.wet === wet));

  it("gives HBEL's consulent none of it and Amersfoort's consulent all of it", async () => {
    const inWorld = world.jeugdToewijzingen.filter((t) => t.gemeenteCode === '0317').length;
    const children = world.inwoners.filter((i) => i.gemeenteCode === '0317' && (meldingenVan.get(i.id) ?? []).some((m) => m.wet === 'JEUGDWET')).length;
    expect(inWorld).toBeGreaterThan(0);
    expect(children).toBeGreaterThan(0);
    expect((await ask(hbel, JEUGD)).data).toEqual({ toewijzingen: { pageInfo: { totaal: 0 } }, inwoners: { pageInfo: { totaal: 0 } } });
    expect((await ask(amersfoort, JEUGD)).data).toEqual({
      toewijzingen: { pageInfo: { totaal: inWorld } },
      inwoners: { pageInfo: { totaal: children } },
    });
    expect(onlyUnder('JEUGDWET')).toBeDefined();
    expect(onlyUnder('WMO')).toBeDefined();
  });

  // A resident is visible through a melding under a law the caller holds TOEGANG for there, or through
  // the gemeente's whole front door (TOEGANG for every law): docs/security.md, personal data "only for roles with a
  // purpose on that gemeente and wet".
  it("does not show HBEL's consulent an Eemnes child whose only hulpvraag is under the Jeugdwet", async () => {
    const { data } = await ask(hbel, `query ($id: String!) { inwoner(id: $id) { id bsn } }`, { id: onlyUnder('JEUGDWET')?.id });
    expect(data?.inwoner).toBeNull();
  });

  it("does not show Amersfoort's consulent an Eemnes resident whose only hulpvraag is under the Wmo", async () => {
    const { data } = await ask(amersfoort, `query ($id: String!) { inwoner(id: $id) { id bsn } }`, { id: onlyUnder('WMO')?.id });
    expect(data?.inwoner).toBeNull();
  });
});

// Issue 13: trusted documents. A token that names a client (`client_id`) gets its own manifest's
// operations and, in safelist mode (the default), nothing else: one operation of every client's
// manifest, sent by id with every client's token, is served to its own client and refused to the others.
describe('trusted documents: every client against every manifest', () => {
  const manifests = CLIENTS.map((client) => {
    const manifest = JSON.parse(readFileSync(new URL(`../clients/${client.id}/generated/persisted-documents.json`, import.meta.url), 'utf8')) as Record<string, string>;
    // An operation this test can fill in: every variable below, or one with a default.
    const [id] = Object.entries(manifest).filter(([, text]) => !text.includes('$invoeringen')).map(([key]) => key).sort();
    return { owner: client.id, id };
  });
  const VARIABLES = { gemeente: '0406', gemeenten: ['0406'], wet: 'WMO', jaar: JAAR, first: 3, offset: 0, aantal: 3, contractant: 'regio-gv', id: 'onbekend', bsn: '999990019', peildatum: `${JAAR}-06-30`, vanafJaar: JAAR - 2, totEnMetJaar: JAAR };

  it.each(CLIENTS.map((client) => [client.id, client] as const))('%s', async (_id, client) => {
    const token = await graph.token({ role: client.rol, org: client.organisatie || WMO_AANBIEDER, client: client.id });
    const outcome: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const { owner, id } of manifests) {
      const response = await fetch(graph.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ variables: VARIABLES, extensions: { persistedQuery: { version: 1, sha256Hash: id } } }),
      });
      const body = (await response.json()) as Response;
      const refused = body.errors?.find((error) => error.extensions?.code === 'PERSISTED_QUERY_NOT_IN_SAFELIST');
      outcome[owner] = refused ? `${response.status} ${refused.extensions?.code}` : `${response.status}`;
      expected[owner] = owner === client.id ? '200' : '403 PERSISTED_QUERY_NOT_IN_SAFELIST';
    }
    expect(outcome).toEqual(expected);
  });
});

// ---- Mutations (issue 15, item 3) ----------------------------------------------------------------
// Every mutation against every caller: allowed where the role may make the change (docs/mutaties.md,
// stated again here) and its organisation holds the arrangement for the gemeente and wet; refused
// otherwise, with nothing changed. Each change leaves its Logboek record; a retry under the same
// idempotency key changes nothing. These run last in this file, and only on rows the reads above and
// the other files do not count: a resident of Laren that is the last by id (no page's first item).

/** Which arrangement roles a caller role may write in, per kind of change (independent of the code). */
const SCHRIJVEN: Record<string, Record<string, readonly string[]>> = {
  // The front door takes in hulpvragen.
  melding: { consulent: ['TOEGANG'] },
  // The toegang makes the beschikkingen; the back office transfers them into the region's system.
  toewijzing: { consulent: ['UITVOERING'], backoffice: ['UITVOERING'] },
  // The back office checks and pays the declaraties.
  declaratie: { backoffice: ['UITVOERING'] },
};

function mayWrite(caller: Caller, soort: string, wet: string, gemeente: string): boolean {
  return (SCHRIJVEN[soort]?.[caller.rol ?? ''] ?? []).some((rol) => holds(caller.org ?? '', wet, rol, gemeente));
}

/** Sends a mutation under a trace of our own (POST, variables), as a front-end does. */
async function muteer(caller: Caller, query: string, variables: Record<string, unknown>) {
  const traceId = randomBytes(16).toString('hex');
  const token = tokens.get(caller.naam);
  const response = await fetch(graph.gateway.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { traceId, status: response.status, body: (await response.json()) as Response };
}

/** The Logboek records of one trace in one subgraph, as the fg of `org` reads them. */
async function logboekVan(deel: string, traceId: string, org = 'uo-hbel') {
  const fg = await graph.token({ role: 'fg', org });
  const { data, errors } = await graph.query(
    `query Log($traceId: String!) { logboek { ${deel}(traceId: $traceId, first: 50) { items { verwerkingsactiviteit betrokkene resultaat actor { organisatie rollen } } } } }`,
    { traceId },
    fg,
  );
  expect(errors).toBeUndefined();
  return (data?.logboek[deel].items ?? []) as { verwerkingsactiviteit: string; betrokkene: string | null; resultaat: string; actor: { organisatie: string; rollen: string[] } }[];
}

/** The code of the one error of a refused mutation, or 'TOEGESTAAN'. */
function uitkomst(body: Response, veld: string): string {
  if (!body.errors?.length) {
    expect(body.data?.[veld], veld).toBeTruthy();
    return 'TOEGESTAAN';
  }
  expect(body.errors, veld).toHaveLength(1);
  expect(body.data?.[veld] ?? null, veld).toBeNull();
  return String(body.errors[0].extensions?.code);
}

describe('mutations: every caller, its Logboek record, idempotency', () => {
  const LAREN = '0417';
  // A Laren resident with a Wmo melding, the last by id: not the first item of any page read above.
  const inwoner = [...(inwonersVanGemeente.get(LAREN) ?? [])]
    .filter((i) => (meldingenVan.get(i.id) ?? []).some((m) => m.wet === 'WMO'))
    .sort((a, b) => a.id.localeCompare(b.id))
    .at(-1)!;
  const REGISTREER = `mutation Registreer($sleutel: String!, $bsn: String!, $melding: MeldingInvoer!) {
    registreerMelding(idempotentieSleutel: $sleutel, bsn: $bsn, melding: $melding) { id wet soort datum status commentaar }
  }`;
  const MELDINGEN = `query Meldingen($id: String!) { inwoner(id: $id) { meldingen { id } } }`;
  const hbel = CALLERS[1];
  const meldingenNu = async () => ((await ask(hbel, MELDINGEN, { id: inwoner.id })).data?.inwoner.meldingen as { id: string }[]).map((m) => m.id).sort();

  it('registreerMelding (toegang): allowed to the consulent with TOEGANG for the gemeente and wet, refused to everyone else', async () => {
    expect(inwoner).toBeDefined();
    const voor = await meldingenNu();
    const actual: Record<string, string> = {};
    const expected: Record<string, string> = {};
    const nieuw: string[] = [];
    for (const caller of CALLERS) {
      const melding = { wet: 'WMO', soort: 'MELDING', commentaar: `test ${caller.naam}` };
      const { traceId, status, body } = await muteer(caller, REGISTREER, { sleutel: randomUUID(), bsn: inwoner.bsn, melding });
      expect(status, caller.naam).toBe(200);
      actual[caller.naam] = uitkomst(body, 'registreerMelding');
      // The gateway refuses a caller without a token or without the purpose; the subgraph one without the mandate.
      expected[caller.naam] = !caller.rol ? 'UNAUTHENTICATED' : caller.rol !== 'consulent' ? 'FORBIDDEN' : mayWrite(caller, 'melding', 'WMO', LAREN) ? 'TOEGESTAAN' : 'FORBIDDEN';
      if (actual[caller.naam] === 'TOEGESTAAN') {
        const gemaakt = body.data?.registreerMelding;
        expect(gemaakt).toEqual({ id: expect.any(String), wet: 'WMO', soort: 'MELDING', datum: today, status: 'OPEN', commentaar: melding.commentaar });
        nieuw.push(gemaakt.id);
        // Its record in the Logboek: the processing activity, the resident, who did it.
        expect(await logboekVan('toegang', traceId, caller.org)).toEqual([
          { verwerkingsactiviteit: 'toegang:melding:registreren', betrokkene: inwoner.id, resultaat: 'geslaagd', actor: { organisatie: caller.org, rollen: [caller.rol] } },
        ]);
      } else if (caller.rol === 'consulent') {
        // Refused for the mandate: nothing about the resident was processed, so no record names them.
        expect(body.errors?.[0].message).toMatch(/binnen uw mandaat/);
        expect((await logboekVan('toegang', traceId, caller.org)).filter((v) => v.betrokkene !== null)).toEqual([]);
      }
    }
    expect(actual).toEqual(expected);
    // Exactly the allowed callers' meldingen were added.
    expect(await meldingenNu()).toEqual([...voor, ...nieuw].sort());
  });

  it('registreerMelding: the same key and input once more changes nothing; the same key with other input is refused', async () => {
    const sleutel = randomUUID();
    const variables = { sleutel, bsn: inwoner.bsn, melding: { wet: 'WMO', soort: 'AANVRAAG', datum: '2026-11-02' } };
    const eerste = await muteer(hbel, REGISTREER, variables);
    expect(eerste.body.errors).toBeUndefined();
    const na = await meldingenNu();
    // The fields in another order: the same input.
    const tweede = await muteer(hbel, REGISTREER, { ...variables, melding: { datum: '2026-11-02', soort: 'AANVRAAG', wet: 'WMO' } });
    expect(tweede.body).toEqual(eerste.body);
    expect(await meldingenNu()).toEqual(na);
    // The retry is recorded as such, and is no second registration.
    expect((await logboekVan('toegang', tweede.traceId)).map((v) => [v.verwerkingsactiviteit, v.betrokkene])).toEqual([
      ['toegang:melding:registreren:herhaling', inwoner.id],
    ]);
    const anders = await muteer(hbel, REGISTREER, { ...variables, melding: { ...variables.melding, soort: 'ONDERZOEK' } });
    expect(uitkomst(anders.body, 'registreerMelding')).toBe('IDEMPOTENTIESLEUTEL_HERGEBRUIKT');
    expect(await meldingenNu()).toEqual(na);
  });

  it('registreerMelding: bad input is refused with a code, nothing written', async () => {
    const voor = await meldingenNu();
    const fout = async (variables: Record<string, unknown>) => {
      const { status, body } = await muteer(hbel, REGISTREER, { sleutel: randomUUID(), bsn: inwoner.bsn, melding: { wet: 'WMO' }, ...variables });
      expect(status).toBeLessThan(500);
      return body.errors?.map((e) => e.extensions?.code);
    };
    expect(await fout({ bsn: '123456789' })).toEqual(['BAD_USER_INPUT']);
    expect(await fout({ melding: { wet: 'WMO', datum: '2999-01-01' } })).toEqual(['BAD_USER_INPUT']);
    expect(await fout({ melding: { wet: 'WMO', datum: '2026-02-30' } })).toEqual(['BAD_USER_INPUT']);
    expect(await fout({ sleutel: 'kort' })).toEqual(['BAD_USER_INPUT']);
    expect(await fout({ melding: { wet: 'ZORGWET' } })).toEqual(['BAD_USER_INPUT']);
    expect(await meldingenNu()).toEqual(voor);
  });

  it('a mutation is refused over GET, before any subgraph is asked', async () => {
    const voor = await meldingenNu();
    const url = new URL(graph.gateway.url);
    url.searchParams.set('query', REGISTREER);
    url.searchParams.set('variables', JSON.stringify({ sleutel: randomUUID(), bsn: inwoner.bsn, melding: { wet: 'WMO' } }));
    const response = await fetch(url, { headers: { authorization: `Bearer ${tokens.get(hbel.naam)}`, 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(405);
    expect(await meldingenNu()).toEqual(voor);
  });
});

describe('mutations: toewijzingen (wmo, jeugd) granted, changed and ended by every caller', () => {
  const LAREN = '0417';
  // Granted from 2031 on: no year the steering answers or other files count holds them.
  const INGANG = '2031-01-01';
  const wetten = [
    { wet: 'WMO', deel: 'wmo', type: 'Wmo', voorbeeld: world.wmoToewijzingen.find((t) => t.gemeenteCode === LAREN)!, reden: '36' },
    { wet: 'JEUGDWET', deel: 'jeugd', type: 'Jeugd', voorbeeld: world.jeugdToewijzingen.find((t) => t.gemeenteCode === LAREN && t.productcode)!, reden: '36' },
  ] as const;

  /** The client part of a toewijzing's mutations, as the front-end knows it from toegang. */
  const clientVan = (inwonerId: string) => {
    const i = inwoners.get(inwonerId)!;
    return { bsn: i.bsn, geboortedatum: i.geboortedatum, geslacht: i.geslacht, achternaam: i.achternaam, voorletters: `${i.voornaam[0]}.` };
  };

  it.each(wetten)('$wet: allowed to the consulent and back office executing it for the gemeente, refused to everyone else; each change in the Logboek', async ({ wet, deel, type, voorbeeld, reden }) => {
    const v = voorbeeld;
    const invoer = {
      gemeenteCode: LAREN, client: clientVan(v.inwonerId), productcategorie: v.productcategorie, productcode: v.productcode, aanbiederAgb: v.aanbiederAgb,
      contractId: v.contractId, productId: v.productId, tariefId: v.tariefId, volume: 3, eenheid: v.eenheid ?? '04', frequentie: v.frequentie ?? '2',
      leveringsvorm: 'ZIN', ingangsdatum: INGANG, einddatum: null,
    };
    const TOEWIJZEN = `mutation Toewijzen($sleutel: String!, $toewijzing: ToewijzingInvoer!) {
      wijs${type}ToewijzingToe(idempotentieSleutel: $sleutel, toewijzing: $toewijzing) { toewijzingsnummer gemeenteCode ingangsdatum einddatum omvang { volume } }
    }`;
    const WIJZIGEN = `mutation Wijzigen($sleutel: String!, $nummer: String!, $wijziging: ToewijzingWijziging!, $client: ClientInvoer!) {
      wijzig${type}Toewijzing(idempotentieSleutel: $sleutel, gemeenteCode: "${LAREN}", toewijzingsnummer: $nummer, wijziging: $wijziging, client: $client) { toewijzingsnummer omvang { volume } }
    }`;
    const BEEINDIGEN = `mutation Beeindigen($sleutel: String!, $nummer: String!, $client: ClientInvoer!) {
      beeindig${type}Toewijzing(idempotentieSleutel: $sleutel, gemeenteCode: "${LAREN}", toewijzingsnummer: $nummer, einddatum: "2031-06-30", redenBeeindiging: "${reden}", redenWijziging: "05", client: $client) { toewijzingsnummer einddatum }
    }`;
    const client = clientVan(v.inwonerId);
    const veld = (naam: string) => `${naam.replace('$', type)}`;
    const actual: Record<string, string> = {};
    const expected: Record<string, string> = {};
    const toegewezen: string[] = [];
    for (const caller of CALLERS) {
      const verwacht = !caller.rol ? 'UNAUTHENTICATED' : !['consulent', 'backoffice'].includes(caller.rol) ? 'FORBIDDEN' : mayWrite(caller, 'toewijzing', wet, LAREN) ? 'TOEGESTAAN' : 'FORBIDDEN';
      const toewijzen = await muteer(caller, TOEWIJZEN, { sleutel: randomUUID(), toewijzing: invoer });
      actual[`${caller.naam} toewijzen`] = uitkomst(toewijzen.body, veld('wijs$ToewijzingToe'));
      expected[`${caller.naam} toewijzen`] = verwacht;
      if (verwacht !== 'TOEGESTAAN') continue;
      const nieuw = toewijzen.body.data?.[veld('wijs$ToewijzingToe')];
      // A new toewijzingsnummer of nine digits (iWmo/iJw LDT_Nummer).
      expect(nieuw).toEqual({ toewijzingsnummer: expect.stringMatching(/^\d{9}$/), gemeenteCode: LAREN, ingangsdatum: INGANG, einddatum: null, omvang: { volume: 3 } });
      toegewezen.push(nieuw.toewijzingsnummer);
      expect((await logboekVan(deel, toewijzen.traceId, caller.org)).filter((r) => !r.verwerkingsactiviteit.endsWith(':lezen'))).toEqual([
        { verwerkingsactiviteit: `${deel}:toewijzing:toewijzen`, betrokkene: v.inwonerId, resultaat: 'geslaagd', actor: { organisatie: caller.org, rollen: [caller.rol] } },
      ]);
    }
    // Every caller tries to change and to end the first one granted; the allowed ones end their own.
    const [eerste] = toegewezen;
    expect(eerste).toBeDefined();
    for (const caller of CALLERS) {
      const verwacht = expected[`${caller.naam} toewijzen`];
      const wijzigen = await muteer(caller, WIJZIGEN, { sleutel: randomUUID(), nummer: eerste, wijziging: { volume: 4, redenWijziging: '04' }, client });
      actual[`${caller.naam} wijzigen`] = uitkomst(wijzigen.body, veld('wijzig$Toewijzing'));
      expected[`${caller.naam} wijzigen`] = verwacht;
      if (verwacht === 'TOEGESTAAN') {
        expect(wijzigen.body.data?.[veld('wijzig$Toewijzing')]).toEqual({ toewijzingsnummer: eerste, omvang: { volume: 4 } });
        expect((await logboekVan(deel, wijzigen.traceId, caller.org)).map((r) => r.verwerkingsactiviteit)).toContain(`${deel}:toewijzing:wijzigen`);
      }
      const eigen = verwacht === 'TOEGESTAAN' ? toegewezen[CALLERS.filter((c) => expected[`${c.naam} toewijzen`] === 'TOEGESTAAN').indexOf(caller)] : eerste;
      const beeindigen = await muteer(caller, BEEINDIGEN, { sleutel: randomUUID(), nummer: eigen, client });
      actual[`${caller.naam} beeindigen`] = uitkomst(beeindigen.body, veld('beeindig$Toewijzing'));
      expected[`${caller.naam} beeindigen`] = verwacht;
      if (verwacht === 'TOEGESTAAN') {
        expect(beeindigen.body.data?.[veld('beeindig$Toewijzing')]).toEqual({ toewijzingsnummer: eigen, einddatum: '2031-06-30' });
        expect((await logboekVan(deel, beeindigen.traceId, caller.org)).map((r) => [r.verwerkingsactiviteit, r.betrokkene])).toContainEqual([`${deel}:toewijzing:beeindigen`, v.inwonerId]);
      }
    }
    expect(actual).toEqual(expected);
  });

  it('the same key and input once more grants nothing new; other input under it is refused; bad input gets a code', async () => {
    const hbel = CALLERS[1];
    const v = wetten[0].voorbeeld;
    const invoer = {
      gemeenteCode: LAREN, client: clientVan(v.inwonerId), productcategorie: v.productcategorie, productcode: v.productcode, aanbiederAgb: v.aanbiederAgb,
      contractId: v.contractId, productId: v.productId, tariefId: v.tariefId, volume: 2, eenheid: v.eenheid, frequentie: v.frequentie, leveringsvorm: 'ZIN', ingangsdatum: INGANG,
    };
    const TOEWIJZEN = `mutation Toewijzen($sleutel: String!, $toewijzing: ToewijzingInvoer!) { wijsWmoToewijzingToe(idempotentieSleutel: $sleutel, toewijzing: $toewijzing) { toewijzingsnummer } }`;
    const AANTAL = `query Aantal($actiefOp: String!) { wmoToewijzingen(gemeente: "${LAREN}", actiefOp: $actiefOp, first: 0) { pageInfo { totaal } } }`;
    const aantal = async () => (await ask(hbel, AANTAL, { actiefOp: INGANG })).data?.wmoToewijzingen.pageInfo.totaal as number;
    const sleutel = randomUUID();
    const eerste = await muteer(hbel, TOEWIJZEN, { sleutel, toewijzing: invoer });
    expect(eerste.body.errors).toBeUndefined();
    const na = await aantal();
    const tweede = await muteer(hbel, TOEWIJZEN, { sleutel, toewijzing: invoer });
    expect(tweede.body).toEqual(eerste.body);
    expect(await aantal()).toBe(na);
    const anders = await muteer(hbel, TOEWIJZEN, { sleutel, toewijzing: { ...invoer, volume: 5 } });
    expect(uitkomst(anders.body, 'wijsWmoToewijzingToe')).toBe('IDEMPOTENTIESLEUTEL_HERGEBRUIKT');
    const fout = async (toewijzing: Record<string, unknown>) =>
      (await muteer(hbel, TOEWIJZEN, { sleutel: randomUUID(), toewijzing: { ...invoer, ...toewijzing } })).body.errors?.map((e) => [e.extensions?.code, (e.extensions?.sociaalGraph as any)?.argument]);
    expect(await fout({ productcategorie: '40' })).toEqual([['BAD_USER_INPUT', 'toewijzing.productcategorie']]);
    expect(await fout({ productcode: '99A01' })).toEqual([['BAD_USER_INPUT', 'toewijzing.productcode']]);
    expect(await fout({ einddatum: '2030-12-31' })).toEqual([['BAD_USER_INPUT', 'toewijzing.einddatum']]);
    expect(await fout({ eenheid: '99' })).toEqual([['BAD_USER_INPUT', 'toewijzing.eenheid']]);
    expect(await fout({ volume: 0 })).toEqual([['BAD_USER_INPUT', 'toewijzing.volume']]);
    expect(await fout({ aanbiederAgb: '123' })).toEqual([['BAD_USER_INPUT', 'toewijzing.aanbiederAgb']]);
    expect(await fout({ client: { ...invoer.client, bsn: '123456789' } })).toEqual([['BAD_USER_INPUT', 'toewijzing.client.bsn']]);
    expect(await aantal()).toBe(na);
    // A toewijzing that does not exist, and one in a gemeente outside the mandate (Eemnes' Jeugdwet is Amersfoort's).
    const WIJZIGEN = `mutation W($sleutel: String!, $gemeente: String!, $nummer: String!, $client: ClientInvoer!) { wijzigJeugdToewijzing(idempotentieSleutel: $sleutel, gemeenteCode: $gemeente, toewijzingsnummer: $nummer, wijziging: { volume: 2, redenWijziging: "04" }, client: $client) { toewijzingsnummer } }`;
    const eemnes = world.jeugdToewijzingen.find((t) => t.gemeenteCode === '0317')!;
    const client = clientVan(v.inwonerId);
    expect(uitkomst((await muteer(hbel, WIJZIGEN, { sleutel: randomUUID(), gemeente: LAREN, nummer: '000000001', client })).body, 'wijzigJeugdToewijzing')).toBe('NOT_FOUND');
    expect(uitkomst((await muteer(hbel, WIJZIGEN, { sleutel: randomUUID(), gemeente: '0317', nummer: eemnes.toewijzingsnummer, client: clientVan(eemnes.inwonerId) })).body, 'wijzigJeugdToewijzing')).toBe('FORBIDDEN');
    // A change must name the toewijzing's own client: the 301 would otherwise go out about someone else.
    const WMO_WIJZIGEN = `mutation W($sleutel: String!, $nummer: String!, $client: ClientInvoer!) { wijzigWmoToewijzing(idempotentieSleutel: $sleutel, gemeenteCode: "${LAREN}", toewijzingsnummer: $nummer, wijziging: { volume: 3, redenWijziging: "04" }, client: $client) { toewijzingsnummer } }`;
    const ander = world.inwoners.find((i) => i.id !== v.inwonerId)!;
    const fouteClient = await muteer(hbel, WMO_WIJZIGEN, { sleutel: randomUUID(), nummer: eerste.body.data?.wijsWmoToewijzingToe.toewijzingsnummer, client: clientVan(ander.id) });
    expect(fouteClient.body.errors?.map((e) => [e.extensions?.code, (e.extensions?.sociaalGraph as any)?.argument])).toEqual([['BAD_USER_INPUT', 'client.bsn']]);
  });
});

describe('mutations: deciding a verzoek om toewijzing (wmo, jeugd) by every caller; the message taken in is in the Logboek', () => {
  const LAREN = '0417';
  const backoffice = CALLERS[3]!;
  // A Laren resident, the first by id; the 315 is the fixture of test/berichten/ sent about them to Laren.
  const inwoner = [...(inwonersVanGemeente.get(LAREN) ?? [])].sort((a, b) => a.id.localeCompare(b.id))[0]!;
  const verzoek315 = (bestand: string, identificatie: string, referentie: string) =>
    readFileSync(new URL(`berichten/${bestand}`, import.meta.url), 'utf8')
      .replace(/>999990019</, `>${inwoner.bsn}<`)
      .replace(/(Ontvanger>)0406</, `$1${LAREN}<`)
      .replace(/(Geboortedatum><\w+:Datum>)[0-9-]+</, `$1${inwoner.geboortedatum}<`)
      .replace(/>J?V-1</, `>${identificatie}<`)
      .replace(/>J?VOT-1</, `>${referentie}<`);

  it.each([
    { wet: 'WMO', deel: 'wmo', type: 'Wmo', bestand: 'wmo-315-geldig.xml' },
    { wet: 'JEUGDWET', deel: 'jeugd', type: 'Jeugd', bestand: 'jeugd-315-geldig.xml' },
  ] as const)('$wet: allowed to the consulent and back office executing it for the gemeente, refused to everyone else; each decision in the Logboek', async ({ wet, deel, type, bestand }) => {
    const ONTVANG = `mutation Ontvang($xml: String!) { ontvang${type}Bericht(xml: $xml) { geaccepteerd retourcodes { code } } }`;
    const BESLIS = `mutation Beslis($sleutel: String!, $beslissing: VerzoekBeslissing!) { beslis${type}Verzoek(idempotentieSleutel: $sleutel, beslissing: $beslissing) { status berichtnummer } }`;
    const actual: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const [n, caller] of CALLERS.entries()) {
      // Each caller decides a verzoek of its own, taken in by the back office that executes the law for Laren.
      const referentie = `AM-${deel}-${n}-${randomBytes(3).toString('hex')}`;
      const ontvangen = await muteer(backoffice, ONTVANG, { xml: verzoek315(bestand, referentie.slice(0, 20), referentie) });
      expect(ontvangen.body.data?.[`ontvang${type}Bericht`], caller.naam).toEqual({ geaccepteerd: true, retourcodes: [{ code: '0200' }] });
      if (n === 0) {
        // Taking in the message is a processing of the resident's data, recorded like a mutation.
        expect((await logboekVan(deel, ontvangen.traceId)).map((r) => [r.verwerkingsactiviteit, r.betrokkene, r.resultaat, r.actor.organisatie])).toContainEqual([
          `${deel}:bericht:315:ontvangen`, inwoner.id, 'geslaagd', 'uo-hbel',
        ]);
      }
      const besluit = await muteer(caller, BESLIS, { sleutel: randomUUID(), beslissing: { gemeenteCode: LAREN, aanbiederAgb: '12345678', referentieAanbieder: referentie, besluit: 'ONDERZOEK' } });
      actual[caller.naam] = uitkomst(besluit.body, `beslis${type}Verzoek`);
      expected[caller.naam] = !caller.rol ? 'UNAUTHENTICATED' : !['consulent', 'backoffice'].includes(caller.rol) ? 'FORBIDDEN' : mayWrite(caller, 'toewijzing', wet, LAREN) ? 'TOEGESTAAN' : 'FORBIDDEN';
      if (actual[caller.naam] === 'TOEGESTAAN') {
        expect(besluit.body.data?.[`beslis${type}Verzoek`]).toEqual({ status: 'IN_ONDERZOEK', berichtnummer: '319' });
        expect((await logboekVan(deel, besluit.traceId, caller.org)).filter((r) => !r.verwerkingsactiviteit.endsWith(':lezen'))).toEqual([
          { verwerkingsactiviteit: `${deel}:verzoek:beslissen`, betrokkene: inwoner.id, resultaat: 'geslaagd', actor: { organisatie: caller.org, rollen: [caller.rol] } },
        ]);
      }
    }
    expect(actual).toEqual(expected);
  });
});

describe('mutations: declaratie lines (inkoop) approved or rejected by every caller', () => {
  const LAREN = '0417';
  // The calendar month before today: delivered, and declared now.
  const [jaar, maand] = today.split('-').map(Number) as [number, number];
  const eerste = new Date(Date.UTC(jaar, maand - 2, 1)).toISOString().slice(0, 10);
  const laatste = new Date(Date.UTC(jaar, maand - 1, 0)).toISOString().slice(0, 10);
  // A Wmo toewijzing in natura in Laren that runs through that month (inkoop keeps it as its toewijzingsbericht).
  const t = world.wmoToewijzingen.find(
    (w) => w.gemeenteCode === LAREN && w.leveringsvorm === 'ZIN' && w.productcode && w.eenheid !== '83' && w.ingangsdatum <= eerste && (w.einddatum === null || w.einddatum >= laatste),
  )!;
  const product = world.tarieven.find((x) => x.id === t?.tariefId)?.productId;
  const tarief = world.tarieven
    .filter((x) => x.productId === product && x.geldigVan <= eerste && (x.geldigTot === null || x.geldigTot >= eerste))
    .sort((a, b) => b.geldigVan.localeCompare(a.geldigVan))[0]!;
  const backoffice = CALLERS[3];

  /** A 323 of one prestatie for the toewijzing, as its aanbieder sends it. */
  const declaratie = (n: number) => {
    const bedrag = 2 * tarief.bedrag;
    const b = (naam: string, waarde: string | number) => `<iwmo:${naam}>${waarde}</iwmo:${naam}>`;
    return `<?xml version="1.0" encoding="UTF-8"?>
<wmo323:Bericht xmlns:wmo323="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema" xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema">
  <wmo323:Header><wmo323:BerichtCode>484</wmo323:BerichtCode><wmo323:BerichtVersie>3</wmo323:BerichtVersie><wmo323:BerichtSubversie>2</wmo323:BerichtSubversie>
    <wmo323:Afzender>${t.aanbiederAgb}</wmo323:Afzender><wmo323:Ontvanger>${LAREN}</wmo323:Ontvanger>
    <wmo323:BerichtIdentificatie>${b('Identificatie', `AM-${n}`)}${b('Dagtekening', today)}</wmo323:BerichtIdentificatie>
    <wmo323:XsdVersie>${b('BasisschemaXsdVersie', '1.0.0')}${b('BerichtXsdVersie', '1.0.0')}</wmo323:XsdVersie></wmo323:Header>
  <wmo323:Declaratie><wmo323:DeclaratieNummer>AM-${n}</wmo323:DeclaratieNummer>
    <wmo323:DeclaratiePeriode>${b('Begindatum', eerste)}${b('Einddatum', laatste)}</wmo323:DeclaratiePeriode>
    <wmo323:DeclaratieDagtekening>${today}</wmo323:DeclaratieDagtekening>
    <wmo323:TotaalIngediendBedrag>${b('Bedrag', bedrag)}${b('DebetCredit', 'D')}</wmo323:TotaalIngediendBedrag>
    <wmo323:Clienten><wmo323:Client><wmo323:Bsn>${inwoners.get(t.inwonerId)!.bsn}</wmo323:Bsn><wmo323:Prestaties><wmo323:Prestatie>
      <wmo323:ProductReferentie>${b('ReferentieNummer', `AM-${n}-1`)}</wmo323:ProductReferentie>
      <wmo323:ToewijzingNummer>${t.toewijzingsnummer}</wmo323:ToewijzingNummer>
      <wmo323:ProductCategorie>${t.productcategorie}</wmo323:ProductCategorie><wmo323:ProductCode>${t.productcode}</wmo323:ProductCode>
      <wmo323:ProductPeriode>${b('Begindatum', eerste)}${b('Einddatum', laatste)}</wmo323:ProductPeriode>
      <wmo323:GeleverdVolume>2</wmo323:GeleverdVolume><wmo323:Eenheid>${t.eenheid}</wmo323:Eenheid><wmo323:ProductTarief>${tarief.bedrag}</wmo323:ProductTarief>
      <wmo323:IngediendBedrag>${b('Bedrag', bedrag)}${b('DebetCredit', 'D')}</wmo323:IngediendBedrag>
    </wmo323:Prestatie></wmo323:Prestaties></wmo323:Client></wmo323:Clienten></wmo323:Declaratie>
</wmo323:Bericht>`;
  };
  const ONTVANG = `mutation O($xml: String!) { ontvangDeclaratieBericht(xml: $xml) { geaccepteerd retourcodes { code } } }`;
  const BEOORDEEL = `mutation B($sleutel: String!, $aanbieder: String!, $nummer: String!, $oordelen: [DeclaratieregelOordeel!]!) {
    beoordeelDeclaratie(idempotentieSleutel: $sleutel, wet: WMO, gemeenteCode: "${LAREN}", aanbieder: $aanbieder, declaratienummer: $nummer, oordelen: $oordelen) {
      declaratienummer aantalGoedgekeurd aantalAfgewezen antwoord { berichtnummer ontvanger } } }`;

  it('beoordeelDeclaratie: allowed to the back office executing the Wmo for the gemeente, refused to everyone else; each decision in the Logboek', async () => {
    expect(t).toBeDefined();
    const actual: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const [n, caller] of CALLERS.entries()) {
      // The back office receives the aanbieder's 323 (one prestatie, waiting for assessment: 0233).
      const ontvangen = await muteer(backoffice, ONTVANG, { xml: declaratie(n) });
      expect(ontvangen.body.data?.ontvangDeclaratieBericht, caller.naam).toEqual({ geaccepteerd: true, retourcodes: [{ code: '0233' }] });
      const oordelen = [{ productReferentie: `AM-${n}-1`, goedkeuren: n % 2 === 0, ...(n % 2 === 0 ? {} : { retourcode: '0611' }) }];
      const { traceId, status, body } = await muteer(caller, BEOORDEEL, { sleutel: randomUUID(), aanbieder: t.aanbiederAgb, nummer: `AM-${n}`, oordelen });
      expect(status, caller.naam).toBe(200);
      actual[caller.naam] = uitkomst(body, 'beoordeelDeclaratie');
      expected[caller.naam] = !caller.rol ? 'UNAUTHENTICATED' : caller.rol !== 'backoffice' ? 'FORBIDDEN' : mayWrite(caller, 'declaratie', 'WMO', LAREN) ? 'TOEGESTAAN' : 'FORBIDDEN';
      if (actual[caller.naam] === 'TOEGESTAAN') {
        expect(body.data?.beoordeelDeclaratie).toEqual({
          declaratienummer: `AM-${n}`, aantalGoedgekeurd: n % 2 === 0 ? 1 : 0, aantalAfgewezen: n % 2 === 0 ? 0 : 1, antwoord: { berichtnummer: '325', ontvanger: t.aanbiederAgb },
        });
        expect((await logboekVan('inkoop', traceId, caller.org)).filter((r) => !r.verwerkingsactiviteit.endsWith(':lezen'))).toEqual([
          { verwerkingsactiviteit: 'inkoop:declaratie:beoordelen', betrokkene: t.inwonerId, resultaat: 'geslaagd', actor: { organisatie: caller.org, rollen: [caller.rol] } },
        ]);
      } else {
        // Refused: no decision, so no record names the resident.
        expect((await logboekVan('inkoop', traceId, caller.org)).filter((r) => r.betrokkene !== null)).toEqual([]);
      }
    }
    expect(actual).toEqual(expected);
    // The back office of uo-hbel executes Laren's Wmo: at least one caller was allowed, most were refused.
    expect(Object.values(actual).filter((u) => u === 'TOEGESTAAN').length).toBeGreaterThan(0);
  });

  it('beoordeelDeclaratie: the same key and input once more decides nothing new; other input under it is refused', async () => {
    const n = 100;
    expect((await muteer(backoffice, ONTVANG, { xml: declaratie(n) })).body.data?.ontvangDeclaratieBericht.geaccepteerd).toBe(true);
    const variables = { sleutel: randomUUID(), aanbieder: t.aanbiederAgb, nummer: `AM-${n}`, oordelen: [{ productReferentie: `AM-${n}-1`, goedkeuren: true }] };
    const eerste = await muteer(backoffice, BEOORDEEL, variables);
    expect(eerste.body.errors).toBeUndefined();
    const tweede = await muteer(backoffice, BEOORDEEL, variables);
    expect(tweede.body).toEqual(eerste.body);
    expect((await logboekVan('inkoop', tweede.traceId)).map((v) => [v.verwerkingsactiviteit, v.betrokkene])).toEqual([['inkoop:declaratie:beoordelen:herhaling', t.inwonerId]]);
    const anders = await muteer(backoffice, BEOORDEEL, { ...variables, oordelen: [{ productReferentie: `AM-${n}-1`, goedkeuren: false, retourcode: '0611' }] });
    expect(uitkomst(anders.body, 'beoordeelDeclaratie')).toBe('IDEMPOTENTIESLEUTEL_HERGEBRUIKT');
  });
});
