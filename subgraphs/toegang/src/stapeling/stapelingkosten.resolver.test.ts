import { type Principal, Rol, scopesForRoles, testPrincipal } from '@sociaal-graph/toolkit';
import {
  createSubgraphHarness, expectAmount, expectRelationProtected, loggedExecution, type PublishedValue, type SubgraphHarness,
} from '@sociaal-graph/toolkit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraph } from '../schema.js';
import { demoWorld } from '../world.test-utils.js';
import { VERWERKING } from '../loaders.js';

// toegang adds up the cost of stacking (issue 4 item 7) from the amounts per member the gateway brings from inkoop
// and participatie (@requires zorgkosten participatiekosten). Here the representations carry made-up amounts, so
// the sums per group, what is withheld and the order of the most expensive households are known exactly; the
// households with support and their members come from the demo world.
const JAAR = 2025;
const GEMEENTE = '0406';
const world = demoWorld();

type Wet = 'WMO' | 'JEUGDWET' | 'PARTICIPATIEWET';
const WETTEN: readonly Wet[] = ['WMO', 'JEUGDWET', 'PARTICIPATIEWET'];
type Post = { inwonerId: string; wet: Wet; bedrag: number };
type Cel = PublishedValue;
type Groep = { groep: string; aantalHuishoudens: Cel; totaal: Cel; wmo: Cel; jeugdwet: Cel; participatiewet: Cel };
type Duur = { rang: number; huishouden: { id: string }; wetten: Wet[]; totaal: number; wmo: number; jeugdwet: number; participatiewet: number };

const CEL = '{ waarde onderdrukt bewerking }';
const GROEPEN = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on StapelingKosten {
  groepen { groep aantalHuishoudens ${CEL} totaal ${CEL} wmo ${CEL} jeugdwet ${CEL} participatiewet ${CEL} } } } }`;
const DUURSTE = `query ($r: [_Any!]!, $n: Int) { _entities(representations: $r) { ... on StapelingKosten {
  duursteHuishoudens(aantal: $n) { rang huishouden { id } wetten totaal wmo jeugdwet participatiewet } } } }`;
const STAPELING = `query ($g: [String!]!, $j: Int!) { stapeling(gemeenten: $g, jaar: $j) { rijen {
  aantalHuishoudens ${CEL} eenWet ${CEL} tweeWetten ${CEL} drieWetten ${CEL} alleenWmo ${CEL} alleenJeugdwet ${CEL}
  alleenParticipatiewet ${CEL} wmoEnJeugdwet ${CEL} wmoEnParticipatiewet ${CEL} jeugdwetEnParticipatiewet ${CEL} } } }`;

/** Each group, the field of StapelingRij with its published count, and which sets of laws belong to it. */
const GROEPEN_NAAR_CEL: readonly [string, string, (w: ReadonlySet<Wet>) => boolean][] = [
  ['ALLE', 'aantalHuishoudens', () => true],
  ['EEN_WET', 'eenWet', (w) => w.size === 1],
  ['TWEE_WETTEN', 'tweeWetten', (w) => w.size === 2],
  ['DRIE_WETTEN', 'drieWetten', (w) => w.size === 3],
  ['ALLEEN_WMO', 'alleenWmo', (w) => w.size === 1 && w.has('WMO')],
  ['ALLEEN_JEUGDWET', 'alleenJeugdwet', (w) => w.size === 1 && w.has('JEUGDWET')],
  ['ALLEEN_PARTICIPATIEWET', 'alleenParticipatiewet', (w) => w.size === 1 && w.has('PARTICIPATIEWET')],
  ['WMO_EN_JEUGDWET', 'wmoEnJeugdwet', (w) => w.size === 2 && w.has('WMO') && w.has('JEUGDWET')],
  ['WMO_EN_PARTICIPATIEWET', 'wmoEnParticipatiewet', (w) => w.size === 2 && w.has('WMO') && w.has('PARTICIPATIEWET')],
  ['JEUGDWET_EN_PARTICIPATIEWET', 'jeugdwetEnParticipatiewet', (w) => w.size === 2 && w.has('JEUGDWET') && w.has('PARTICIPATIEWET')],
];

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The households with a granted melding of a member in the gemeente in the year, their laws and all their members (by id). */
function huishoudensMetSteun(gemeente: string, jaar: number): { id: string; wetten: Set<Wet>; leden: string[] }[] {
  const huishoudenVan = new Map(world.inwoners.map((i) => [i.id, i.huishoudenId]));
  const wetten = new Map<string, Set<Wet>>();
  for (const m of world.meldingen) {
    if (m.status !== 'TOEGEKEND' || m.gemeenteCode !== gemeente || !m.datum.startsWith(`${jaar}-`)) continue;
    const hh = huishoudenVan.get(m.inwonerId) ?? '';
    wetten.set(hh, (wetten.get(hh) ?? new Set()).add(m.wet));
  }
  return [...wetten]
    .map(([id, set]) => ({ id, wetten: set, leden: world.inwoners.filter((i) => i.huishoudenId === id).map((i) => i.id).sort(byteOrder) }))
    .sort((a, b) => byteOrder(a.id, b.id));
}

const huishoudens = huishoudensMetSteun(GEMEENTE, JAAR);

// Made-up amounts: small ones per member (some members without any, some with two posts under one law), then
// one household far on top and three that tie exactly below it, so order and ties are known. Noise that must not
// count: a resident of the gemeente outside every household with support, and an unknown pseudonym.
const zorgkosten: Post[] = [];
const participatiekosten: Post[] = [];
huishoudens.forEach((h, k) => {
  h.leden.forEach((lid, j) => {
    if ((k + j) % 2 === 0) zorgkosten.push({ inwonerId: lid, wet: 'WMO', bedrag: 100 * (k + 1) + j });
    if ((k + j) % 3 === 0) zorgkosten.push({ inwonerId: lid, wet: 'JEUGDWET', bedrag: 70 * (k + 1) });
    if (j === 0) participatiekosten.push({ inwonerId: lid, wet: 'PARTICIPATIEWET', bedrag: 1000 + 13 * k }, { inwonerId: lid, wet: 'PARTICIPATIEWET', bedrag: 5 });
  });
});
const basis = (leden: readonly string[]) => [...zorgkosten, ...participatiekosten].filter((p) => leden.includes(p.inwonerId)).reduce((a, p) => a + p.bedrag, 0);
const duurste = huishoudens[Math.floor(huishoudens.length / 2)];
const gelijk = [huishoudens.at(-1), huishoudens[3], huishoudens[1]].filter((h) => h !== undefined);
for (const h of gelijk) zorgkosten.push({ inwonerId: h.leden[0] ?? '', wet: 'JEUGDWET', bedrag: 4_000_000 - basis(h.leden) });
if (duurste) participatiekosten.push({ inwonerId: duurste.leden.at(-1) ?? '', wet: 'PARTICIPATIEWET', bedrag: 9_000_000 });
const metSteun = new Set(huishoudens.flatMap((h) => h.leden));
const buitenstaander = world.inwoners.find((i) => i.gemeenteCode === GEMEENTE && !metSteun.has(i.id))?.id ?? '';
zorgkosten.push({ inwonerId: buitenstaander, wet: 'WMO', bedrag: 50_000_000 }, { inwonerId: 'onbekend', wet: 'JEUGDWET', bedrag: 70_000_000 });

const representatie = (gemeenteCode = GEMEENTE) => ({ __typename: 'StapelingKosten', gemeenteCode, jaar: JAAR, zorgkosten, participatiekosten });

/** What each household with support cost, per law and in total, summed from the posts of its members. */
const kosten = huishoudens.map((h) => {
  const perWet = Object.fromEntries(
    WETTEN.map((wet) => [wet, [...zorgkosten, ...participatiekosten].filter((p) => p.wet === wet && h.leden.includes(p.inwonerId)).reduce((a, p) => a + p.bedrag, 0)]),
  ) as Record<Wet, number>;
  return { ...h, perWet, totaal: perWet.WMO + perWet.JEUGDWET + perWet.PARTICIPATIEWET };
});

const geen = { alle: false, gemeenten: [] } as const;
const huizen = { alle: false, gemeenten: [GEMEENTE] } as const;
/** An analist of Huizen: aggregates of every law there, no rows. */
const analist = testPrincipal({ organisatie: GEMEENTE, rollen: ['analist'], scopes: scopesForRoles(['analist']), scope: () => geen, statistiek: () => huizen });
/** A consulent of the whole front door of Huizen (toegang of every law), with its aggregates. */
const voordeur = testPrincipal({ organisatie: 'uo-hbel', rollen: ['consulent'], scopes: scopesForRoles(['consulent']), scope: () => huizen, statistiek: () => huizen });

let harness: SubgraphHarness;
beforeAll(async () => {
  harness = await createSubgraphHarness(subgraph);
});
afterAll(async () => {
  await harness?.close();
});

async function groepen(principal: Principal) {
  return harness.execute<{ _entities: ({ groepen: Groep[] } | null)[] }>(GROEPEN, { r: [representatie()] }, principal);
}
async function duursteHuishoudens(principal: Principal, n?: number) {
  // Without `n` the variable is left out, as JSON leaves out an undefined value, so the argument's default applies.
  const variables = n === undefined ? { r: [representatie()] } : { r: [representatie()], n };
  return harness.execute<{ _entities: ({ duursteHuishoudens: Duur[] | null } | null)[] }>(DUURSTE, variables, principal);
}

describe('StapelingKosten.groepen', () => {
  it('sums the members\' amounts per group and law by the policy: each amount over the households contributing to it, every relation protected', async () => {
    expect(huishoudens.length).toBeGreaterThan(10);
    const telling = await harness.execute<{ stapeling: { rijen: Record<string, Cel>[] } }>(STAPELING, { g: [GEMEENTE], j: JAAR }, analist);
    const rij = telling.data?.stapeling.rijen[0];
    if (!rij) throw new Error(`no stapeling row for ${GEMEENTE}: ${JSON.stringify(telling.errors)}`);

    const result = await groepen(analist);
    expect(result.errors).toBeUndefined();
    const antwoord = result.data?._entities[0]?.groepen ?? [];
    expect(antwoord.map((g) => g.groep)).toEqual(GROEPEN_NAAR_CEL.map(([groep]) => groep));
    let onderdrukt = 0;
    let zichtbaar = 0;
    const KOLOMMEN = [
      ['totaal', (h: (typeof kosten)[number]) => h.totaal],
      ['wmo', (h: (typeof kosten)[number]) => h.perWet.WMO],
      ['jeugdwet', (h: (typeof kosten)[number]) => h.perWet.JEUGDWET],
      ['participatiewet', (h: (typeof kosten)[number]) => h.perWet.PARTICIPATIEWET],
    ] as const;
    /** Contributing households per group and column: those with an amount under it. */
    const bijdragers = (hoort: (w: ReadonlySet<Wet>) => boolean, f: (h: (typeof kosten)[number]) => number) =>
      kosten.filter((h) => hoort(h.wetten) && f(h) !== 0);
    for (const [[groep, cel, hoort], g] of GROEPEN_NAAR_CEL.map((entry, i) => [entry, antwoord[i]] as const)) {
      // The same cells, keys and relations as StapelingRij: the same published count (keys from code equal those from SQL).
      expect(g?.aantalHuishoudens, groep).toEqual(rij[cel]);
      for (const [kolom, f] of KOLOMMEN) {
        const leden = bijdragers(hoort, f);
        const truth = { value: leden.reduce((a, h) => a + f(h), 0), contributors: leden.length, largest: Math.max(0, ...leden.map((h) => Math.abs(f(h)))) };
        expectAmount(g?.[kolom], truth, 10_000, `${groep} ${kolom}`);
        if (g?.[kolom].waarde === null) onderdrukt += 1;
        else zichtbaar += 1;
      }
      // Per group: the total over the laws.
      expectRelationProtected(
        g!.totaal,
        KOLOMMEN.slice(1).map(([kolom, f]) => ({ published: g![kolom], contributors: bijdragers(hoort, f).length })),
        `${groep} laws`,
      );
    }
    // Per column: all = one + two + three laws, one law = the singles, two laws = the pairs.
    for (const [kolom, f] of KOLOMMEN) {
      for (const [total, parts] of [[0, [1, 2, 3]], [1, [4, 5, 6]], [2, [7, 8, 9]]] as const) {
        expectRelationProtected(
          antwoord[total]![kolom],
          parts.map((p) => ({ published: antwoord[p]![kolom], contributors: bijdragers(GROEPEN_NAAR_CEL[p]![2], f).length })),
          `${kolom} ${GROEPEN_NAAR_CEL[total]![0]}`,
        );
      }
    }
    // Both sides of the rule are exercised, and the whole carries money of every law but none of the noise.
    expect(onderdrukt).toBeGreaterThan(0);
    expect(zichtbaar).toBeGreaterThan(1);
    expect(antwoord[0]?.totaal.waarde).toBeLessThan(50_000_000);
  });

  it('refuses (FORBIDDEN) a gemeente outside the caller\'s statistiek mandate', async () => {
    const result = await harness.execute(GROEPEN, { r: [representatie('0317')] }, analist);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('StapelingKosten in batches', () => {
  it('answers a representation per gemeente in the same number of statements for 1 gemeente as for 3', async () => {
    // As the harness's own caller, who may see every gemeente.
    const beide = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on StapelingKosten {
      groepen { groep totaal ${CEL} } duursteHuishoudens(aantal: 3) { rang totaal } } } }`;
    const een = await harness.countStatements<{ _entities: unknown[] }>(beide, { r: [representatie()] });
    const drie = await harness.countStatements<{ _entities: unknown[] }>(beide, { r: [representatie(), representatie('0376'), representatie('0417')] });
    expect(een.result.errors).toBeUndefined();
    expect(drie.result.errors).toBeUndefined();
    expect(drie.result.data?._entities).toHaveLength(3);
    expect(drie.statements).toBe(een.statements);
  });
});

describe('StapelingKosten.duursteHuishoudens', () => {
  const verwacht = [...kosten].sort((a, b) => b.totaal - a.totaal || byteOrder(a.id, b.id));
  const rij = (h: (typeof kosten)[number], i: number): Duur => ({
    rang: i + 1,
    huishouden: { id: h.id },
    wetten: WETTEN.filter((wet) => h.wetten.has(wet)),
    totaal: h.totaal,
    wmo: h.perWet.WMO,
    jeugdwet: h.perWet.JEUGDWET,
    participatiewet: h.perWet.PARTICIPATIEWET,
  });

  it('lists the most expensive households first, ties by id, for the whole front door', async () => {
    const result = await duursteHuishoudens(voordeur, 5);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0]?.duursteHuishoudens).toEqual(verwacht.slice(0, 5).map(rij));
    // The made-up amounts put one household on top and three tied below it, whose ids are not in list order.
    expect(verwacht[0]?.id).toBe(duurste?.id);
    expect(verwacht.slice(1, 4).map((h) => h.totaal)).toEqual([4_000_000, 4_000_000, 4_000_000]);
    expect(verwacht.slice(1, 4).map((h) => h.id)).toEqual(gelijk.map((h) => h.id).sort(byteOrder));
    expect(verwacht[4]?.totaal).toBeLessThan(4_000_000);
  });

  it('gives 10 households by default and at most 100, every one of them logged', async () => {
    const standaard = await duursteHuishoudens(voordeur);
    expect(standaard.data?._entities[0]?.duursteHuishoudens).toEqual(verwacht.slice(0, 10).map(rij));
    const { result, verwerkingen } = await loggedExecution<{ _entities: { duursteHuishoudens: Duur[] }[] }>(
      harness, DUURSTE, { r: [representatie()], n: 100 }, voordeur,
    );
    expect(result.data?._entities[0]?.duursteHuishoudens).toEqual(verwacht.slice(0, 100).map(rij));
    const gelogd = verwerkingen.filter((v) => v.verwerkingsactiviteit === VERWERKING.STAPELING_KOSTEN_LEZEN);
    expect(gelogd.map((v) => v.betrokkene ?? '').sort(byteOrder)).toEqual(verwacht.slice(0, 100).map((h) => h.id).sort(byteOrder));
    expect(gelogd.every((v) => v.betrokkeneSoort === 'huishouden')).toBe(true);
  });

  it('refuses (FORBIDDEN) a caller without the whole front door of the gemeente, and one without the purpose persoonsgegevens', async () => {
    // Toegang of the Wmo and the Participatiewet of Huizen, not of its Jeugdwet; aggregates of every law there.
    const zonderJeugd = testPrincipal({
      organisatie: 'uo-hbel', rollen: ['consulent'], scopes: scopesForRoles(['consulent']), statistiek: () => huizen,
      scope: (wet, rol) => (rol === Rol.TOEGANG && wet === 'JEUGDWET' ? geen : huizen),
    });
    const zonderPersoonsgegevens = testPrincipal({ organisatie: 'uo-hbel', rollen: ['analist'], scopes: scopesForRoles(['analist']), scope: () => huizen, statistiek: () => huizen });
    for (const caller of [zonderJeugd, zonderPersoonsgegevens, analist]) {
      const result = await duursteHuishoudens(caller, 5);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data ?? null)).not.toContain('hh-');
    }
    // The same caller without Huizen's Jeugdwet toegang may still have the groups.
    expect((await groepen(zonderJeugd)).errors).toBeUndefined();
  });

  it.each([0, 101])('refuses aantal %i as BAD_USER_INPUT', async (n) => {
    const result = await duursteHuishoudens(voordeur, n);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
