import type { Queryable } from '../database.js';
import { vandaagInNederland } from '../vandaag.js';
import { Wet } from '../domain.js';
import { JW_REDEN_BEEINDIGING, WMO_REDEN_BEEINDIGING } from '../codelists.js';
import { Random } from '../demo-world/random.js';
import type { DemoWorld, WorldInwoner, WorldTarief, WorldToewijzing } from '../demo-world/world.js';
import { BERICHTCODE, BASISSCHEMA_XSD_VERSIE, BERICHT_SUBVERSIE, BERICHT_VERSIE, BERICHT_XSD_VERSIE, RETOUR_OP, type BerichtWet, type Berichtnummer } from './standaard.js';
import { schrijfBericht, type Element } from './xml.js';

/**
 * Generated message traffic of the HBEL gemeenten (Huizen, Blaricum, Eemnes, Laren) over a period, about
 * the toewijzingen of the demo world: what their aanbieders would have sent (315 before a toewijzing, 305
 * when delivery starts, 307 when it stops, 317 to change a running one), plus a share of faulty messages
 * (a BSN that fails the elfproef, an unknown toewijzingsnummer, a stop without its start, a reused
 * ReferentieAanbieder, a message sent twice, another message under a used BerichtIdentificatie). Every
 * message carries the answer the generator expects, worked out here from what it sent, not by the code
 * that receives it, so that an ingest can be reconciled against it (scripts/berichten-jaar.ts).
 * Seeded: the same world, seed and period give the same files.
 */

export const HBEL_GEMEENTEN = ['0406', '0376', '0317', '0417'] as const;

/** What kind of message the generator made, for the counts of a reconciliation. */
export type Verkeerssoort =
  | 'geldig'
  | 'bsn-elfproef'
  | 'onbekende-toewijzing'
  | 'stop-zonder-start'
  | 'dubbele-referentie'
  | 'nogmaals-verzonden'
  | 'identificatie-hergebruikt'
  | 'bedrag-onjuist'
  | 'dubbele-productreferentie'
  | 'dubbel-declaratienummer';

export interface GegenereerdBericht {
  /** File name; name order is the order of sending (by Dagtekening). */
  readonly bestand: string;
  readonly wet: BerichtWet;
  readonly nummer: Berichtnummer;
  readonly gemeente: string;
  readonly xml: string;
  readonly soort: Verkeerssoort;
  /** The retour the receiver should answer with (306, 308, 316, 318; 325 to a 323). */
  readonly retour: Berichtnummer;
  /** The distinct retourcodes expected in that retour, sorted. */
  readonly retourcodes: readonly string[];
  readonly geaccepteerd: boolean;
  /** The exact same message was sent before: the first answer comes back and nothing changes. */
  readonly herhaald: boolean;
}

/** The rows an ingest of the traffic should leave behind, per law. */
export interface VerwachteRijen {
  /** Started deliveries (levering rows). */
  readonly levering: number;
  /** Of those, stopped (einddatum set). */
  readonly leveringGestopt: number;
  /** Requests (315, 317) taken in (verzoek rows). */
  readonly verzoek: number;
  /** Messages recorded as received (every message once, except a repeat and one under a used identificatie). */
  readonly ontvangen: number;
  /** Retours stored for collection (one per message answered for the first time). */
  readonly retours: number;
  /** In inkoop: declaratie lines of the 323s waiting for the back office (status INGEDIEND). */
  readonly declaratieregels: number;
  /** In inkoop: 323s with at least one line stored (declaratiebericht rows). */
  readonly declaraties: number;
  /** In inkoop: 323s recorded as received. */
  readonly declaratiesOntvangen: number;
  /** In inkoop: 325s stored for collection. */
  readonly declaratieretours: number;
}

export interface Verkeer {
  readonly van: string;
  readonly tot: string;
  readonly berichten: readonly GegenereerdBericht[];
  readonly rijen: Readonly<Record<BerichtWet, VerwachteRijen>>;
}

export interface VerkeerOpties {
  readonly seed?: number;
  /** First day of the period (default: a year before the world's peildatum). */
  readonly van?: string;
  /** Length of the period in days (default 365). */
  readonly dagen?: number;
  /** Share of the toewijzingen that get messages (default 1): a smaller share makes a lighter year. */
  readonly aandeel?: number;
  /** Share of faulty messages among the valid ones (default 0.06). */
  readonly foutaandeel?: number;
  /** The day the traffic is read in (default today): a 317 is only made about a toewijzing current then. */
  readonly vandaag?: string;
  /** Monthly 323 declaraties to inkoop about the same toewijzingen (default true). */
  readonly declaraties?: boolean;
}

const DAG = 86_400_000;
const plusDagen = (datum: string, dagen: number) => new Date(Date.parse(`${datum}T00:00:00Z`) + dagen * DAG).toISOString().slice(0, 10);
const max = (a: string, b: string) => (a > b ? a : b);

export function genereerVerkeer(world: DemoWorld, opties: VerkeerOpties = {}): Verkeer {
  const random = new Random(opties.seed ?? 2026).fork('berichtenverkeer');
  const van = opties.van ?? plusDagen(world.peildatum, -365);
  const tot = plusDagen(van, opties.dagen ?? 365);
  const aandeel = opties.aandeel ?? 1;
  const foutaandeel = opties.foutaandeel ?? 0.06;
  const vandaag = opties.vandaag ?? vandaagInNederland();
  const hbel = new Set<string>(HBEL_GEMEENTEN);
  const inwoners = new Map(world.inwoners.map((i) => [i.id, i]));
  const nummers = new Set([...world.wmoToewijzingen, ...world.jeugdToewijzingen].map((t) => `${t.wet}|${t.gemeenteCode}|${t.toewijzingsnummer}`));

  interface Concept {
    dagtekening: string;
    wet: BerichtWet;
    nummer: '305' | '307' | '315' | '317' | '323';
    aanbieder: string;
    gemeente: string;
    soort: Verkeerssoort;
    retourcodes: string[];
    inhoud: (identificatie: string) => Element;
    /** Reuses the identificatie of an earlier concept (9056) or its whole text (a repeat). */
    zelfdeAls?: Concept;
    zelfdeTekst?: boolean;
    /** Set for a 323: at least one line stored (the others are accepted when every code is 0200). */
    geaccepteerd?: boolean;
  }
  const concepten: Concept[] = [];
  const rijen = { [Wet.WMO]: leeg(), [Wet.JEUGDWET]: leeg() } as Record<BerichtWet, { -readonly [K in keyof VerwachteRijen]: number }>;
  let referentie = 0;
  /** Toewijzingen whose delivery started (a valid 305 was sent): declared month by month in 323s. */
  const geleverd: { t: WorldToewijzing; inwoner: WorldInwoner; wet: BerichtWet; begindatum: string }[] = [];

  const toewijzingen = [...world.wmoToewijzingen, ...world.jeugdToewijzingen].filter(
    (t) => hbel.has(t.gemeenteCode) && t.leveringsvorm === 'ZIN' && t.ingangsdatum >= van && t.ingangsdatum < tot,
  );
  for (const t of toewijzingen) {
    if (!random.chance(aandeel)) continue;
    const inwoner = inwoners.get(t.inwonerId);
    if (!inwoner) continue;
    const wet = t.wet === 'WMO' ? Wet.WMO : Wet.JEUGDWET;
    const client = clientVan(inwoner);
    const basis = { wet, aanbieder: t.aanbiederAgb, gemeente: t.gemeenteCode } as const;
    const product = { 'basis:Categorie': t.productcategorie, 'basis:Code': t.productcode };
    const omvang = { 'basis:Volume': String(t.volume), 'basis:Eenheid': t.eenheid, 'basis:Frequentie': t.frequentie };

    // 315: the aanbieder asked for this toewijzing some weeks before it began (not every toewijzing starts with one).
    if (random.chance(0.5)) {
      const dagtekening = plusDagen(t.ingangsdatum, -random.int(7, 35));
      if (dagtekening >= van) {
        const ref = `REF${(referentie += 1)}`;
        const verzoek = (codes: string[], soort: Verkeerssoort, r: string): Concept => ({
          ...basis,
          dagtekening,
          nummer: '315',
          soort,
          retourcodes: codes,
          inhoud: () => ({
            ...client.volledig,
            AangevraagdeProducten: {
              AangevraagdProduct: {
                ReferentieAanbieder: r,
                Product: product,
                ToewijzingIngangsdatum: t.ingangsdatum,
                Omvang: omvang,
                Verwijzer: { 'basis:Type': '01' },
              },
            },
          }),
        });
        concepten.push(verzoek([], 'geldig', ref));
        rijen[wet].verzoek += 1;
        // A second request under the same ReferentieAanbieder (9347), a few days later.
        if (random.chance(foutaandeel / 3)) {
          const dubbel = verzoek(['9347'], 'dubbele-referentie', ref);
          concepten.push({ ...dubbel, dagtekening: plusDagen(dagtekening, random.int(1, 5)) });
        }
      }
    }

    // 305: delivery starts on (or a little after) the ingangsdatum; announced within a fortnight.
    const begindatum = plusDagen(t.ingangsdatum, random.int(0, 10));
    if (t.einddatum !== null && begindatum > t.einddatum) continue;
    const startDag = plusDagen(begindatum, random.int(1, 14));
    if (startDag >= tot) continue;
    const start = (bsn: string, toewijzingsnummer: string, codes: string[], soort: Verkeerssoort): Concept => ({
      ...basis,
      dagtekening: startDag,
      nummer: '305',
      soort,
      retourcodes: codes,
      inhoud: () => ({
        ...client.volledig,
        Bsn: bsn,
        StartProducten: { StartProduct: { ToewijzingNummer: toewijzingsnummer, Product: product, Begindatum: begindatum, StatusAanlevering: '1' } },
      }),
    });
    const geldigeStart = start(inwoner.bsn, t.toewijzingsnummer, [], 'geldig');
    concepten.push(geldigeStart);
    rijen[wet].levering += 1;
    geleverd.push({ t, inwoner, wet, begindatum });
    if (random.chance(foutaandeel / 3)) {
      // The provider's system sent the same file again: same text, same answer, nothing changes.
      concepten.push({ ...geldigeStart, dagtekening: startDag, soort: 'nogmaals-verzonden', zelfdeAls: geldigeStart, zelfdeTekst: true });
    }
    if (random.chance(foutaandeel / 3)) {
      // A typing error in the BSN: it fails the elfproef (0001 on the client), and so links to no toewijzing of this client (9019).
      const fout = inwoner.bsn.slice(0, 8) + String((Number(inwoner.bsn[8]) + 1) % 10);
      concepten.push(start(fout, t.toewijzingsnummer, ['0001', '9019'], 'bsn-elfproef'));
    }
    if (random.chance(foutaandeel / 3)) {
      // A toewijzingsnummer the gemeente never gave (9019).
      let onbekend = 900_000_000 + random.int(0, 99_999_999);
      while (nummers.has(`${t.wet}|${t.gemeenteCode}|${onbekend}`)) onbekend += 1;
      concepten.push(start(inwoner.bsn, String(onbekend), ['9019'], 'onbekende-toewijzing'));
    }
    if (random.chance(foutaandeel / 4)) {
      // Another message under the identificatie of the start (9056): answered, nothing applied.
      const ander = start(inwoner.bsn, t.toewijzingsnummer, ['9056'], 'identificatie-hergebruikt');
      const anderInhoud = ander.inhoud;
      concepten.push({ ...ander, dagtekening: plusDagen(startDag, 1), zelfdeAls: geldigeStart, inhoud: (id) => ({ ...anderInhoud(id), Geslacht: '0' }) });
    }

    // 307: delivery stops on the toewijzing's einddatum, when that falls in the period.
    const redenen = wet === Wet.WMO ? WMO_REDEN_BEEINDIGING : JW_REDEN_BEEINDIGING;
    const reden = t.redenBeeindiging && redenen.has(t.redenBeeindiging) ? t.redenBeeindiging : wet === Wet.WMO ? '19' : '31';
    const stop = (beginVan: string, einddatum: string, codes: string[], soort: Verkeerssoort, dagtekening: string): Concept => ({
      ...basis,
      dagtekening,
      nummer: '307',
      soort,
      retourcodes: codes,
      inhoud: () => ({
        ...client.volledig,
        StopProducten: {
          StopProduct: { ToewijzingNummer: t.toewijzingsnummer, Begindatum: beginVan, RedenBeeindiging: reden, Einddatum: einddatum, StatusAanlevering: '1' },
        },
      }),
    });
    if (t.einddatum !== null && t.einddatum < tot) {
      const stopDag = max(plusDagen(t.einddatum, random.int(1, 14)), plusDagen(startDag, 1));
      if (stopDag < tot) {
        concepten.push(stop(begindatum, t.einddatum, [], 'geldig', stopDag));
        rijen[wet].leveringGestopt += 1;
      }
    }
    // A stop for a start that was never sent (another Begindatum within the toewijzing): 9069.
    const andereBegin = plusDagen(begindatum, 1);
    if ((t.einddatum === null || andereBegin <= t.einddatum) && random.chance(foutaandeel / 3)) {
      const dag = plusDagen(startDag, random.int(1, 10));
      if (dag < tot) concepten.push(stop(andereBegin, t.einddatum ?? plusDagen(andereBegin, 30), ['9069'], 'stop-zonder-start', dag));
    }
    if ((t.einddatum === null || t.einddatum >= vandaag) && random.chance(0.3)) {
      // 317: a toewijzing still current on the day of ingest (the receiver checks that) asked to change.
      const dag = plusDagen(startDag, random.int(30, 120));
      if (dag < tot) {
        const ref = `REF${(referentie += 1)}`;
        concepten.push({
          ...basis,
          dagtekening: dag,
          nummer: '317',
          soort: 'geldig',
          retourcodes: [],
          inhoud: () => ({
            Bsn: inwoner.bsn,
            Verzoek: {
              ReferentieAanbieder: ref,
              RedenVerzoek: '1',
              TeWijzigenProducten: {
                TeWijzigenProduct: {
                  ToewijzingNummer: t.toewijzingsnummer,
                  GewensteIngangsdatum: plusDagen(dag, 14),
                  Omvang: { ...omvang, 'basis:Volume': String(t.volume + 1) },
                },
              },
            },
          }),
        });
        rijen[wet].verzoek += 1;
      }
    }
  }

  if (opties.declaraties ?? true) {
    for (const d of declaratieconcepten(world, geleverd, { seed: opties.seed ?? 2026, tot, foutaandeel })) {
      concepten.push(d);
      if (d.soort === 'nogmaals-verzonden') continue;
      if (d.geaccepteerd) rijen[d.wet].declaraties += 1;
      rijen[d.wet].declaratieregels += d.regels;
    }
  }

  // Sending order: by Dagtekening, then as made (a repeat or a reuse always after its original).
  const volgorde = concepten.map((c, i) => ({ c, i })).sort((a, b) => (a.c.dagtekening < b.c.dagtekening ? -1 : a.c.dagtekening > b.c.dagtekening ? 1 : a.i - b.i));
  const identificaties = new Map<Concept, string>();
  const teksten = new Map<Concept, string>();
  const codesVan = new Map<Concept, string[]>();
  const berichten: GegenereerdBericht[] = [];
  let volgnummer = 0;
  for (const { c } of volgorde) {
    volgnummer += 1;
    const identificatie = c.zelfdeAls ? identificaties.get(c.zelfdeAls)! : `G${String(volgnummer).padStart(7, '0')}`;
    identificaties.set(c, identificatie);
    const inhoud = c.nummer === '323' ? c.inhoud(identificatie) : { Client: c.inhoud(identificatie) };
    const xml = c.zelfdeTekst ? teksten.get(c.zelfdeAls!)! : bericht(c.wet, c.nummer, c.aanbieder, c.gemeente, identificatie, c.dagtekening, inhoud);
    teksten.set(c, xml);
    const herhaald = c.zelfdeTekst === true;
    const retourcodes = herhaald ? codesVan.get(c.zelfdeAls!)! : c.retourcodes.length > 0 ? [...new Set(c.retourcodes)].sort() : ['0200'];
    codesVan.set(c, retourcodes);
    const geaccepteerd = c.geaccepteerd ?? retourcodes.every((code) => code === '0200');
    if (herhaald) {
      // nothing new stored
    } else if (c.nummer === '323') {
      rijen[c.wet].declaratieretours += 1;
      rijen[c.wet].declaratiesOntvangen += 1;
    } else {
      rijen[c.wet].retours += 1;
      if (c.soort !== 'identificatie-hergebruikt') rijen[c.wet].ontvangen += 1;
    }
    berichten.push({
      bestand: `${c.dagtekening}-${String(volgnummer).padStart(6, '0')}-${c.wet === Wet.WMO ? 'wmo' : 'jw'}${c.nummer}-${c.soort}.xml`,
      wet: c.wet,
      nummer: c.nummer,
      gemeente: c.gemeente,
      xml,
      soort: c.soort,
      retour: RETOUR_OP[c.nummer]!,
      retourcodes,
      geaccepteerd,
      herhaald,
    });
  }
  return { van, tot, berichten, rijen };
}

function leeg(): VerwachteRijen {
  return { levering: 0, leveringGestopt: 0, verzoek: 0, ontvangen: 0, retours: 0, declaratieregels: 0, declaraties: 0, declaratiesOntvangen: 0, declaratieretours: 0 };
}

function clientVan(inwoner: WorldInwoner): { volledig: Element } {
  return {
    volledig: {
      Bsn: inwoner.bsn,
      Geboortedatum: { 'basis:Datum': inwoner.geboortedatum },
      // COD046 (1 man, 2 vrouw, 0 onbekend), as the demo world keeps it.
      Geslacht: inwoner.geslacht,
      Naam: { 'basis:Geslachtsnaam': { 'basis:Achternaam': inwoner.achternaam }, 'basis:Voorletters': inwoner.voornaam.slice(0, 1) },
    },
  };
}

function bericht(wet: BerichtWet, nummer: Berichtnummer, aanbieder: string, gemeente: string, identificatie: string, dagtekening: string, inhoud: Element): string {
  return schrijfBericht(wet, nummer, {
    Header: {
      BerichtCode: BERICHTCODE[wet][nummer],
      BerichtVersie: BERICHT_VERSIE,
      BerichtSubversie: BERICHT_SUBVERSIE,
      Afzender: aanbieder,
      Ontvanger: gemeente,
      BerichtIdentificatie: { 'basis:Identificatie': identificatie, 'basis:Dagtekening': dagtekening },
      XsdVersie: { 'basis:BasisschemaXsdVersie': BASISSCHEMA_XSD_VERSIE, 'basis:BerichtXsdVersie': BERICHT_XSD_VERSIE },
    },
    ...inhoud,
  });
}

const volgendeMaand = (maand: string) => {
  const [jaar, m] = maand.split('-').map(Number) as [number, number];
  return m === 12 ? `${jaar + 1}-01-01` : `${jaar}-${String(m + 1).padStart(2, '0')}-01`;
};

interface Declaratieconcept {
  dagtekening: string;
  wet: BerichtWet;
  nummer: '323';
  aanbieder: string;
  gemeente: string;
  soort: Verkeerssoort;
  retourcodes: string[];
  inhoud: (identificatie: string) => Element;
  zelfdeAls?: Declaratieconcept;
  zelfdeTekst?: boolean;
  geaccepteerd: boolean;
  /** Lines the receiver should store (status INGEDIEND). */
  regels: number;
}

/**
 * 323: every aanbieder declares a month's delivery per gemeente and law early in the next month, one line per
 * toewijzing delivered that month, at the tarief of the toewijzing's product valid on the line's first day
 * (what inkoop loaded from the same world: toewijzingsbericht and tarief). Faults among them: an amount that
 * is not volume x tarief (9346), a line about a toewijzingsnummer never given (9338), a line sent twice under
 * one ProductReferentie (8021), a new message under a DeclaratieNummer already accepted (9333), and the
 * same file sent twice. Lines that pass wait for the back office: 0233.
 */
function declaratieconcepten(
  world: DemoWorld,
  geleverd: readonly { t: WorldToewijzing; inwoner: WorldInwoner; wet: BerichtWet; begindatum: string }[],
  opties: { seed: number; tot: string; foutaandeel: number },
): Declaratieconcept[] {
  const random = new Random(opties.seed).fork('declaraties');
  const tarieven = new Map<string, WorldTarief[]>();
  for (const g of world.tarieven) tarieven.set(g.productId, [...(tarieven.get(g.productId) ?? []), g]);
  const productVan = new Map(world.tarieven.map((g) => [g.id, g.productId]));
  const tariefOp = (productId: string, dag: string) =>
    (tarieven.get(productId) ?? []).filter((g) => g.geldigVan <= dag && (g.geldigTot === null || g.geldigTot >= dag)).sort((a, b) => (a.geldigVan < b.geldigVan ? 1 : -1))[0];
  const nummers = new Set([...world.wmoToewijzingen, ...world.jeugdToewijzingen].map((t) => `${t.wet}|${t.gemeenteCode}|${t.toewijzingsnummer}`));

  interface Regel {
    bsn: string;
    toewijzingsnummer: string;
    t: WorldToewijzing;
    referentie: string;
    van: string;
    tot: string;
    volume: number;
    tarief: number;
    bedrag: number;
    codes: string[];
  }
  const perDeclaratie = new Map<string, { wet: BerichtWet; aanbieder: string; gemeente: string; maand: string; regels: Regel[] }>();
  let referentie = 0;
  for (const { t, inwoner, wet, begindatum } of geleverd) {
    const productId = productVan.get(t.tariefId);
    if (!productId) continue;
    for (let maand = `${begindatum.slice(0, 7)}-01`; ; maand = volgendeMaand(maand)) {
      const maandEinde = plusDagen(volgendeMaand(maand), -1);
      const van = max(maand, begindatum);
      if (t.einddatum !== null && van > t.einddatum) break;
      // Declared within ten days after the month: only months whose declaration falls in the period.
      if (plusDagen(maandEinde, 10) >= opties.tot) break;
      const tarief = tariefOp(productId, van);
      if (!tarief) continue;
      const tot = t.einddatum !== null && t.einddatum < maandEinde ? t.einddatum : maandEinde;
      const volume = random.int(1, Math.max(1, Math.min(t.volume, 40)));
      const sleutel = `${wet}|${t.aanbiederAgb}|${t.gemeenteCode}|${maand}`;
      const declaratie = perDeclaratie.get(sleutel) ?? { wet, aanbieder: t.aanbiederAgb, gemeente: t.gemeenteCode, maand, regels: [] };
      perDeclaratie.set(sleutel, declaratie);
      declaratie.regels.push({
        bsn: inwoner.bsn, toewijzingsnummer: t.toewijzingsnummer, t, referentie: `P${(referentie += 1)}`, van, tot, volume, tarief: tarief.bedrag, bedrag: volume * tarief.bedrag, codes: [],
      });
    }
  }

  const concepten: Declaratieconcept[] = [];
  let declaratienummer = 0;
  for (const { wet, aanbieder, gemeente, maand, regels } of [...perDeclaratie.values()].sort((a, b) => (a.maand < b.maand ? -1 : a.maand > b.maand ? 1 : 0))) {
    const dagtekening = plusDagen(volgendeMaand(maand), random.int(0, 9));
    const maandEinde = plusDagen(volgendeMaand(maand), -1);
    let soort: Verkeerssoort = 'geldig';
    if (random.chance(opties.foutaandeel / 3)) {
      // The same line twice (8021 on the second).
      const bron = random.pick(regels);
      regels.splice(regels.indexOf(bron) + 1, 0, { ...bron, codes: ['8021'] });
      soort = 'dubbele-productreferentie';
    }
    if (random.chance(opties.foutaandeel / 3)) {
      // A miscalculated amount (9346) on a line nothing else is wrong with, not one sent twice.
      const kandidaten = regels.filter((r) => r.codes.length === 0 && regels.filter((ander) => ander.referentie === r.referentie).length === 1);
      if (kandidaten.length > 0) {
        const fout = random.pick(kandidaten);
        fout.bedrag += 100;
        fout.codes = ['9346'];
        soort = 'bedrag-onjuist';
      }
    }
    if (random.chance(opties.foutaandeel / 3)) {
      // A line about a toewijzingsnummer the gemeente never gave (9338).
      const bron = random.pick(regels);
      let onbekend = 900_000_000 + random.int(0, 99_999_999);
      while (nummers.has(`${bron.t.wet}|${gemeente}|${onbekend}`)) onbekend += 1;
      regels.push({ ...bron, toewijzingsnummer: String(onbekend), referentie: `P${(referentie += 1)}`, bedrag: bron.volume * bron.tarief, codes: ['9338'] });
      soort = 'onbekende-toewijzing';
    }
    const nummer = `D${(declaratienummer += 1)}`;
    const clienten = new Map<string, Regel[]>();
    for (const r of regels) clienten.set(r.bsn, [...(clienten.get(r.bsn) ?? []), r]);
    const totaal = regels.reduce((som, r) => som + r.bedrag, 0);
    const inhoud = (): Element => ({
      Declaratie: {
        DeclaratieNummer: nummer,
        DeclaratiePeriode: { 'basis:Begindatum': maand, 'basis:Einddatum': maandEinde },
        DeclaratieDagtekening: dagtekening,
        TotaalIngediendBedrag: { 'basis:Bedrag': String(totaal), 'basis:DebetCredit': 'D' },
        Clienten: {
          Client: [...clienten].map(([bsn, prestaties]) => ({
            Bsn: bsn,
            Prestaties: {
              Prestatie: prestaties.map((r) => ({
                ProductReferentie: { 'basis:ReferentieNummer': r.referentie },
                ToewijzingNummer: r.toewijzingsnummer,
                ProductCategorie: r.t.productcategorie,
                ProductCode: r.t.productcode,
                ProductPeriode: { 'basis:Begindatum': r.van, 'basis:Einddatum': r.tot },
                GeleverdVolume: String(r.volume),
                Eenheid: r.t.eenheid,
                ProductTarief: String(r.tarief),
                IngediendBedrag: { 'basis:Bedrag': String(r.bedrag), 'basis:DebetCredit': 'D' },
              })),
            },
          })),
        },
      },
    });
    const opgeslagen = regels.filter((r) => r.codes.length === 0).length;
    const concept: Declaratieconcept = {
      dagtekening, wet, nummer: '323', aanbieder, gemeente, soort, inhoud, geaccepteerd: opgeslagen > 0, regels: opgeslagen,
      retourcodes: [...new Set(regels.flatMap((r) => (r.codes.length > 0 ? r.codes : ['0233'])))].sort(),
    };
    concepten.push(concept);
    if (random.chance(opties.foutaandeel / 4)) concepten.push({ ...concept, soort: 'nogmaals-verzonden', zelfdeAls: concept, zelfdeTekst: true, regels: 0 });
    if (concept.geaccepteerd && random.chance(opties.foutaandeel / 4)) {
      // A later message under the DeclaratieNummer just accepted (9333): nothing of it is stored.
      concepten.push({ ...concept, dagtekening: plusDagen(dagtekening, random.int(1, 5)), soort: 'dubbel-declaratienummer', retourcodes: ['9333'], geaccepteerd: false, regels: 0 });
    }
  }
  return concepten;
}

/** The answers expected for a folder (verwacht.json beside the messages). */
export function verwachting(verkeer: Verkeer) {
  return {
    van: verkeer.van,
    tot: verkeer.tot,
    rijen: verkeer.rijen,
    berichten: verkeer.berichten.map(({ bestand, retour, retourcodes, geaccepteerd, herhaald, soort }) => ({ bestand, soort, retour, retourcodes, geaccepteerd, herhaald })),
  };
}

/** What an ingest answered one message: the retour's number and its distinct retourcodes; accepted and repeat when the path says. */
export interface Beantwoord {
  readonly bestand: string;
  readonly retour: string;
  readonly retourcodes: readonly string[];
  readonly geaccepteerd?: boolean;
  readonly herhaald?: boolean;
}

type Zorgrijen = Pick<VerwachteRijen, 'levering' | 'leveringGestopt' | 'verzoek' | 'ontvangen' | 'retours'>;
type Declaratierijen = Omit<VerwachteRijen, keyof Zorgrijen>;

/** The rows an ingest left in one law's subgraph (its database), to hold against `Verkeer.rijen` with inkoop's (`opgeslagenDeclaratierijen`). */
export async function opgeslagenRijen(q: Queryable, wet: BerichtWet): Promise<Zorgrijen> {
  const [rij] = await q.query<Zorgrijen>(
    `SELECT (SELECT count(*)::int FROM levering WHERE wet = $1) AS levering,
            (SELECT count(*)::int FROM levering WHERE wet = $1 AND einddatum IS NOT NULL) AS "leveringGestopt",
            (SELECT count(*)::int FROM verzoek WHERE wet = $1) AS verzoek,
            (SELECT count(*)::int FROM ontvangen_bericht WHERE wet = $1 AND berichtnummer IN ('305', '307', '315', '317')) AS ontvangen,
            (SELECT count(*)::int FROM uitgaand_bericht WHERE wet = $1 AND berichtnummer IN ('306', '308', '316', '318')) AS retours`,
    [wet],
  );
  return rij!;
}

/** The rows the 323s left in inkoop's database for one law (the demo world's own declaraties carry no DeclaratieNummer). */
export async function opgeslagenDeclaratierijen(q: Queryable, wet: BerichtWet): Promise<Declaratierijen> {
  const [rij] = await q.query<Declaratierijen>(
    `SELECT (SELECT count(*)::int FROM declaratie WHERE wet = $1 AND declaratienummer IS NOT NULL AND status = 'INGEDIEND') AS declaratieregels,
            (SELECT count(*)::int FROM declaratiebericht WHERE wet = $1) AS declaraties,
            (SELECT count(*)::int FROM ontvangen_bericht WHERE wet = $1 AND berichtnummer = '323') AS "declaratiesOntvangen",
            (SELECT count(*)::int FROM uitgaand_bericht WHERE wet = $1 AND berichtnummer = '325') AS declaratieretours`,
    [wet],
  );
  return rij!;
}

/** The reconciliation of one ingest: counts in, rows stored, retours per retourcode, each expected against found. */
export interface Verzoening {
  readonly berichten: { readonly verwacht: number; readonly beantwoord: number };
  readonly perSoort: Readonly<Record<string, number>>;
  /** Per retourcode: in how many answers the generator expects it, and in how many the ingest gave it. */
  readonly retourcodes: Readonly<Record<string, { readonly verwacht: number; readonly gezien: number }>>;
  readonly geaccepteerd: { readonly verwacht: number; readonly gezien: number };
  readonly herhaald: { readonly verwacht: number; readonly gezien: number };
  readonly rijen: Readonly<Record<string, { readonly verwacht: VerwachteRijen; readonly opgeslagen: VerwachteRijen }>>;
  /** Every difference, message by message and count by count; empty when the ingest reconciles. */
  readonly verschillen: readonly string[];
}

export function verzoen(verkeer: Verkeer, beantwoord: readonly Beantwoord[], opgeslagen: Readonly<Record<BerichtWet, VerwachteRijen>>): Verzoening {
  const verschillen: string[] = [];
  const per = new Map(beantwoord.map((b) => [b.bestand, b]));
  const retourcodes: Record<string, { verwacht: number; gezien: number }> = {};
  const perSoort: Record<string, number> = {};
  const telling = { geaccepteerd: { verwacht: 0, gezien: 0 }, herhaald: { verwacht: 0, gezien: 0 } };
  for (const b of verkeer.berichten) {
    perSoort[b.soort] = (perSoort[b.soort] ?? 0) + 1;
    for (const code of b.retourcodes) (retourcodes[code] ??= { verwacht: 0, gezien: 0 }).verwacht += 1;
    if (b.geaccepteerd && !b.herhaald) telling.geaccepteerd.verwacht += 1;
    if (b.herhaald) telling.herhaald.verwacht += 1;
    const a = per.get(b.bestand);
    if (!a) {
      verschillen.push(`${b.bestand}: geen antwoord`);
      continue;
    }
    // A retour that rejects a class carries 0200 on the header beside the class's codes: only those codes count then.
    const alle = [...new Set(a.retourcodes)];
    const codes = (alle.some((code) => code !== '0200') ? alle.filter((code) => code !== '0200') : alle).sort();
    for (const code of codes) (retourcodes[code] ??= { verwacht: 0, gezien: 0 }).gezien += 1;
    if (a.retour !== b.retour || codes.join(',') !== b.retourcodes.join(',')) {
      verschillen.push(`${b.bestand}: verwacht ${b.retour} [${b.retourcodes.join(',')}], kreeg ${a.retour} [${codes.join(',')}]`);
    }
    if (a.geaccepteerd !== undefined && a.geaccepteerd && !a.herhaald) telling.geaccepteerd.gezien += 1;
    if (a.herhaald) telling.herhaald.gezien += 1;
  }
  const zonderVraag = beantwoord.filter((a) => !verkeer.berichten.some((b) => b.bestand === a.bestand));
  for (const a of zonderVraag) verschillen.push(`${a.bestand}: antwoord op een bericht dat niet verstuurd is`);
  // Accepted and repeated are known per message on the mutation path; the command gives them as totals (checked by its caller).
  if (beantwoord.some((a) => a.geaccepteerd !== undefined)) {
    for (const [naam, t] of Object.entries(telling)) if (t.verwacht !== t.gezien) verschillen.push(`${naam}: verwacht ${t.verwacht}, gezien ${t.gezien}`);
  }
  const rijen: Record<string, { verwacht: VerwachteRijen; opgeslagen: VerwachteRijen }> = {};
  for (const wet of [Wet.WMO, Wet.JEUGDWET] as BerichtWet[]) {
    rijen[wet] = { verwacht: verkeer.rijen[wet], opgeslagen: opgeslagen[wet] };
    for (const key of Object.keys(verkeer.rijen[wet]) as (keyof VerwachteRijen)[]) {
      if (verkeer.rijen[wet][key] !== opgeslagen[wet][key]) verschillen.push(`${wet} ${key}: verwacht ${verkeer.rijen[wet][key]}, opgeslagen ${opgeslagen[wet][key]}`);
    }
  }
  return {
    berichten: { verwacht: verkeer.berichten.length, beantwoord: beantwoord.length - zonderVraag.length },
    perSoort,
    retourcodes: Object.fromEntries(Object.entries(retourcodes).sort()),
    ...telling,
    rijen,
    verschillen,
  };
}
