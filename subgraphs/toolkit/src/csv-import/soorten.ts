import { createHmac } from 'node:crypto';
import { vandaagInNederland } from '../vandaag.js';
import { EENHEID, FREQUENTIE, JW_PRODUCTCATEGORIE, JW_REDEN_BEEINDIGING, WMO_PRODUCTCATEGORIE, WMO_REDEN_BEEINDIGING } from '../codelists.js';
import type { Queryable } from '../database.js';
import { pseudonymOf } from '../demo-world/random.js';
import type { CsvRegel } from './csv.js';
import type { Doel } from './samenvoegen.js';
import { Velden } from './velden.js';

/** The subgraphs whose databases an import writes or reads. */
export type ImportSubgraph = 'toegang' | 'wmo' | 'jeugd' | 'inkoop';

/** What a kind of file needs to be checked against what is stored. */
export interface SoortContext {
  readonly gemeente: string;
  readonly pseudonymSecret: string;
  database(subgraph: ImportSubgraph): Queryable;
}

/** A file read and checked: the tables to merge per subgraph (in this order), and the refused lines with their reasons. */
export interface Voorbereid {
  readonly doelen: readonly { readonly subgraph: ImportSubgraph; readonly doel: Doel }[];
  readonly geweigerd: ReadonlyMap<number, readonly string[]>;
  /** Per wet, the sources (`bron` of the aanlevering) this file brings up to date; empty when it feeds no steering answer. */
  readonly bronnen: readonly { readonly bron: 'TOEWIJZINGEN' | 'DECLARATIES'; readonly wet: 'WMO' | 'JEUGDWET'; readonly aantal: number }[];
}

/** One kind of CSV file: its documented columns and how its lines become rows. */
export interface Soort {
  readonly verplicht: readonly string[];
  readonly optioneel: readonly string[];
  /** The subgraphs whose databases it needs open. */
  readonly subgraphs: readonly ImportSubgraph[];
  voorbereiden(regels: readonly CsvRegel[], context: SoortContext): Promise<Voorbereid>;
}

/** Collects refusals per line. */
class Weigeringen {
  readonly perRegel = new Map<number, string[]>();
  weiger(regel: number, ...redenen: string[]): void {
    this.perRegel.set(regel, [...(this.perRegel.get(regel) ?? []), ...redenen]);
  }
  has(regel: number): boolean {
    return this.perRegel.has(regel);
  }
}

const WETTEN: Record<string, 'WMO' | 'JEUGDWET'> = { WMO: 'WMO', JEUGDWET: 'JEUGDWET', JW: 'JEUGDWET', JEUGD: 'JEUGDWET', IJW: 'JEUGDWET', IWMO: 'WMO' };
const LEVERINGSVORMEN: Record<string, 'ZIN' | 'PGB'> = { ZIN: 'ZIN', PGB: 'PGB', 'ZORG IN NATURA': 'ZIN', NATURA: 'ZIN' };
const GESLACHTEN: Record<string, string> = { '0': '0', '1': '1', '2': '2', M: '1', MAN: '1', V: '2', VROUW: '2', O: '0', ONBEKEND: '0', X: '0' };
const SAMENSTELLINGEN: Record<string, string> = {
  ALLEENSTAAND: 'ALLEENSTAAND', PAAR: 'PAAR', GEZIN_MET_KINDEREN: 'GEZIN_MET_KINDEREN', EENOUDERGEZIN: 'EENOUDERGEZIN',
};
const DECLARATIESTATUS: Record<string, string> = {
  INGEDIEND: 'INGEDIEND', GOEDGEKEURD: 'GOEDGEKEURD', AFGEWEZEN: 'AFGEWEZEN', GECREDITEERD: 'GECREDITEERD',
};
/** iWmo/iJw LDT_Nummer: a toewijzingsnummer is a whole number of at most nine digits. */
const TOEWIJZINGSNUMMER = { patroon: /^\d{1,9}$/, uitleg: 'geen toewijzingsnummer (een geheel getal van hoogstens negen cijfers)' };
const AGB = { patroon: /^\d{8}$/, uitleg: 'geen AGB-code (acht cijfers)' };
const PRODUCTCODE = { patroon: /^[0-9A-Z]{5}$/, uitleg: 'geen productcode (vijf tekens, bijvoorbeeld 02A01)' };
const REFERENTIENUMMER = { patroon: /^[0-9A-Za-z-]{1,20}$/, uitleg: 'geen referentienummer (hoogstens twintig letters, cijfers of -)' };

/** A toewijzingsnummer as stored: its digits without leading zeros (LDT_Nummer is an integer). */
const nummer = (waarde: string) => String(Number(waarde));

/**
 * `clienten` (toegang): the municipality's clients with their address. The BSN becomes the resident's
 * pseudonym here, at the edge, with the installation's PSEUDONYM_SECRET; the BSN itself is stored in
 * toegang only, as the design keeps it (docs/security.md "Identity"). The household is the address:
 * clients at the same postcode and house number are one household.
 */
export const CLIENTEN: Soort = {
  verplicht: ['bsn', 'voornaam', 'achternaam', 'geboortedatum', 'geslacht', 'postcode', 'huisnummer', 'samenstelling'],
  optioneel: [],
  subgraphs: ['toegang'],
  async voorbereiden(regels, { gemeente, pseudonymSecret }) {
    const weigeringen = new Weigeringen();
    const vandaag = vandaagInNederland();
    const bsnRegel = new Map<string, number>();
    const huishoudens = new Map<string, { regel: number; waarden: unknown[] }>();
    const inwoners: { regel: number; waarden: unknown[] }[] = [];
    for (const regel of regels) {
      const v = new Velden(regel);
      const bsn = v.bsn();
      const voornaam = v.tekst('voornaam');
      const achternaam = v.tekst('achternaam');
      const geboortedatum = v.datum('geboortedatum');
      if (geboortedatum && geboortedatum > vandaag) v.redenen.push('geboortedatum: ligt in de toekomst');
      const geslacht = v.keuze('geslacht', GESLACHTEN);
      const postcode = v.tekst('postcode', { patroon: /^[1-9]\d{3} ?[A-Za-z]{2}$/, uitleg: 'geen postcode (1234 AB)' })?.replace(' ', '').toUpperCase();
      const huisnummer = v.geheelGetal('huisnummer', 1, 99_999);
      const samenstelling = v.keuze('samenstelling', SAMENSTELLINGEN);
      if (bsn && bsnRegel.has(bsn)) v.redenen.push(`bsn: staat al op regel ${bsnRegel.get(bsn)}`);
      if (v.redenen.length > 0) {
        weigeringen.weiger(regel.regel, ...v.redenen);
        continue;
      }
      bsnRegel.set(bsn!, regel.regel);
      // The household's id is keyed like the pseudonym, so the address cannot be read back from it.
      const huishoudenId = `hh-${gemeente}-${createHmac('sha256', pseudonymSecret).update(`${gemeente}|${postcode}|${huisnummer}`).digest('hex').slice(0, 16)}`;
      const bestaand = huishoudens.get(huishoudenId);
      if (bestaand && bestaand.waarden[2] !== samenstelling) {
        weigeringen.weiger(regel.regel, `samenstelling: ${samenstelling} wijkt af van regel ${bestaand.regel} op hetzelfde adres (${bestaand.waarden[2]})`);
        continue;
      }
      if (!bestaand) huishoudens.set(huishoudenId, { regel: regel.regel, waarden: [huishoudenId, gemeente, samenstelling, postcode, huisnummer] });
      inwoners.push({
        regel: regel.regel,
        waarden: [pseudonymOf(bsn!, pseudonymSecret), bsn, gemeente, huishoudenId, voornaam, achternaam, geboortedatum, geslacht],
      });
    }
    return {
      doelen: [
        { subgraph: 'toegang', doel: { tabel: 'huishouden', sleutel: ['id'], kolommen: ['id', 'gemeente_code', 'samenstelling', 'postcode', 'huisnummer'], rijen: [...huishoudens.values()] } },
        {
          subgraph: 'toegang',
          doel: {
            tabel: 'inwoner', sleutel: ['id'],
            kolommen: ['id', 'bsn', 'gemeente_code', 'huishouden_id', 'voornaam', 'achternaam', 'geboortedatum', 'geslacht'], rijen: inwoners,
          },
        },
      ],
      geweigerd: weigeringen.perRegel,
      bronnen: [],
    };
  },
};

interface CatalogusRij {
  contract_id: string;
  aanbieder_agb: string;
  wet: string;
  looptijd_van: string;
  looptijd_tot: string | null;
  product_id: string;
  productcode: string;
  tarief_id: string;
  geldig_van: string;
  geldig_tot: string | null;
}

/**
 * `toewijzingen` (wmo and jeugd; the 301s in natura also to inkoop, which follows its commitments
 * with them): the municipality's current toewijzingen. The export knows the aanbieder and the product
 * code, not the graph's contract ids: the contract, product and tarief are found in the region's
 * catalogue (inkoop) as of the ingangsdatum. The client must be known in toegang (import `clienten` first).
 */
export const TOEWIJZINGEN: Soort = {
  verplicht: ['wet', 'toewijzingsnummer', 'bsn', 'productcategorie', 'productcode', 'agb_code', 'volume', 'eenheid', 'frequentie', 'leveringsvorm', 'ingangsdatum'],
  optioneel: ['einddatum', 'reden_beeindiging'],
  subgraphs: ['toegang', 'wmo', 'jeugd', 'inkoop'],
  async voorbereiden(regels, { gemeente, pseudonymSecret, database }) {
    const weigeringen = new Weigeringen();
    const gelezen: { regel: number; wet: 'WMO' | 'JEUGDWET'; nummer: string; inwonerId: string; categorie: string; productcode: string; agb: string; volume: number;
      eenheid: string; frequentie: string; leveringsvorm: 'ZIN' | 'PGB'; ingangsdatum: string; einddatum: string | null; reden: string | null }[] = [];
    const nummerRegel = new Map<string, number>();
    for (const regel of regels) {
      const v = new Velden(regel);
      const wet = v.keuze('wet', WETTEN);
      const toewijzingsnummer = v.tekst('toewijzingsnummer', TOEWIJZINGSNUMMER);
      const bsn = v.bsn();
      const categorie = wet ? v.code('productcategorie', wet === 'WMO' ? WMO_PRODUCTCATEGORIE : JW_PRODUCTCATEGORIE, `de productcategorieen van de ${wet === 'WMO' ? 'Wmo (WMO020)' : 'Jeugdwet (JZ020)'}`) : null;
      const productcode = v.tekst('productcode', PRODUCTCODE)?.toUpperCase() ?? null;
      if (categorie && productcode && productcode.slice(0, 2) !== categorie) v.redenen.push(`productcode: ${productcode} hoort niet bij productcategorie ${categorie} (de eerste twee tekens zijn de categorie)`);
      const agb = v.tekst('agb_code', AGB);
      const volume = v.geheelGetal('volume', 0, 99_999_999);
      const eenheid = v.code('eenheid', EENHEID, 'de eenheden (WJ756)');
      const frequentie = v.code('frequentie', FREQUENTIE, 'de frequenties (WMO757)');
      const leveringsvorm = v.keuze('leveringsvorm', LEVERINGSVORMEN);
      const ingangsdatum = v.datum('ingangsdatum');
      const einddatum = v.datum('einddatum', false);
      if (ingangsdatum && einddatum && einddatum < ingangsdatum) v.redenen.push(`einddatum: ${einddatum} ligt voor de ingangsdatum ${ingangsdatum}`);
      const reden = wet ? v.code('reden_beeindiging', wet === 'WMO' ? WMO_REDEN_BEEINDIGING : JW_REDEN_BEEINDIGING, wet === 'WMO' ? 'WMO588' : 'JZ588', false) : null;
      if (reden && !einddatum) v.redenen.push('reden_beeindiging: alleen bij een einddatum');
      const sleutel = wet && toewijzingsnummer ? `${wet}:${nummer(toewijzingsnummer)}` : null;
      if (sleutel && nummerRegel.has(sleutel)) v.redenen.push(`toewijzingsnummer: staat voor deze wet al op regel ${nummerRegel.get(sleutel)}`);
      if (v.redenen.length > 0) {
        weigeringen.weiger(regel.regel, ...v.redenen);
        continue;
      }
      nummerRegel.set(sleutel!, regel.regel);
      gelezen.push({
        regel: regel.regel, wet: wet!, nummer: nummer(toewijzingsnummer!), inwonerId: pseudonymOf(bsn!, pseudonymSecret), categorie: categorie!, productcode: productcode!,
        agb: agb!, volume: volume!, eenheid: eenheid!, frequentie: frequentie!, leveringsvorm: leveringsvorm!, ingangsdatum: ingangsdatum!, einddatum, reden,
      });
    }

    // Checks against what is stored, each one statement for the whole file.
    const bekend = new Set(
      (await database('toegang').query<{ id: string }>(`SELECT id FROM inwoner WHERE id = ANY($1)`, [[...new Set(gelezen.map((t) => t.inwonerId))]])).map((r) => r.id),
    );
    const catalogus = await database('inkoop').query<CatalogusRij>(
      `SELECT c.id AS contract_id, c.aanbieder_agb, c.wet, c.looptijd_van, c.looptijd_tot, p.id AS product_id, p.productcode, t.id AS tarief_id, t.geldig_van, t.geldig_tot
       FROM contract c JOIN contract_gemeente cg ON cg.contract_id = c.id AND cg.gemeente_code = $1
       JOIN perceel pe ON pe.contract_id = c.id JOIN product p ON p.perceel_id = pe.id JOIN tarief t ON t.product_id = p.id
       ORDER BY c.looptijd_van DESC, c.id, t.geldig_van DESC`,
      [gemeente],
    );
    const andereClient = new Map<string, string>();
    for (const wet of ['WMO', 'JEUGDWET'] as const) {
      const nummers = gelezen.filter((t) => t.wet === wet).map((t) => t.nummer);
      if (nummers.length === 0) continue;
      const rijen = await database(wet === 'WMO' ? 'wmo' : 'jeugd').query<{ nummer: string; inwoner_id: string }>(
        `SELECT toewijzingsnummer::text AS nummer, inwoner_id FROM toewijzing WHERE gemeente_code = $1 AND toewijzingsnummer::text = ANY($2)`,
        [gemeente, nummers],
      );
      for (const rij of rijen) andereClient.set(`${wet}:${rij.nummer}`, rij.inwoner_id);
    }

    const wmo: Doel['rijen'][number][] = [];
    const jeugd: Doel['rijen'][number][] = [];
    const berichten: Doel['rijen'][number][] = [];
    for (const t of gelezen) {
      const redenen: string[] = [];
      if (!bekend.has(t.inwonerId)) redenen.push('bsn: client niet bekend in toegang (importeer eerst de clienten)');
      const opgeslagen = andereClient.get(`${t.wet}:${t.nummer}`);
      if (opgeslagen && opgeslagen !== t.inwonerId) redenen.push('toewijzingsnummer: is in de gemeente al gegeven aan een andere client');
      const geldig = (van: string, tot: string | null) => van <= t.ingangsdatum && (tot === null || tot >= t.ingangsdatum);
      const vanAanbieder = catalogus.filter((c) => c.aanbieder_agb === t.agb && c.wet === t.wet && geldig(c.looptijd_van, c.looptijd_tot));
      const product = vanAanbieder.find((c) => c.productcode === t.productcode);
      const tarief = vanAanbieder.find((c) => c.productcode === t.productcode && geldig(c.geldig_van, c.geldig_tot));
      if (vanAanbieder.length === 0) redenen.push(`agb_code: geen contract van aanbieder ${t.agb} voor de ${t.wet === 'WMO' ? 'Wmo' : 'Jeugdwet'} in gemeente ${gemeente} op ${t.ingangsdatum}`);
      else if (!product) redenen.push(`productcode: ${t.productcode} staat niet in het contract van aanbieder ${t.agb}`);
      else if (!tarief) redenen.push(`ingangsdatum: geen tarief voor product ${t.productcode} van aanbieder ${t.agb} op ${t.ingangsdatum}`);
      if (redenen.length > 0 || !tarief) {
        weigeringen.weiger(t.regel, ...redenen);
        continue;
      }
      const gemeenschappelijk = [t.categorie, t.productcode, t.agb, tarief.contract_id];
      if (t.wet === 'WMO') {
        wmo.push({ regel: t.regel, waarden: [gemeente, t.nummer, t.inwonerId, ...gemeenschappelijk, tarief.product_id, tarief.tarief_id, t.volume, t.eenheid, t.frequentie, t.leveringsvorm, t.ingangsdatum, t.einddatum, t.reden] });
      } else {
        jeugd.push({ regel: t.regel, waarden: [gemeente, t.nummer, t.inwonerId, ...gemeenschappelijk, tarief.tarief_id, t.volume, t.eenheid, t.frequentie, t.leveringsvorm, t.ingangsdatum, t.einddatum, t.reden] });
      }
      // Only in natura: a PGB is paid through the SVB and never sent to an aanbieder as a 301.
      if (t.leveringsvorm === 'ZIN') {
        berichten.push({ regel: t.regel, waarden: [t.nummer, gemeente, t.wet, t.agb, t.categorie, t.productcode, tarief.tarief_id, t.volume, t.eenheid, t.frequentie, t.ingangsdatum, t.einddatum] });
      }
    }
    const toewijzing = ['gemeente_code', 'toewijzingsnummer', 'inwoner_id', 'productcategorie', 'productcode', 'aanbieder_agb', 'contract_id'];
    const omvang = ['volume', 'eenheid', 'frequentie', 'leveringsvorm', 'ingangsdatum', 'einddatum', 'reden_beeindiging'];
    return {
      doelen: [
        { subgraph: 'wmo', doel: { tabel: 'toewijzing', sleutel: ['gemeente_code', 'toewijzingsnummer'], kolommen: [...toewijzing, 'product_id', 'tarief_id', ...omvang], rijen: wmo } },
        { subgraph: 'jeugd', doel: { tabel: 'toewijzing', sleutel: ['gemeente_code', 'toewijzingsnummer'], kolommen: [...toewijzing, 'tarief_id', ...omvang], rijen: jeugd } },
        {
          subgraph: 'inkoop',
          doel: {
            tabel: 'toewijzingsbericht', sleutel: ['gemeente_code', 'wet', 'toewijzingsnummer'],
            kolommen: ['toewijzingsnummer', 'gemeente_code', 'wet', 'aanbieder_agb', 'productcategorie', 'productcode', 'tarief_id', 'volume', 'eenheid', 'frequentie', 'ingangsdatum', 'einddatum'],
            rijen: berichten,
          },
        },
      ],
      geweigerd: weigeringen.perRegel,
      bronnen: (['WMO', 'JEUGDWET'] as const)
        .map((wet) => ({ bron: 'TOEWIJZINGEN' as const, wet, aantal: (wet === 'WMO' ? wmo : jeugd).length }))
        .filter((b) => b.aantal > 0),
    };
  },
};

/**
 * `declaraties` (inkoop): declaration lines (prestaties of the iWmo/iJw 303/323) as the municipality's
 * or region's system exports them. A line is identified by the aanbieder and its referentienummer (as
 * in the 323); a correction names the line it replaces in `vorig_referentienummer`. The toewijzing
 * must be known for the gemeente and wet (import `toewijzingen` first) and belong to the same aanbieder.
 */
export const DECLARATIES: Soort = {
  verplicht: ['wet', 'referentienummer', 'toewijzingsnummer', 'agb_code', 'productcategorie', 'productcode', 'begindatum', 'einddatum', 'geleverd_volume', 'eenheid', 'bedrag', 'ingediend_op', 'status'],
  optioneel: ['vorig_referentienummer'],
  subgraphs: ['inkoop'],
  async voorbereiden(regels, { gemeente, database }) {
    const weigeringen = new Weigeringen();
    const idRegel = new Map<string, number>();
    const gelezen: { regel: number; waarden: unknown[]; wet: string; nummer: string; agb: string; vorig: string | null }[] = [];
    for (const regel of regels) {
      const v = new Velden(regel);
      const wet = v.keuze('wet', WETTEN);
      const referentie = v.tekst('referentienummer', REFERENTIENUMMER);
      const toewijzingsnummer = v.tekst('toewijzingsnummer', TOEWIJZINGSNUMMER);
      const agb = v.tekst('agb_code', AGB);
      const categorie = wet ? v.code('productcategorie', wet === 'WMO' ? WMO_PRODUCTCATEGORIE : JW_PRODUCTCATEGORIE, `de productcategorieen van de ${wet === 'WMO' ? 'Wmo' : 'Jeugdwet'}`) : null;
      const productcode = v.tekst('productcode', PRODUCTCODE)?.toUpperCase() ?? null;
      if (categorie && productcode && productcode.slice(0, 2) !== categorie) v.redenen.push(`productcode: ${productcode} hoort niet bij productcategorie ${categorie}`);
      const begindatum = v.datum('begindatum');
      const einddatum = v.datum('einddatum');
      if (begindatum && einddatum && einddatum < begindatum) v.redenen.push(`einddatum: ${einddatum} ligt voor de begindatum ${begindatum}`);
      const volume = v.getal('geleverd_volume');
      const eenheid = v.code('eenheid', EENHEID, 'de eenheden (WJ756)');
      const bedrag = v.bedrag('bedrag');
      const ingediend = v.datum('ingediend_op');
      if (ingediend && begindatum && ingediend < begindatum) v.redenen.push(`ingediend_op: ${ingediend} ligt voor de begindatum van de levering`);
      const status = v.keuze('status', DECLARATIESTATUS);
      const vorig = v.tekst('vorig_referentienummer', REFERENTIENUMMER, false);
      const id = agb && referentie ? declaratieId(agb, referentie) : null;
      if (id && idRegel.has(id)) v.redenen.push(`referentienummer: staat voor deze aanbieder al op regel ${idRegel.get(id)}`);
      if (v.redenen.length > 0) {
        weigeringen.weiger(regel.regel, ...v.redenen);
        continue;
      }
      idRegel.set(id!, regel.regel);
      gelezen.push({
        regel: regel.regel, wet: wet!, nummer: nummer(toewijzingsnummer!), agb: agb!, vorig: vorig && declaratieId(agb!, vorig),
        waarden: [id, gemeente, wet, nummer(toewijzingsnummer!), agb, categorie, productcode, begindatum, einddatum, volume, eenheid, bedrag, ingediend, status, vorig && declaratieId(agb!, vorig)],
      });
    }
    const inkoop = database('inkoop');
    const toewijzingen = new Map(
      (await inkoop.query<{ sleutel: string; aanbieder_agb: string }>(
        `SELECT wet || ':' || toewijzingsnummer::text AS sleutel, aanbieder_agb FROM toewijzingsbericht WHERE gemeente_code = $1 AND wet || ':' || toewijzingsnummer::text = ANY($2)`,
        [gemeente, [...new Set(gelezen.map((d) => `${d.wet}:${d.nummer}`))]],
      )).map((r) => [r.sleutel, r.aanbieder_agb]),
    );
    const vorige = gelezen.map((d) => d.vorig).filter((id): id is string => id !== null);
    const opgeslagen = new Set((await inkoop.query<{ id: string }>(`SELECT id FROM declaratie WHERE id = ANY($1)`, [vorige])).map((r) => r.id));
    const rijen: Doel['rijen'][number][] = [];
    for (const d of gelezen) {
      const redenen: string[] = [];
      const aanbieder = toewijzingen.get(`${d.wet}:${d.nummer}`);
      if (aanbieder === undefined) redenen.push(`toewijzingsnummer: ${d.nummer} is voor de ${d.wet === 'WMO' ? 'Wmo' : 'Jeugdwet'} in gemeente ${gemeente} niet bekend als toewijzing in natura (importeer eerst de toewijzingen)`);
      else if (aanbieder !== d.agb) redenen.push(`agb_code: de toewijzing is gegeven aan aanbieder ${aanbieder}, niet aan ${d.agb}`);
      if (d.vorig && !opgeslagen.has(d.vorig) && !(idRegel.has(d.vorig) && !weigeringen.has(idRegel.get(d.vorig)!))) {
        redenen.push('vorig_referentienummer: de gecorrigeerde regel is niet bekend (niet opgeslagen en niet aanvaard in dit bestand)');
      }
      if (redenen.length > 0) weigeringen.weiger(d.regel, ...redenen);
      else rijen.push({ regel: d.regel, waarden: d.waarden });
    }
    // A correction whose corrected line was refused above, later in the same pass, goes too: the chain must be whole.
    const aanvaard = rijen.filter((r) => {
      const vorig = r.waarden[14] as string | null;
      if (vorig && !opgeslagen.has(vorig) && weigeringen.has(idRegel.get(vorig)!)) {
        weigeringen.weiger(r.regel, 'vorig_referentienummer: de gecorrigeerde regel is geweigerd');
        return false;
      }
      return true;
    });
    return {
      doelen: [
        {
          subgraph: 'inkoop',
          doel: {
            tabel: 'declaratie', sleutel: ['id'],
            kolommen: ['id', 'gemeente_code', 'wet', 'toewijzingsnummer', 'aanbieder_agb', 'productcategorie', 'productcode', 'levering_van', 'levering_tot',
              'geleverd_volume', 'eenheid', 'bedrag', 'ingediend_op', 'status', 'correctie_van'],
            rijen: aanvaard,
          },
        },
      ],
      geweigerd: weigeringen.perRegel,
      bronnen: (['WMO', 'JEUGDWET'] as const)
        .map((wet) => ({ bron: 'DECLARATIES' as const, wet, aantal: aanvaard.filter((r) => r.waarden[2] === wet).length }))
        .filter((b) => b.aantal > 0),
    };
  },
};

/** The stored id of a declaration line: the aanbieder's AGB code and its referentienummer (unique per aanbieder, as in the 323). */
export function declaratieId(agb: string, referentienummer: string): string {
  return `d-${agb}-${referentienummer}`;
}

export const SOORTEN = { clienten: CLIENTEN, toewijzingen: TOEWIJZINGEN, declaraties: DECLARATIES } as const;
export type SoortNaam = keyof typeof SOORTEN;
